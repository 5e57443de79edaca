using MatterGen.Generator.Model;
using MatterGen.Generator.Resolution;
using Xunit;

namespace MatterGen.Generator.Tests.Manifest;

/// <summary>Base types a tree declares: derived where size and description settle the encoding, the table's meaning kept where it knows the name.</summary>
public sealed class TreeBaseTypesTests
{
    private static BaseTypeDeclaration Declared(string name, int? size, string? description, bool composite = false) =>
        new(name, size, description, composite, new SourcePosition("chip-types.xml", 1, 1));

    [Theory]
    [InlineData("utc", 4, "UTC Time", "int32u")]
    [InlineData("bitmap24", 3, "24-bit bitmap", "int24u")]
    [InlineData("offset8", 1, "Signed 8-bit offset", "int8s")]
    [InlineData("count40", 5, "Unsigned 40-bit count", "int40u")]
    [InlineData("half", 2, "Semi-precision", null)]
    [InlineData("ratio", 4, "Float ratio", null)]
    [InlineData("no_data", 0, "No data", null)]
    [InlineData("huge", 9, "Unsigned 72-bit", null)]
    [InlineData("sizeless", null, "Something", null)]
    public void A_declaration_travels_as_the_table_integer_of_its_size_and_sign(string name, int? size, string description, string? expected) =>
        Assert.Equal(expected, TreeBaseTypes.Derive(Declared(name, size, description)));

    [Fact]
    public void Composite_types_have_no_fixed_encoding() =>
        Assert.Null(TreeBaseTypes.Derive(Declared("bag", 4, "Bag", composite: true)));

    [Fact]
    public void The_table_keeps_its_meaning_for_names_it_knows_and_the_first_declaration_wins()
    {
        var aliases = TreeBaseTypes.Aliases([
            Declared("percent", 2, "Redefined with another size"),
            Declared("utc", 4, "UTC Time"),
            Declared("UTC", 8, "Declared again, larger"),
        ]);

        Assert.False(aliases.ContainsKey("percent"));
        Assert.Equal("int32u", aliases["utc"]);
        Assert.Single(aliases);
    }
}
