using System;
using System.Buffers.Binary;
using System.Collections.Generic;

namespace MatterGen.Commissioning.Discovery.Wire;

/// <summary>Writes an mDNS response message (RFC 6762 section 18): authoritative answer, answers then additional records.</summary>
public static class DnsResponse
{
    /// <summary>
    /// The message bytes. <paramref name="id"/> is zero for multicast; a legacy unicast answer echoes the query's id and
    /// its <paramref name="questions"/> (RFC 6762 section 6.7).
    /// </summary>
    public static byte[] Write(IReadOnlyCollection<DnsRecord> answers, IReadOnlyCollection<DnsRecord> additional, ushort id = 0, IReadOnlyCollection<DnsQuestion>? questions = null)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(additional);
        var output = new List<byte>(512);
        Span<byte> header = stackalloc byte[12];
        BinaryPrimitives.WriteUInt16BigEndian(header, id);
        BinaryPrimitives.WriteUInt16BigEndian(header[2..], 0x8400); // QR = response, AA = authoritative
        BinaryPrimitives.WriteUInt16BigEndian(header[4..], (ushort)(questions?.Count ?? 0));
        BinaryPrimitives.WriteUInt16BigEndian(header[6..], (ushort)answers.Count);
        BinaryPrimitives.WriteUInt16BigEndian(header[10..], (ushort)additional.Count);
        output.AddRange(header.ToArray());
        foreach (var question in questions ?? [])
        {
            DnsName.Write(output, question.Name);
            output.Add((byte)((ushort)question.Type >> 8));
            output.Add((byte)question.Type);
            output.Add(0);
            output.Add((byte)DnsRecord.ClassInternet);
        }

        foreach (var record in answers)
        {
            record.WriteTo(output);
        }

        foreach (var record in additional)
        {
            record.WriteTo(output);
        }

        return output.ToArray();
    }
}
