using System.Linq;
using MatterGen.Generator.Diagnostics;
using MatterGen.Generator.Model;
using MatterGen.Generator.Specialization;
using MatterGen.Generator.Tests.Infrastructure;
using Xunit;
using static MatterGen.Generator.Tests.ConformanceRules.Rules;

namespace MatterGen.Generator.Tests.Specialization;

public sealed class AttributeOverrideTests
{
    private static readonly ClusterUnit Unit = new ClusterBuilder("Values", 0xFFF7)
        .Bitmap("ModeBitmap", "bitmap8", ("A", 0x01), ("B", 0x02), ("C", 0x08))
        .Attribute(0x00, "Count", "int8u", M, @default: "10", max: "200")
        .Attribute(0x01, "Offset", "int8s", M, nullable: true)
        .Attribute(0x02, "Enabled", "boolean", M)
        .Attribute(0x03, "Mode", "ModeBitmap", M)
        .Attribute(0x04, "Label", "char_string", M, length: 16)
        .Attribute(0x05, "Key", "octet_string", M, length: 4)
        .Attribute(0x06, "Gain", "single", M, min: "-1.5", max: "1.5")
        .Attribute(0x07, "Entries", "int8u", M, list: true, length: 10)
        .Attribute(0x08, "Temperature", "temperature", M, nullable: true)
        .Unit();

    private static SpecializationResult WithDefault(string attribute, string? value) =>
        ServerSpecializer.Specialize(Declarations.For("Values", defaults: new[] { (attribute, value) }), Unit);

    private static SpecializationResult WithConstraint(string attribute, Constraint constraint) =>
        ServerSpecializer.Specialize(Declarations.For("Values", constraints: new[] { (attribute, constraint) }), Unit);

    private static string? AppliedDefault(SpecializationResult result, string attribute)
    {
        Assert.Empty(result.Diagnostics);
        return result.Cluster!.Attributes.Single(candidate => candidate.Name == attribute).Default?.Text;
    }

    [Theory]
    [InlineData("Count", "0x14", "20")]
    [InlineData("Count", "1_0u", "10")]
    [InlineData("Offset", "-127", "-127")]
    [InlineData("Offset", "null", "null")]
    [InlineData("Enabled", "true", "true")]
    [InlineData("Mode", "0b1011", "11")]
    [InlineData("Label", "\"Kitchen \\\"A\\\"\"", "\"Kitchen \\\"A\\\"\"")]
    [InlineData("Key", "\"0A1B2C3D\"", "\"0A1B2C3D\"")]
    [InlineData("Gain", "0.75f", "0.75")]
    [InlineData("Gain", "-1.5", "-1.5")]
    [InlineData("Temperature", "-27315", "-27315")]
    public void Valid_defaults_are_normalised_and_applied(string attribute, string value, string expected) =>
        Assert.Equal(expected, AppliedDefault(WithDefault(attribute, value), attribute));

