using System;
using CsCheck;
using MatterGen.GeneratedCode;
using MatterGen.Tlv;
using Xunit;

namespace MatterGen.Runtime.Tests.Tlv;

/// <summary>
/// The local-offset field reads generated decoders start with: they match only what the reader would accept
/// with the same value, and anything else leaves the offset for the reader's general path.
/// </summary>
public sealed class TlvFieldReaderTests
{
    [Theory]
    [InlineData("20 01 FB", -5L)]
    [InlineData("21 01 00 80", (long)short.MinValue)]
    [InlineData("22 01 FF FF FF 7F", (long)int.MaxValue)]
    [InlineData("23 01 00 00 00 00 00 00 00 80", long.MinValue)]
    public void Reads_a_signed_integer_of_every_width(string element, long expected)
    {
        foreach (var (input, start) in Placed(element))
        {
            var at = start;
            Assert.True(TlvFieldReader.TryReadSigned(input, ref at, 1, long.MinValue, long.MaxValue, out var value));
            Assert.Equal((expected, start + Hex.Parse(element).Length), (value, at));
        }
    }

    [Theory]
    [InlineData("24 02 FF", 255UL)]
    [InlineData("25 02 34 12", 0x1234UL)]
    [InlineData("26 02 80 1A 5E 2E", 0x2E5E1A80UL)]
    [InlineData("27 02 FF FF FF FF FF FF FF FF", ulong.MaxValue)]
    public void Reads_an_unsigned_integer_of_every_width(string element, ulong expected)
    {
        foreach (var (input, start) in Placed(element))
        {
            var at = start;
            Assert.True(TlvFieldReader.TryReadUnsigned(input, ref at, 2, 0, ulong.MaxValue, out var value));
            Assert.Equal((expected, start + Hex.Parse(element).Length), (value, at));
        }
    }

    [Theory]
    [InlineData("20 02 05")] // another tag
    [InlineData("24 01 05")] // unsigned where signed is asked for
    [InlineData("00 05")] // anonymous
    [InlineData("40 00 01 05")] // common-profile tag
    [InlineData("21 01 05")] // the value is cut short
    [InlineData("20 01 06")] // above the maximum
    [InlineData("20 01 FD")] // below the minimum
    [InlineData("20")] // one byte left
    [InlineData("")] // none left
    public void Leaves_anything_else_to_the_reader(string element)
    {
        var input = Hex.Parse(element);
        var at = 0;

        Assert.False(TlvFieldReader.TryReadSigned(input, ref at, 1, -2, 5, out _));
        Assert.Equal(0, at);
    }

    [Fact]
    public void Reads_booleans_and_nulls()
    {
        var input = Hex.Parse("29 03 28 04 34 05");
        var at = 0;

        Assert.True(TlvFieldReader.TryReadBoolean(input, ref at, 3, out var first));
        Assert.False(TlvFieldReader.TryReadBoolean(input, ref at, 3, out _)); // the next one has tag 4
        Assert.True(TlvFieldReader.TryReadBoolean(input, ref at, 4, out var second));
        Assert.False(TlvFieldReader.TryReadNull(input, ref at, 4));
        Assert.True(TlvFieldReader.TryReadNull(input, ref at, 5));
        Assert.Equal((true, false, 6), (first, second, at));
        Assert.False(TlvFieldReader.TryReadNull(input, ref at, 5));
    }

