using MatterGen.Generator.Parsing;
using Xunit;

namespace MatterGen.Generator.Tests.Parsing;

/// <summary>The one number reader, in the definitions' syntax.</summary>
public sealed class NumberTextTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("600", 600)]
    [InlineData("-5", -5)]
    [InlineData("0xFFFE", 65534)]
    [InlineData("-0x10", -16)]
    public void Reads_integers(string text, long expected)
    {
        Assert.True(NumberText.TryParseInteger(text, out var value));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void Reads_the_whole_unsigned_64_bit_range()
    {
        Assert.True(NumberText.TryParseInteger("0xFFFFFFFFFFFFFFFF", out var value));
        Assert.Equal(18446744073709551615m, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("0x")]
    [InlineData("12a")]
    [InlineData("1.5")]
    [InlineData("0x1FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF")]
    public void Rejects_non_integers(string text) => Assert.False(NumberText.TryParseInteger(text, out _));

    [Theory]
    [InlineData("0x10", 16)]
    [InlineData("-0x10", -16)]
    [InlineData(" 42 ", 42)]
    [InlineData("-7", -7)]
    [InlineData("1.5", 1.5)]
    [InlineData("2e3", 2000)]
    [InlineData("-0.25", -0.25)]
    public void Reads_definition_numbers(string text, double expected) =>
        Assert.Equal((decimal)expected, NumberText.ParseDefinitionNumber(text));

    [Theory]
    [InlineData("+0x10")]
    [InlineData("0b101")]
    [InlineData("1_000")]
    [InlineData("600u")]
    [InlineData("0x")]
    [InlineData("-")]
    [InlineData("")]
    public void Definitions_do_not_take_CSharp_spellings(string text) =>
        Assert.False(NumberText.TryParseInteger(text, out _));

    [Theory]
    [InlineData("0x1F", 31UL)]
    [InlineData("18446744073709551615", ulong.MaxValue)]
    public void Reads_unsigned_values(string text, ulong expected)
    {
        Assert.True(NumberText.TryParseUnsigned(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("-0")]
    [InlineData("18446744073709551616")]
    [InlineData("+1")]
    public void Rejects_signed_or_oversized_unsigned_values(string text) => Assert.False(NumberText.TryParseUnsigned(text, out _));

    [Theory]
    [InlineData("-0x10", "-16")]
    [InlineData("0xFF", "255")]
    [InlineData("-0", "0")]
    [InlineData("-9223372036854775808", "-9223372036854775808")]
    public void Normalizes_integers(string text, string expected)
    {
        Assert.True(NumberText.TryNormalizeInteger(text, out var normalized));
        Assert.Equal(expected, normalized);
    }

    [Fact]
    public void Refuses_integers_beyond_sixty_four_bits() =>
        Assert.False(NumberText.TryNormalizeInteger("-9223372036854775809", out _));
}
