using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MatterGen.Commissioning.Discovery.Wire;

/// <summary>
/// One resource record to send. <paramref name="Unique"/> records (SRV, TXT, A, AAAA of our own names) carry the
/// cache-flush bit (RFC 6762 section 10.2); shared ones (PTR) never do.
/// </summary>
/// <param name="Name">The owner name.</param>
/// <param name="Type">The record type.</param>
/// <param name="Unique">True for a record only this responder owns.</param>
/// <param name="TimeToLive">The TTL; zero in a goodbye.</param>
/// <param name="Data">The RDATA bytes, names uncompressed.</param>
/// <param name="Target">The name a PTR or SRV record points to, for known-answer matching and additional records.</param>
public sealed record DnsRecord(string Name, DnsRecordType Type, bool Unique, TimeSpan TimeToLive, byte[] Data, string? Target = null)
{
    /// <summary>The Internet class.</summary>
    public const ushort ClassInternet = 1;

    /// <summary>The cache-flush bit in a record's class (and the unicast-response bit in a question's class).</summary>
    public const ushort TopBit = 0x8000;

    /// <summary>A PTR record (shared).</summary>
    public static DnsRecord Pointer(string name, string target, TimeSpan ttl)
    {
        var data = new List<byte>();
        DnsName.Write(data, target);
        return new DnsRecord(name, DnsRecordType.Ptr, false, ttl, data.ToArray(), target);
    }

    /// <summary>An SRV record (unique): priority 0, weight 0.</summary>
    public static DnsRecord Service(string name, ushort port, string host, TimeSpan ttl)
    {
        var data = new List<byte> { 0, 0, 0, 0, (byte)(port >> 8), (byte)port };
        DnsName.Write(data, host);
        return new DnsRecord(name, DnsRecordType.Srv, true, ttl, data.ToArray(), host);
    }

    /// <summary>A TXT record (unique) of <c>key=value</c> strings; throws <see cref="ArgumentException"/> for a string over 255 bytes.</summary>
    public static DnsRecord Text(string name, IEnumerable<KeyValuePair<string, string>> entries, TimeSpan ttl)
    {
        var data = new List<byte>();
        foreach (var (key, value) in entries)
        {
            var bytes = Encoding.UTF8.GetBytes(key + "=" + value);
            if (bytes.Length > 255)
            {
                throw new ArgumentException($"The TXT entry {key} is longer than 255 bytes.", nameof(entries));
            }

            data.Add((byte)bytes.Length);
            data.AddRange(bytes);
        }

        // An empty TXT record holds one empty string (RFC 6763 section 6.1).
        if (data.Count == 0)
        {
            data.Add(0);
        }

        return new DnsRecord(name, DnsRecordType.Txt, true, ttl, data.ToArray());
    }

    /// <summary>An A or AAAA record (unique) for <paramref name="address"/>.</summary>
    public static DnsRecord Address(string host, IPAddress address, TimeSpan ttl)
    {
        ArgumentNullException.ThrowIfNull(address);
        var type = address.AddressFamily == AddressFamily.InterNetworkV6 ? DnsRecordType.Aaaa : DnsRecordType.A;
        return new DnsRecord(host, type, true, ttl, address.GetAddressBytes());
    }

    /// <summary>The same record with TTL zero: the goodbye that removes it from caches (RFC 6762 section 10.1).</summary>
    public DnsRecord Goodbye() => this with { TimeToLive = TimeSpan.Zero };

    /// <summary>Appends the record in wire format.</summary>
    public void WriteTo(List<byte> output)
    {
        DnsName.Write(output, Name);
        Span<byte> fixedPart = stackalloc byte[10];
        BinaryPrimitives.WriteUInt16BigEndian(fixedPart, (ushort)Type);
        BinaryPrimitives.WriteUInt16BigEndian(fixedPart[2..], (ushort)(ClassInternet | (Unique ? TopBit : 0)));
        BinaryPrimitives.WriteUInt32BigEndian(fixedPart[4..], (uint)Math.Max(0, TimeToLive.TotalSeconds));
        BinaryPrimitives.WriteUInt16BigEndian(fixedPart[8..], (ushort)Data.Length);
        output.AddRange(fixedPart.ToArray());
        output.AddRange(Data);
    }
}
