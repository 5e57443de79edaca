using System;
using System.Buffers.Binary;
using System.Collections.Generic;

namespace MatterGen.Commissioning.Discovery.Wire;

/// <summary>A resource record read from a received message: a known answer in a query, or a record of a response.</summary>
/// <param name="Name">The owner name.</param>
/// <param name="Type">The record type.</param>
/// <param name="CacheFlush">The cache-flush bit of the class.</param>
/// <param name="TimeToLive">The TTL (zero in a goodbye).</param>
/// <param name="Data">The RDATA bytes as received (names in it may be compressed).</param>
/// <param name="Target">The name a PTR or SRV record points to, decompressed; null for other types.</param>
public sealed record DnsReceivedRecord(string Name, DnsRecordType Type, bool CacheFlush, TimeSpan TimeToLive, byte[] Data, string? Target)
{
    /// <summary>Reads the record at <paramref name="offset"/> and moves past it; throws <see cref="DnsFormatException"/> when it is malformed.</summary>
    public static DnsReceivedRecord Read(ReadOnlySpan<byte> message, ref int offset)
    {
        var name = DnsName.Read(message, ref offset);
        if (offset + 10 > message.Length)
        {
            throw new DnsFormatException("A record ends inside its fixed fields.");
        }

        var type = (DnsRecordType)BinaryPrimitives.ReadUInt16BigEndian(message[offset..]);
        var @class = BinaryPrimitives.ReadUInt16BigEndian(message[(offset + 2)..]);
        var ttl = BinaryPrimitives.ReadUInt32BigEndian(message[(offset + 4)..]);
        var length = BinaryPrimitives.ReadUInt16BigEndian(message[(offset + 8)..]);
        offset += 10;
        if (offset + length > message.Length)
        {
            throw new DnsFormatException("A record's data runs past the end of the message.");
        }

        string? target = null;
        var dataOffset = offset;
        if (type == DnsRecordType.Ptr)
        {
            target = DnsName.Read(message, ref dataOffset);
        }
        else if (type == DnsRecordType.Srv && length > 6)
        {
            dataOffset += 6;
            target = DnsName.Read(message, ref dataOffset);
        }

        var data = message.Slice(offset, length).ToArray();
        offset += length;
        return new DnsReceivedRecord(name, type, (@class & DnsRecord.TopBit) != 0, TimeSpan.FromSeconds(ttl), data, target);
    }

    /// <summary>
    /// Every record of a response message (answers, authority, additional), for a querier or a test; at most
    /// <see cref="DnsQuery.MaximumEntries"/> per section. Throws <see cref="DnsFormatException"/> when it is malformed.
    /// </summary>
    public static IReadOnlyList<DnsReceivedRecord> ReadResponse(ReadOnlySpan<byte> message, out ushort id)
    {
        if (message.Length < 12)
        {
            throw new DnsFormatException("A DNS message is shorter than its header.");
        }

        id = BinaryPrimitives.ReadUInt16BigEndian(message);
        var questions = BinaryPrimitives.ReadUInt16BigEndian(message[4..]);
        var count = 0;
        for (var section = 6; section <= 10; section += 2)
        {
            var entries = BinaryPrimitives.ReadUInt16BigEndian(message[section..]);
            count += entries <= DnsQuery.MaximumEntries ? entries : throw new DnsFormatException("A section holds too many records.");
        }

        if (questions > DnsQuery.MaximumEntries)
        {
            throw new DnsFormatException("A message holds too many questions.");
        }

        var offset = 12;
        for (var i = 0; i < questions; i++)
        {
            DnsName.Read(message, ref offset);
            offset += 4;
        }

        var records = new List<DnsReceivedRecord>(count);
        for (var i = 0; i < count; i++)
        {
            records.Add(Read(message, ref offset));
        }

        return records;
    }
}
