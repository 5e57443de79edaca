using System;
using MatterGen.Tlv;
using Xunit;

namespace MatterGen.Runtime.Tests.Tlv;

/// <summary>
/// Walks arbitrary bytes with every reader operation (Read, Skip, each typed getter) and lets only
/// <see cref="TlvException"/> through; anything else fails the test.
/// </summary>
internal static class TlvWalker
{
    /// <summary>Walks <paramref name="bytes"/>; returns the error that ended the walk, or null when the input was valid.</summary>
    public static TlvError? Walk(byte[] bytes, int skipSeed)
    {
        var reader = new TlvReader(new ReadOnlyMemory<byte>(bytes), maxDepth: 8);
        try
        {
            var consumed = 0;
            while (reader.Read())
            {
                Assert.True(reader.BytesConsumed > consumed, "Read() must make progress");
                Assert.InRange(reader.BytesConsumed, 1, bytes.Length);
                consumed = reader.BytesConsumed;
                ProbeGetters(ref reader);
                if ((reader.ElementOffset + skipSeed) % 3 == 0)
                {
                    reader.Skip();
                    Assert.True(reader.BytesConsumed >= consumed);
                    consumed = reader.BytesConsumed;
                }
            }

            reader.ExpectEnd();
            return null;
        }
        catch (TlvException e)
        {
            Assert.InRange(e.Offset, 0, bytes.Length);
            return e.Error;
        }
    }

    private delegate void Getter(ref TlvReader reader);

    private static readonly Getter[] Getters =
    [
        static (ref TlvReader r) => r.GetInt64(),
        static (ref TlvReader r) => r.GetUInt64(),
        static (ref TlvReader r) => r.GetInt32(),
        static (ref TlvReader r) => r.GetUInt32(),
        static (ref TlvReader r) => r.GetInt16(),
        static (ref TlvReader r) => r.GetUInt16(),
        static (ref TlvReader r) => r.GetSByte(),
        static (ref TlvReader r) => r.GetByte(),
        static (ref TlvReader r) => r.GetBoolean(),
        static (ref TlvReader r) => r.GetSingle(),
        static (ref TlvReader r) => r.GetDouble(),
        static (ref TlvReader r) => r.GetUtf8Bytes(),
        static (ref TlvReader r) => r.GetString(),
        static (ref TlvReader r) => r.GetOctetString(),
        static (ref TlvReader r) => r.GetOctetStringArray(),
        static (ref TlvReader r) => r.GetOctetStringMemory(),
        static (ref TlvReader r) => r.ExpectType(TlvElementType.Structure),
        static (ref TlvReader r) => _ = r.IsNull,
        static (ref TlvReader r) => _ = r.Tag.ToString(),
    ];

    private static void ProbeGetters(ref TlvReader reader)
    {
        foreach (var getter in Getters)
        {
            try
            {
                getter(ref reader);
            }
            catch (TlvException e)
            {
                Assert.Equal(reader.ElementOffset, e.Offset);
            }
        }
    }
}
