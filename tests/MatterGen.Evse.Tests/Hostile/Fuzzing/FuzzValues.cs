using System;
using System.Buffers;
using MatterGen.Tlv;

namespace MatterGen.Evse.Tests.Hostile.Fuzzing;

/// <summary>Well-formed TLV values a fuzz target draws from: any scalar, edges of a range.</summary>
public static class FuzzValues
{
    /// <summary>Writes one value.</summary>
    public delegate void Encoder(ref TlvWriter writer);

    /// <summary>The bytes <paramref name="encode"/> writes.</summary>
    public static byte[] Encode(Encoder encode)
    {
        ArgumentNullException.ThrowIfNull(encode);
        var output = new ArrayBufferWriter<byte>(64);
        var writer = new TlvWriter(output);
        encode(ref writer);
        writer.Flush();
        return output.WrittenSpan.ToArray();
    }

    /// <summary>One of <paramref name="edges"/>.</summary>
    public static long Edge(Random random, long[] edges) => edges[random.Next(edges.Length)];

    /// <summary>An anonymous scalar of any type and width: what a peer may write to any attribute.</summary>
    public static byte[] AnyScalar(Random random) => Encode((ref TlvWriter writer) =>
    {
        switch (random.Next(7))
        {
            case 0:
                writer.WriteNull(TlvTag.Anonymous);
                break;
            case 1:
                writer.WriteSignedInteger(TlvTag.Anonymous, random.Next(2) == 0 ? random.NextInt64(-100, 100_000) : random.NextInt64(long.MinValue, long.MaxValue));
                break;
            case 2:
                writer.WriteUnsignedInteger(TlvTag.Anonymous, (ulong)random.NextInt64(0, 100_000));
                break;
            case 3:
                writer.WriteUnsignedInteger(TlvTag.Anonymous, (ulong)random.NextInt64());
                break;
            case 4:
                writer.WriteString(TlvTag.Anonymous, "hostile");
                break;
            case 5:
                writer.WriteBoolean(TlvTag.Anonymous, random.Next(2) == 0);
                break;
            default:
                writer.WriteUnsignedInteger(TlvTag.Anonymous, (ulong)random.Next(0, 65536));
                break;
        }
    });
}
