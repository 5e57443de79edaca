using System;
using MatterGen.Tlv;
using Xunit;

namespace MatterGen.Runtime.Tests.Tlv;

public sealed class TlvReaderTests
{
    // Section 6 of the vectors: type and range errors of the typed getters.
    [Theory]
    [InlineData("C4 01 00")] // a fully-qualified tag cut short
    [InlineData("24")] // a context tag cut short
    [InlineData("45 01")] // a 2-byte common-profile tag cut short
    public void The_tag_after_a_failed_read_is_anonymous_not_an_exception(string hex)
    {
        var reader = new TlvReader(Hex.Parse(hex));

        var error = Assert.Throws<TlvException>(() => ReadOnce(Hex.Parse(hex)));
        Assert.Equal(TlvError.Truncated, error.Error);
        try
        {
            reader.Read();
        }
        catch (TlvException)
        {
            // Expected: the element is cut short.
        }

        Assert.Equal(TlvTag.Anonymous, reader.Tag);
    }

    [Theory]
    [InlineData("C8 F1 FF 01 00 2A 00", TlvTagKind.FullyQualified, 0x2Au)]
    [InlineData("68 01 00 01 00", TlvTagKind.CommonProfile, 0x10001u)]
    [InlineData("88 2A 00", TlvTagKind.ImplicitProfile, 0x2Au)]
    [InlineData("28 07", TlvTagKind.Context, 7u)]
    [InlineData("08", TlvTagKind.Anonymous, 0u)]
    public void Every_tag_form_reads_back_from_the_element(string hex, TlvTagKind kind, uint number)
    {
        var reader = new TlvReader(Hex.Parse(hex));
        Assert.True(reader.Read());

        Assert.Equal((kind, number, TlvElementType.Boolean), (reader.Tag.Kind, reader.Tag.Number, reader.ElementType));
    }

    private static void ReadOnce(byte[] bytes)
    {
        var reader = new TlvReader(bytes);
        reader.Read();
    }

    [Fact]
    public void Signed_element_read_as_unsigned_is_UnexpectedType()
    {
        var reader = ReaderOn("00 2A");
        Assert.Equal(TlvError.UnexpectedType, Catch(reader, static (ref TlvReader r) => r.GetByte()).Error);
        Assert.Equal(TlvError.UnexpectedType, Catch(reader, static (ref TlvReader r) => r.GetUInt16()).Error);
        Assert.Equal(TlvError.UnexpectedType, Catch(reader, static (ref TlvReader r) => r.GetUInt32()).Error);
        Assert.Equal(TlvError.UnexpectedType, Catch(reader, static (ref TlvReader r) => r.GetUInt64()).Error);
        Assert.Equal(42, reader.GetSByte());
    }

    [Fact]
    public void Unsigned_element_read_as_signed_is_UnexpectedType()
    {
        var reader = ReaderOn("04 2A");
        Assert.Equal(TlvError.UnexpectedType, Catch(reader, static (ref TlvReader r) => r.GetInt64()).Error);
        Assert.Equal(TlvError.UnexpectedType, Catch(reader, static (ref TlvReader r) => r.GetSByte()).Error);
        Assert.Equal(42, reader.GetByte());
    }

    [Fact]
    public void UInt64_max_into_narrower_types_is_ValueOutOfRange()
    {
        var reader = ReaderOn("07 FF FF FF FF FF FF FF FF");
        Assert.Equal(TlvError.ValueOutOfRange, Catch(reader, static (ref TlvReader r) => r.GetByte()).Error);
        Assert.Equal(TlvError.ValueOutOfRange, Catch(reader, static (ref TlvReader r) => r.GetUInt16()).Error);
        Assert.Equal(TlvError.ValueOutOfRange, Catch(reader, static (ref TlvReader r) => r.GetUInt32()).Error);
        Assert.Equal(ulong.MaxValue, reader.GetUInt64());
    }

    [Fact]
    public void Eight_byte_value_beyond_Int32_is_ValueOutOfRange()
    {
        var reader = ReaderOn("03 00 90 2F 50 09 00 00 00");
        var error = Catch(reader, static (ref TlvReader r) => r.GetInt32());
        Assert.Equal(TlvError.ValueOutOfRange, error.Error);
        Assert.Equal(0, error.Offset);
        Assert.Equal(40000000000, reader.GetInt64());
    }

    [Theory]
    [InlineData("01 80 FF", -128)]
    [InlineData("02 FF FF FF FF", -1)]
    [InlineData("03 7F 00 00 00 00 00 00 00", 127)]
    public void Wide_encodings_narrow_when_the_value_fits(string hex, int expected)
    {
        var reader = ReaderOn(hex);
        Assert.Equal((sbyte)expected, reader.GetSByte());
        Assert.Equal((short)expected, reader.GetInt16());
        Assert.Equal(expected, reader.GetInt32());
    }

