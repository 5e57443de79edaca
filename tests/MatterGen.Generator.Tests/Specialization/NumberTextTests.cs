using MatterGen.Generator.Specialization;
using Xunit;

namespace MatterGen.Generator.Tests.Specialization;

public sealed class NumberTextTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("600", 600)]
    [InlineData("-5", -5)]
    [InlineData("+7", 7)]
    [InlineData("0xFFFE", 65534)]
    [InlineData("0b101", 5)]
    [InlineData("1_000", 1000)]
    [InlineData("600u", 600)]
    [InlineData("5UL", 5)]
    public void ReadsIntegers(string text, long expected)
    {
        Assert.True(NumberText.TryParseInteger(text, out var value));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void ReadsTheWholeUnsigned64BitRange()
    {
        Assert.True(NumberText.TryParseInteger("0xFFFFFFFFFFFFFFFF", out var value));
        Assert.Equal(18446744073709551615m, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("0x")]
    [InlineData("12a")]
    [InlineData("0b102")]
    [InlineData("1.5")]
    [InlineData("0x1FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF")]
    public void RejectsNonIntegers(string text) => Assert.False(NumberText.TryParseInteger(text, out _));

    [Theory]
    [InlineData("1.5", 1.5)]
    [InlineData("-0.25f", -0.25)]
    [InlineData("2e3", 2000)]
    [InlineData("0x10", 16)]
    public void ReadsNumbers(string text, double expected)
    {
        Assert.True(NumberText.TryParseNumber(text, out var value));
        Assert.Equal((decimal)expected, value);
    }
}
