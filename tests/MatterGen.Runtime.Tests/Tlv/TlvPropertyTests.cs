using System;
using System.Linq;
using CsCheck;
using MatterGen.Tlv;
using Xunit;

namespace MatterGen.Runtime.Tests.Tlv;

/// <summary>Random values round-trip; random and mutated bytes only ever raise <see cref="TlvException"/>.</summary>
public sealed class TlvPropertyTests
{
    [Fact]
    public void Random_messages_round_trip()
    {
        TlvGenerators.Message.Sample(elements =>
        {
            var bytes = TlvValue.Encode(elements);
            var read = TlvValue.DecodeAll(bytes);
            Assert.Equal(TlvValue.Describe(elements), TlvValue.Describe(read));
            Assert.Equal(bytes, TlvValue.Encode([.. read]));
            Assert.Null(TlvWalker.Walk(bytes, skipSeed: bytes.Length));
        }, iter: 3000);
    }

    [Fact]
    public void Signed_integers_use_the_smallest_width_and_narrow_exactly()
    {
        Gen.Frequency((1, Gen.Long), (1, Gen.Long[-70000, 70000])).Sample(value =>
        {
            var buffer = new byte[9];
            var writer = new TlvWriter(buffer);
            writer.WriteSignedInteger(TlvTag.Anonymous, value);
            var width = value == (sbyte)value ? 1 : value == (short)value ? 2 : value == (int)value ? 4 : 8;
            Assert.Equal(1 + width, writer.BytesWritten);

            var reader = new TlvReader(buffer.AsSpan(0, writer.BytesWritten));
            Assert.True(reader.Read());
            Assert.Equal(value, reader.GetInt64());
            AssertNarrow(reader, value == (int)value, static (ref TlvReader r) => r.GetInt32());
            AssertNarrow(reader, value == (short)value, static (ref TlvReader r) => r.GetInt16());
            AssertNarrow(reader, value == (sbyte)value, static (ref TlvReader r) => r.GetSByte());
        });
    }

    [Fact]
    public void Unsigned_integers_use_the_smallest_width_and_narrow_exactly()
    {
        Gen.Frequency((1, Gen.ULong), (1, Gen.ULong[0, 70000])).Sample(value =>
        {
            var buffer = new byte[10];
            var writer = new TlvWriter(buffer);
            writer.WriteUnsignedInteger(TlvTag.Context(1), value);
            var width = value <= byte.MaxValue ? 1 : value <= ushort.MaxValue ? 2 : value <= uint.MaxValue ? 4 : 8;
            Assert.Equal(2 + width, writer.BytesWritten);

            var reader = new TlvReader(buffer.AsSpan(0, writer.BytesWritten));
            Assert.True(reader.Read());
            Assert.Equal(value, reader.GetUInt64());
            AssertNarrow(reader, value <= uint.MaxValue, static (ref TlvReader r) => r.GetUInt32());
            AssertNarrow(reader, value <= ushort.MaxValue, static (ref TlvReader r) => r.GetUInt16());
            AssertNarrow(reader, value <= byte.MaxValue, static (ref TlvReader r) => r.GetByte());
        });
    }

    [Fact]
    public void Random_bytes_only_raise_TlvException()
    {
        Gen.Select(Gen.Byte.Array[0, 48], Gen.Int[0, 2]).Sample((bytes, seed) => TlvWalker.Walk(bytes, seed), iter: 30000);
        Gen.Select(TlvGenerators.TlvLikeByte.Array[0, 48], Gen.Int[0, 2]).Sample((bytes, seed) => TlvWalker.Walk(bytes, seed), iter: 30000);
    }

    [Fact]
    public void Mutated_valid_messages_only_raise_TlvException()
    {
        var known = TlvSpecVectors.RoundTrip().Select(v => Hex.Parse(v.Hex))
            .Append(TlvValue.Encode(TlvSpecVectors.Encoding1Value))
            .ToArray();
        var valid = Gen.Frequency(
            (1, Gen.OneOf(known)),
            (1, TlvGenerators.Message.Select(m => TlvValue.Encode(m))));

        Gen.Select(valid, Gen.Int[0, 3], Gen.Int, Gen.Byte, Gen.Int[1, 4]).Sample((bytes, operation, where, value, count) =>
        {
            var mutated = bytes;
            for (var i = 0; i < count && mutated.Length > 0; i++)
            {
                mutated = Mutate(mutated, operation, (int)((uint)(where + (i * 7919)) % (uint)mutated.Length), value);
            }

            TlvWalker.Walk(mutated, where & 3);
        }, iter: 20000);
    }

    [Fact]
    public void Every_truncation_of_encoding_1_is_reported()
    {
        var bytes = TlvValue.Encode(TlvSpecVectors.Encoding1Value);
        for (var length = 1; length < bytes.Length; length++)
        {
            var error = TlvWalker.Walk(bytes[..length], length);
            Assert.True(error is TlvError.Truncated or TlvError.LengthOutOfRange, $"length {length}: {error}");
        }
    }

    private static byte[] Mutate(byte[] bytes, int operation, int at, byte value) => operation switch
    {
        0 => [.. bytes[..at], value, .. bytes[(at + 1)..]],
        1 => bytes[..at],
        2 => [.. bytes[..at], value, .. bytes[at..]],
        _ => [.. bytes[..at], .. bytes[(at + 1)..]],
    };

    private delegate void Narrowing(ref TlvReader reader);

    private static void AssertNarrow(TlvReader reader, bool fits, Narrowing get)
    {
        try
        {
            get(ref reader);
            Assert.True(fits, "a value that does not fit was narrowed");
        }
        catch (TlvException e)
        {
            Assert.False(fits, "a value that fits was rejected");
            Assert.Equal(TlvError.ValueOutOfRange, e.Error);
        }
    }
}