    [Fact]
    public void Signed_narrowing_checks_both_ends()
    {
        Assert.Equal(TlvError.ValueOutOfRange, Catch(ReaderOn("01 80 00"), static (ref TlvReader r) => r.GetSByte()).Error);
        Assert.Equal(TlvError.ValueOutOfRange, Catch(ReaderOn("01 7F FF"), static (ref TlvReader r) => r.GetSByte()).Error);
        Assert.Equal(TlvError.ValueOutOfRange, Catch(ReaderOn("02 00 80 00 00"), static (ref TlvReader r) => r.GetInt16()).Error);
        Assert.Equal(TlvError.ValueOutOfRange, Catch(ReaderOn("02 FF 7F FF FF"), static (ref TlvReader r) => r.GetInt16()).Error);
    }

    [Fact]
    public void Float_widens_to_double_but_not_the_other_way()
    {
        Assert.Equal(17.9f, ReaderOn("0A 33 33 8F 41").GetDouble());
        Assert.Equal(TlvError.UnexpectedType, Catch(ReaderOn("0B 66 66 66 66 66 E6 31 40"), static (ref TlvReader r) => r.GetSingle()).Error);
    }

    [Fact]
    public void Eight_byte_length_prefix_is_accepted()
    {
        Assert.Equal("A", ReaderOn("0F 01 00 00 00 00 00 00 00 41").GetString());
        Assert.Equal([0x42], ReaderOn("13 01 00 00 00 00 00 00 00 42").GetOctetStringArray());
    }

    // Strictness: each malformation raises TlvException with the element's offset.
    [Theory]
    [InlineData("01 2A", 0)]
    [InlineData("03 00 00 00 00 00 00 00", 0)]
    [InlineData("0A 00 00 00", 0)]
    [InlineData("0B 00", 0)]
    [InlineData("0D 01", 0)]
    [InlineData("24", 0)]
    [InlineData("44 01", 0)]
    [InlineData("E4 F1 FF ED DE ED FE 55", 0)]
    [InlineData("15 24 01", 1)]
    [InlineData("15", 1)]
    [InlineData("16 00 01 17", 4)]
    public void Truncated_input_is_reported(string hex, int offset) => AssertWalkFails(hex, TlvError.Truncated, offset);

    [Theory]
    [InlineData("0C 05 41", 0)]
    [InlineData("10 01", 0)]
    [InlineData("15 30 00 FF 00 18", 1)]
    public void Length_past_the_end_is_reported(string hex, int offset) => AssertWalkFails(hex, TlvError.LengthOutOfRange, offset);

