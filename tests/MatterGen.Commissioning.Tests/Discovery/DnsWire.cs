using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text;
using MatterGen.Commissioning.Discovery.Wire;

namespace MatterGen.Commissioning.Tests.Discovery;

/// <summary>Builds queries and reads responses the way another mDNS implementation would, for the tests.</summary>
internal static class DnsWire
{
    public static byte[] Query(params (string Name, DnsRecordType Type)[] questions) => Query(questions, []);

    public static byte[] Query((string Name, DnsRecordType Type)[] questions, DnsRecord[] knownAnswers, bool unicastResponse = false)
    {
        var output = new List<byte> { 0, 0, 0, 0, 0, (byte)questions.Length, 0, (byte)knownAnswers.Length, 0, 0, 0, 0 };
        foreach (var (name, type) in questions)
        {
            DnsName.Write(output, name);
            output.AddRange([(byte)((int)type >> 8), (byte)type, (byte)(unicastResponse ? 0x80 : 0), 1]);
        }

        foreach (var answer in knownAnswers)
        {
            answer.WriteTo(output);
        }

        return output.ToArray();
    }

    /// <summary>The records of a response: name, type, class, TTL, data.</summary>
    public static List<(string Name, DnsRecordType Type, ushort Class, uint Ttl, byte[] Data)> ReadResponse(byte[] message)
    {
        var span = message.AsSpan();
        int count = BinaryPrimitives.ReadUInt16BigEndian(span[6..]) + BinaryPrimitives.ReadUInt16BigEndian(span[8..]) + BinaryPrimitives.ReadUInt16BigEndian(span[10..]);
        var offset = 12;
        for (var q = 0; q < BinaryPrimitives.ReadUInt16BigEndian(span[4..]); q++)
        {
            DnsName.Read(span, ref offset);
            offset += 4;
        }

        var records = new List<(string, DnsRecordType, ushort, uint, byte[])>();
        for (var i = 0; i < count; i++)
        {
            var name = DnsName.Read(span, ref offset);
            var type = (DnsRecordType)BinaryPrimitives.ReadUInt16BigEndian(span[offset..]);
            var @class = BinaryPrimitives.ReadUInt16BigEndian(span[(offset + 2)..]);
            var ttl = BinaryPrimitives.ReadUInt32BigEndian(span[(offset + 4)..]);
            var length = BinaryPrimitives.ReadUInt16BigEndian(span[(offset + 8)..]);
            records.Add((name, type, @class, ttl, span.Slice(offset + 10, length).ToArray()));
            offset += 10 + length;
        }

        return records;
    }

    public static Dictionary<string, string> TextEntries(byte[] data)
    {
        var entries = new Dictionary<string, string>();
        for (var offset = 0; offset < data.Length;)
        {
            var text = Encoding.UTF8.GetString(data, offset + 1, data[offset]);
            offset += 1 + data[offset];
            var equals = text.IndexOf('=', StringComparison.Ordinal);
            entries[text[..equals]] = text[(equals + 1)..];
        }

        return entries;
    }
}