    [Fact]
    public void A_match_is_exactly_what_the_reader_reads() =>
        Gen.Select(Gen.Byte.Array[0, 12], Gen.Int[-2, 14], Gen.Byte[0, 3]).Sample((bytes, at, tag) =>
        {
            var start = at;
            if (TlvFieldReader.TryReadSigned(bytes, ref at, tag, long.MinValue, long.MaxValue, out var signed))
            {
                var reader = ReaderOnMember(bytes, start, at);
                Assert.Equal((TlvTag.Context(tag), TlvElementType.SignedInteger, signed), (reader.Tag, reader.ElementType, reader.GetInt64()));
            }

            at = start;
            if (TlvFieldReader.TryReadUnsigned(bytes, ref at, tag, 0, ulong.MaxValue, out var unsigned))
            {
                var reader = ReaderOnMember(bytes, start, at);
                Assert.Equal((TlvTag.Context(tag), TlvElementType.UnsignedInteger, unsigned), (reader.Tag, reader.ElementType, reader.GetUInt64()));
            }

            at = start;
            if (TlvFieldReader.TryReadBoolean(bytes, ref at, tag, out var boolean))
            {
                var reader = ReaderOnMember(bytes, start, at);
                Assert.Equal((TlvTag.Context(tag), boolean), (reader.Tag, reader.GetBoolean()));
            }

            at = start;
            if (TlvFieldReader.TryReadNull(bytes, ref at, tag))
            {
                var reader = ReaderOnMember(bytes, start, at);
                Assert.True(reader.IsNull);
            }
        }, iter: 20_000);

    [Theory]
    [InlineData("15 18", true, 1)]
    [InlineData("15 24 00 01 18", true, 4)]
    [InlineData("15 18 00", false, 1)] // something follows the end
    [InlineData("15 24 00 01 18", false, 1)] // not at the end yet
    [InlineData("", false, -1)]
    [InlineData("15", false, 0)]
    public void Recognizes_a_whole_message(string hex, bool ends, int at)
    {
        var message = Hex.Parse(hex);

        Assert.Equal(message.Length >= 2, TlvFieldReader.TryStartMessage(message, out var first) && first == 1);
        Assert.Equal(ends, TlvFieldReader.IsEndOfMessage(message, at));
    }

    [Fact]
    public void The_reader_takes_over_where_the_fields_ended()
    {
        var input = Hex.Parse("15 24 00 07 25 01 34 12 18");
        var reader = new TlvReader(input);
        reader.Read();
        var at = reader.BytesConsumed;
        Assert.True(TlvFieldReader.TryReadUnsigned(reader.Input, ref at, 0, 0, 255, out _));

        Assert.False(reader.TryEndStructure(at));
        Assert.True(reader.Read());
        Assert.Equal((TlvTag.Context(1), 0x1234UL), (reader.Tag, reader.GetUInt64()));
        Assert.True(reader.TryEndStructure(reader.BytesConsumed));
        Assert.Equal((TlvElementType.EndOfContainer, 0), (reader.ElementType, reader.Depth));
        reader.ExpectEnd();
    }

    [Fact]
    public void The_reader_refuses_an_offset_it_cannot_take()
    {
        var input = Hex.Parse("15 24 00 07 18");
        var reader = new TlvReader(input);
        reader.Read();
        reader.AdvanceInStructure(4);

        Assert.Throws<ArgumentOutOfRangeException>(() => AdvanceCopy(input, 1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => AdvanceCopy(input, 1, 6));
        Assert.Throws<InvalidOperationException>(() =>
        {
            var array = new TlvReader(Hex.Parse("16 18"));
            array.Read();
            array.AdvanceInStructure(1);
        });
        Assert.True(reader.TryEndStructure(4));
    }

    /// <summary>A reader opened on a structure and moved to <paramref name="start"/> with <paramref name="offset"/>.</summary>
    private static void AdvanceCopy(byte[] input, int start, int offset)
    {
        var reader = new TlvReader(input);
        reader.Read();
        reader.AdvanceInStructure(start);
        reader.AdvanceInStructure(offset);
    }

    /// <summary>A reader on the element at <paramref name="start"/>..<paramref name="end"/>, read as a structure member.</summary>
    private static TlvReader ReaderOnMember(byte[] bytes, int start, int end)
    {
        byte[] member = [0x15, .. bytes.AsSpan(start, end - start)];
        var reader = new TlvReader(member);
        reader.Read();
        Assert.True(reader.Read());
        return reader;
    }

    /// <summary>The element alone, after other bytes, and with room after it (the 8-byte load path).</summary>
    private static (byte[] Input, int Start)[] Placed(string element)
    {
        var bytes = Hex.Parse(element);
        return [(bytes, 0), ([0xAA, 0xBB, .. bytes], 2), ([.. bytes, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 0)];
    }
}
