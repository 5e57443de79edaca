using System;
using System.Buffers;
using System.Collections.Generic;
using MatterGen.Tlv;

namespace MatterGen.Clusters.Tests.Interaction;

/// <summary>Writes one TLV value.</summary>
public delegate void TlvWrite(ref TlvWriter writer);

/// <summary>Raw TLV for tests that speak bytes to a server, as a network peer would.</summary>
public static class TlvBytes
{
    /// <summary>The bytes <paramref name="write"/> produces.</summary>
    public static byte[] Of(TlvWrite write)
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new TlvWriter(output);
        write(ref writer);
        writer.Flush();
        return output.WrittenSpan.ToArray();
    }

    /// <summary>An anonymous array of unsigned integers, as the global list attributes are read.</summary>
    public static List<uint> Ids(ReadOnlyMemory<byte> bytes)
    {
        var reader = new TlvReader(bytes.Span);
        reader.ExpectType(TlvElementType.Array);
        var ids = new List<uint>();
        while (reader.Read() && reader.ElementType != TlvElementType.EndOfContainer)
        {
            ids.Add(reader.GetUInt32());
        }

        return ids;
    }

    /// <summary>One anonymous unsigned integer.</summary>
    public static ulong Unsigned(ReadOnlyMemory<byte> bytes)
    {
        var reader = new TlvReader(bytes.Span);
        reader.ExpectType(TlvElementType.UnsignedInteger);
        return reader.GetUInt64();
    }
}