    [Theory]
    [InlineData("0E FF FF FF FF 48 65 6C 6C 6F 21 00 01 02 03 04 05 06 07 08 09")]
    [InlineData("13 FF FF FF FF FF FF FF FF 48 65 6C 6C 6F 21 00 01 02 03 04")]
    [InlineData("0F 00 00 00 00 01 00 00 00 48 65 6C 6C 6F 21 00 01 02 03 04")]
    public void Huge_claimed_length_is_rejected_without_allocating(string hex)
    {
        var bytes = Hex.Parse(hex);
        AssertWalkFails(hex, TlvError.LengthOutOfRange, 0); // warm up

        var before = GC.GetAllocatedBytesForCurrentThread();
        AssertWalkFails(hex, TlvError.LengthOutOfRange, 0);
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 16 * 1024);
        Assert.True(bytes.Length <= 21);
    }

    [Theory]
    [InlineData("0C 02 C3 28")] // bad continuation
    [InlineData("0C 01 FF")] // never valid
    [InlineData("0C 02 C0 80")] // overlong NUL
    [InlineData("0C 03 ED A0 80")] // UTF-16 surrogate
    [InlineData("0C 01 C3")] // cut short
    public void Invalid_UTF8_is_reported_when_the_string_is_read(string hex)
    {
        var reader = ReaderOn(hex);
        Assert.Equal(TlvElementType.Utf8String, reader.ElementType);
        var error = Catch(reader, static (ref TlvReader r) => r.GetString());
        Assert.Equal(TlvError.InvalidUtf8, error.Error);
        Assert.Equal(0, error.Offset);
        Assert.Equal(TlvError.InvalidUtf8, Catch(reader, static (ref TlvReader r) => r.GetUtf8Bytes()).Error);
    }

    [Theory]
    [InlineData("15 04 2A 18", 1)] // anonymous member of a structure
    [InlineData("15 24 01 2A 15 18 18", 4)] // anonymous structure in a structure
    [InlineData("16 24 01 2A 18", 1)] // context tag in an array
    [InlineData("16 44 01 00 2A 18", 1)] // common-profile tag in an array
    [InlineData("15 38 00", 1)] // tagged end of container
    [InlineData("38 00", 0)]
    public void Tag_illegal_where_it_stands_is_reported(string hex, int offset) => AssertWalkFails(hex, TlvError.IllegalTag, offset);

    [Theory]
    [InlineData("18", 0)]
    [InlineData("15 18 18", 2)]
    [InlineData("04 01 18", 2)]
    public void End_of_container_with_nothing_open_is_reported(string hex, int offset) =>
        AssertWalkFails(hex, TlvError.UnexpectedEndOfContainer, offset);

    [Theory]
    [InlineData("19", 0)]
    [InlineData("1A", 0)]
    [InlineData("1B", 0)]
    [InlineData("1C", 0)]
    [InlineData("1D", 0)]
    [InlineData("1E", 0)]
    [InlineData("1F", 0)]
    [InlineData("15 39 00 18", 1)]
    public void Reserved_element_type_is_reported(string hex, int offset) => AssertWalkFails(hex, TlvError.ReservedElementType, offset);

    [Fact]
    public void Nesting_deeper_than_the_limit_is_reported()
    {
        var ok = new byte[64];
        ok.AsSpan(0, 32).Fill(0x16);
        ok.AsSpan(32).Fill(0x18);
        var reader = new TlvReader(ok);
        while (reader.Read())
        {
        }

        var tooDeep = new byte[33];
        tooDeep.AsSpan().Fill(0x17);
        var error = Assert.Throws<TlvException>(() => Walk(tooDeep, maxDepth: 32));
        Assert.Equal(TlvError.TooDeep, error.Error);
        Assert.Equal(32, error.Offset);

        error = Assert.Throws<TlvException>(() => Walk(Hex.Parse("15 18"), maxDepth: 0));
        Assert.Equal(TlvError.TooDeep, error.Error);
    }

    [Fact]
    public void ExpectEnd_reports_trailing_data_and_open_containers()
    {
        var reader = ReaderOn("04 2A 00");
        Assert.Equal(TlvError.TrailingData, Catch(reader, static (ref TlvReader r) => r.ExpectEnd()).Error);

        reader = ReaderOn("15 24 00 01");
        Assert.Equal(TlvError.Truncated, Catch(reader, static (ref TlvReader r) => r.ExpectEnd()).Error);

        reader = ReaderOn("04 2A");
        reader.ExpectEnd();
    }

    [Fact]
    public void ExpectType_reads_the_first_element_and_reports_mismatches()
    {
        var reader = new TlvReader(Hex.Parse("15 24 00 01 18"));
        reader.ExpectType(TlvElementType.Structure);
        Assert.Equal(1, reader.Depth);
        reader.Read();
        var error = Catch(reader, static (ref TlvReader r) => r.ExpectType(TlvElementType.Boolean, "Flag"));
        Assert.Equal(TlvError.UnexpectedType, error.Error);
        Assert.Equal("Flag", error.FieldName);
        Assert.Equal(1, error.Offset);

        var empty = new TlvReader(ReadOnlySpan<byte>.Empty);
        Assert.Equal(TlvError.Truncated, Catch(empty, static (ref TlvReader r) => r.ExpectType(TlvElementType.Structure)).Error);
    }

    [Fact]
    public void Skip_passes_over_nested_containers_and_does_nothing_on_scalars()
    {
        // { 0: 1, 1: [ {0: 1}, [[ ]] ], 2: 3 }
        var reader = new TlvReader(Hex.Parse("15 24 00 01 36 01 15 24 00 01 18 17 18 18 24 02 03 18"));
        reader.Read();
        reader.Read();
        reader.Skip(); // scalar: no-op
        Assert.Equal(1, reader.GetByte());
        reader.Read();
        Assert.True(reader.Tag.IsContext(1));
        reader.Skip();
        Assert.Equal(1, reader.Depth);
        reader.Read();
        Assert.True(reader.Tag.IsContext(2));
        Assert.Equal(3, reader.GetByte());
        reader.Read();
        Assert.Equal(TlvElementType.EndOfContainer, reader.ElementType);
        Assert.Equal(0, reader.Depth);
        Assert.False(reader.Read());
        Assert.False(reader.Read());
    }

    [Fact]
    public void Skip_of_a_truncated_container_throws_Truncated()
    {
        var reader = ReaderOn("15 24 00 01 36 01");
        Assert.Equal(TlvError.Truncated, Catch(reader, static (ref TlvReader r) => r.Skip()).Error);
    }

    [Fact]
    public void Generated_decoder_pattern_skips_unknown_and_non_context_members()
    {
        // { 0: 6000, common:5 = [1,2], 9: { 1: "x" }, 1: 32000 }
        var bytes = Hex.Parse("15 21 00 70 17 56 05 00 00 01 00 02 18 35 09 2C 01 01 78 18 21 01 00 7D 18");
        var reader = new TlvReader(bytes);
        reader.ExpectType(TlvElementType.Structure);
        long min = 0, max = 0;
        while (reader.Read() && reader.ElementType != TlvElementType.EndOfContainer)
        {
            if (reader.Tag.Kind != TlvTagKind.Context)
            {
                reader.Skip();
                continue;
            }

            switch (reader.Tag.Number)
            {
                case 0: min = reader.GetInt64(); break;
                case 1: max = reader.GetInt64(); break;
                default: reader.Skip(); break;
            }
        }

        Assert.Equal(6000, min);
        Assert.Equal(32000, max);
        reader.ExpectEnd();
    }

    [Fact]
    public void Positions_and_tags_are_reported()
    {
        var reader = new TlvReader(Hex.Parse("D5 F1 FF ED DE 01 00 C4 F1 FF ED DE 55 AA 2A 18"));
        reader.Read();
        Assert.Equal(0, reader.ElementOffset);
        Assert.Equal(7, reader.BytesConsumed);
        Assert.Equal(TlvTag.FullyQualified(0xFFF1, 0xDEED, 1), reader.Tag);
        reader.Read();
        Assert.Equal(7, reader.ElementOffset);
        Assert.Equal(15, reader.BytesConsumed);
        Assert.Equal(TlvTagKind.FullyQualified, reader.Tag.Kind);
        Assert.Equal(0xFFF1, reader.Tag.VendorId);
        Assert.Equal(0xDEED, reader.Tag.ProfileNumber);
        Assert.Equal(0xAA55u, reader.Tag.Number);
        Assert.False(reader.IsNull);
    }

    [Fact]
    public void Memory_reader_hands_out_slices_without_copying()
    {
        var bytes = Hex.Parse("15 30 00 03 01 02 03 18");
        var reader = new TlvReader(new ReadOnlyMemory<byte>(bytes));
        reader.Read();
        reader.Read();
        var memory = reader.GetOctetStringMemory();
        Assert.Equal([1, 2, 3], memory.ToArray());
        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(memory, out var segment));
        Assert.Same(bytes, segment.Array);
        Assert.Equal(4, segment.Offset);

        var spanReader = new TlvReader(bytes.AsSpan());
        spanReader.Read();
        spanReader.Read();
        try
        {
            spanReader.GetOctetStringMemory();
            Assert.Fail("expected InvalidOperationException");
        }
        catch (InvalidOperationException)
        {
        }
    }

    [Fact]
    public void MaxDepth_outside_the_supported_range_is_an_argument_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TlvReader(ReadOnlySpan<byte>.Empty, maxDepth: 65));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TlvReader(ReadOnlySpan<byte>.Empty, maxDepth: -1));
    }

    [Fact]
    public void Tags_compare_and_print()
    {
        Assert.Equal(TlvTag.Context(3), TlvTag.Context(3));
        Assert.NotEqual(TlvTag.Context(3), TlvTag.ImplicitProfile(3));
        Assert.True(TlvTag.Anonymous == default);
        Assert.True(TlvTag.Anonymous.IsAnonymous);
        Assert.False(TlvTag.CommonProfile(3).IsContext(3));
        Assert.Equal("ctx:3", TlvTag.Context(3).ToString());
        Assert.Equal("fq:0xFFF1/0xDEED/1", TlvTag.FullyQualified(0xFFF1, 0xDEED, 1).ToString());
    }

    private delegate void ReaderAction(ref TlvReader reader);

    private static TlvReader ReaderOn(string hex)
    {
        var reader = new TlvReader(Hex.Parse(hex));
        reader.Read();
        return reader;
    }

    private static TlvException Catch(TlvReader reader, ReaderAction action)
    {
        try
        {
            action(ref reader);
        }
        catch (TlvException e)
        {
            return e;
        }

        throw new Xunit.Sdk.XunitException("expected a TlvException");
    }

    private static void AssertWalkFails(string hex, TlvError error, int offset)
    {
        var exception = Assert.Throws<TlvException>(() => Walk(Hex.Parse(hex), maxDepth: 32));
        Assert.Equal(error, exception.Error);
        Assert.Equal(offset, exception.Offset);
    }

    /// <summary>Reads every element, reading each value with the getter of its type.</summary>
    private static void Walk(byte[] bytes, int maxDepth)
    {
        var reader = new TlvReader(bytes, maxDepth);
        while (reader.Read())
        {
            switch (reader.ElementType)
            {
                case TlvElementType.Utf8String: reader.GetString(); break;
                case TlvElementType.ByteString: reader.GetOctetString(); break;
            }
        }
    }
}
