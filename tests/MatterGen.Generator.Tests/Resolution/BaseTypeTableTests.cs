using MatterGen.Generator.Model;
using Xunit;

namespace MatterGen.Generator.Tests.Resolution;

/// <summary>The one base-type table: widths, C# types and the ranges each user reads from it.</summary>
public sealed class BaseTypeTableTests
{
    [Theory]
    [InlineData("int24u", 3, "uint", "GetUInt32", 0, 16777215)]
    [InlineData("int8s", 1, "sbyte", "GetSByte", -128, 127)]
    [InlineData("int40s", 5, "long", "GetInt64", -549755813888, 549755813887)]
    [InlineData("enum16", 2, "ushort", "GetUInt16", 0, 65535)]
    public void Integers_carry_width_csharp_type_and_wire_range(string name, int width, string cSharp, string getter, long wireMin, long wireMax)
    {
        Assert.True(BaseTypeTable.TryGetExact(name, out var type));
        Assert.Equal((width, cSharp, cSharp, getter), (type.Width, type.CSharpType, type.IntegerType, type.ReaderGetter));
        Assert.Equal((wireMin, wireMax), ((decimal)type.WireMin!, (decimal)type.WireMax!));
    }

    [Fact]
    public void Nullable_integers_give_up_the_null_value()
    {
        Assert.True(BaseTypeTable.TryGetExact("int8u", out var unsigned));
        Assert.Equal(255m, unsigned.NullValue);
        Assert.Equal((0m, 254m), unsigned.ValueRange(nullable: true));
        Assert.True(BaseTypeTable.TryGetExact("int16s", out var signed));
        Assert.Equal(-32768m, signed.NullValue);
        Assert.Equal((-32767m, 32767m), signed.ValueRange(nullable: true));
    }

    [Fact]
    public void Stated_bounds_narrow_the_value_range_but_not_the_wire_range()
    {
        Assert.True(BaseTypeTable.TryGetExact("percent", out var percent));
        Assert.Equal((0m, 100m), percent.ValueRange(nullable: false));
        Assert.Equal(255m, percent.WireMax);
        Assert.True(BaseTypeTable.TryGetExact("temperature", out var temperature));
        Assert.Equal((-27315m, 32767m), temperature.ValueRange(nullable: true));
    }

    [Fact]
    public void Times_with_a_runtime_type_are_wrapped_integers()
    {
        Assert.True(BaseTypeTable.TryGetIgnoringCase("EPOCH_S", out var epoch));
        Assert.True(epoch.IsWrapped);
        Assert.Equal(("global::MatterGen.DataModel.EpochSeconds", "uint"), (epoch.CSharpType, epoch.IntegerType));
        Assert.True(BaseTypeTable.TryGetExact("char_string", out var text));
        Assert.False(text.IsInteger);
        Assert.Null(text.NullValue);
    }
}