    [Theory]
    [InlineData("Count", "201", "201 is above the maximum 200")]
    [InlineData("Count", "ten", "'ten' is not an integer")]
    [InlineData("Offset", "-128", "-128 is outside the range of int8s (-127 to 127)")]
    [InlineData("Enabled", "1", "'1' is not a boolean (true or false)")]
    [InlineData("Mode", "4", "4 sets bits that ModeBitmap does not define (its fields cover 0xB)")]
    [InlineData("Label", "Kitchen", "'Kitchen' is not a string literal")]
    [InlineData("Label", "\"\\q\"", "'\"\\q\"' has an escape sequence this generator does not read (\\q)")]
    [InlineData("Key", "\"0A1B2C3D4E\"", "its length 5 exceeds the maximum length 4")]
    [InlineData("Key", "\"0G\"", "an octet string default is written as hex digits, two per byte; '0G' is not")]
    [InlineData("Gain", "2", "2 is above the maximum 1.5")]
    [InlineData("Entries", "1", "a default cannot be set for type 'list[int8u]'; only numbers, enums, bitmaps, booleans and strings take one")]
    [InlineData("Temperature", "-27316", "-27316 is outside the range of temperature (-27315 to 32767)")]
    [InlineData("Count", "99999999999999999999999999999999", "'99999999999999999999999999999999' is not an integer")]
    public void Invalid_defaults_are_reported(string attribute, string value, string reason)
    {
        var result = WithDefault(attribute, value);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.InvalidDefault, diagnostic.Id);
        Assert.Equal(new[] { "Values", attribute, reason }, diagnostic.Arguments);
    }

    [Fact]
    public void Default_set_twice_is_reported()
    {
        var result = ServerSpecializer.Specialize(Declarations.For("Values", defaults: new[] { ("Count", (string?)"1"), ("count", (string?)"2") }), Unit);
        Assert.Equal("its default is set more than once", Assert.Single(result.Diagnostics).Arguments[2]);
        Assert.Equal("1", result.Cluster!.Attributes.Single(attribute => attribute.Name == "Count").Default?.Text);
    }

    [Theory]
    [InlineData("Count", "5", "150", null, null)]
    [InlineData("Offset", "-10", null, null, null)]
    [InlineData("Label", null, null, 1, 8)]
    [InlineData("Entries", null, null, null, 4)]
    [InlineData("Gain", "-1", "1.25", null, null)]
    public void Tightening_constraints_are_applied(string attribute, string? min, string? max, int? minLength, int? maxLength)
    {
        var result = WithConstraint(attribute, Definitions.Bounds(min, max, maxLength, minLength));
        Assert.Empty(result.Diagnostics);
        var applied = result.Cluster!.Attributes.Single(candidate => candidate.Name == attribute).Constraint;
        var definition = Unit.Cluster.Attributes.Single(candidate => candidate.Name == attribute).Constraint;
        Assert.Equal(Definitions.Number(min) ?? definition.Min, applied.Min);
        Assert.Equal(Definitions.Number(max) ?? definition.Max, applied.Max);
        Assert.Equal(minLength ?? definition.MinLength, applied.MinLength);
        Assert.Equal(maxLength ?? definition.MaxLength, applied.MaxLength);
    }

    [Theory]
    [InlineData("Count", null, "201", null, null, "maximum 201 is above the definition's maximum 200; a constraint may only tighten")]
    [InlineData("Offset", "-128", null, null, null, "minimum -128 is below the definition's minimum -127; a constraint may only tighten")]
    [InlineData("Count", "50", "40", null, null, "minimum 50 is above maximum 40")]
    [InlineData("Label", null, null, null, 17, "maximum length 17 is above the definition's length 16; a constraint may only tighten")]
    [InlineData("Label", null, null, 9, 8, "minimum length 9 is above maximum length 8")]
    [InlineData("Label", "1", null, null, null, "min and max apply to numbers, and its type is char_string")]
    [InlineData("Count", null, null, null, 3, "lengths apply to strings and lists, and its type is int8u")]
    [InlineData("Count", null, "5", null, null, "the definition's default 10 would break it (10 is above the maximum 5); set a default as well")]
    [InlineData("Gain", "-2", null, null, null, "minimum -2 is below the definition's minimum -1.5; a constraint may only tighten")]
    public void Loosening_or_malformed_constraints_are_reported(string attribute, string? min, string? max, int? minLength, int? maxLength, string reason)
    {
        var result = WithConstraint(attribute, Definitions.Bounds(min, max, maxLength, minLength));
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.InvalidConstraint, diagnostic.Id);
        Assert.Equal(Declarations.OverridePosition, diagnostic.Position);
        Assert.Equal(new[] { "Values", attribute, reason }, diagnostic.Arguments);
    }

    [Fact]
    public void Constraint_with_new_default_replaces_the_definitions_default()
    {
        var result = ServerSpecializer.Specialize(
            Declarations.For("Values", defaults: new[] { ("Count", (string?)"3") }, constraints: new[] { ("Count", Definitions.Bounds(null, "5")) }),
            Unit);
        Assert.Empty(result.Diagnostics);
        var count = result.Cluster!.Attributes.Single(attribute => attribute.Name == "Count");
        Assert.Equal("3", count.Default?.Text);
        Assert.Equal(5m, count.Constraint.Max);
    }
}
