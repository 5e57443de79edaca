using System.Linq;
using MatterGen.Generator.Diagnostics;
using MatterGen.Generator.Model;
using MatterGen.Generator.Specialization;
using Xunit;
using static MatterGen.Generator.Tests.ConformanceRules.Rules;

namespace MatterGen.Generator.Tests.Specialization;

public sealed class ElementSelectionTests
{
    // Modelled on Camera AV Stream Management: with ICTL, at least one image-control attribute ("[ICTL].b+").
    private static readonly ClusterUnit ImageControl = new ClusterBuilder("Image Control", 0xFFF3)
        .Feature(0, "ICTL", "ImageControl", O)
        .Feature(1, "WMARK", "Watermark", O)
        .Attribute(0x00, "Mode", "enum8", M)
        .Attribute(0x22, "ImageRotation", "int16u", Choice("b", more: true, condition: Feature("ICTL")), max: "359")
        .Attribute(0x23, "ImageFlipHorizontal", "boolean", Choice("b", more: true, condition: Feature("ICTL")))
        .Attribute(0x24, "ImageFlipVertical", "boolean", Choice("b", more: true, condition: Feature("ICTL")))
        .Unit();

    // Element terms: each attribute's conformance depends on another's presence.
    private static readonly ClusterUnit Chained = new ClusterBuilder("Chained", 0xFFF4)
        .Attribute(0x00, "First", "int8u", O)
        .Attribute(0x01, "Third", "int8u", Mandatory(Attribute("Second")))
        .Attribute(0x02, "Second", "int8u", Mandatory(Attribute("First")))
        .Attribute(0x03, "NotWithFirst", "int8u", Optional(Not(Attribute("First"))))
        .Request(0x00, "Query", Optional(Attribute("Third")), response: "QueryResponse")
        .Request(0x01, "Reset", Mandatory(Command("Query")))
        .Response(0x00, "QueryResponse", O)
        .Response(0x01, "Unsolicited", O)
        .Event(0x00, "Changed", Mandatory(Or(Command("Reset"), Event("Never"))))
        .Unit();

    [Fact]
    public void Choice_among_attributes_needs_one_enabled()
    {
        var result = ServerSpecializer.Specialize(Declarations.For("Image Control", new[] { "ICTL" }), ImageControl);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.FeatureSetNotAllowed, diagnostic.Id);
        Assert.Equal(
            "choice group 'b' of attributes needs at least one of ImageRotation, ImageFlipHorizontal, ImageFlipVertical, but none is chosen (enable them with Enable = \"...\")",
            diagnostic.Arguments[1]);
    }

    [Fact]
    public void Choice_among_attributes_is_satisfied_by_enabled_members()
    {
        var result = ServerSpecializer.Specialize(
            Declarations.For("Image Control", new[] { "ICTL" }, enable: new[] { "ImageFlipVertical", "ImageRotation" }),
            ImageControl);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(new uint[] { 0x00, 0x22, 0x24 }, result.Cluster!.Attributes.Select(attribute => attribute.Id));
    }

    [Fact]
    public void Choice_among_attributes_does_not_apply_when_its_condition_fails()
    {
        var result = ServerSpecializer.Specialize(Declarations.For("Image Control", new[] { "WMARK" }), ImageControl);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(new uint[] { 0x00 }, result.Cluster!.Attributes.Select(attribute => attribute.Id));
        Assert.Equal(0x02UL, result.Cluster.FeatureMap);
    }

    [Fact]
    public void Element_terms_are_followed_to_a_fixed_point()
    {
        var none = ServerSpecializer.Specialize(Declarations.For("Chained", enable: new[] { "NotWithFirst" }), Chained);
        Assert.Empty(none.Diagnostics);
        Assert.Equal(new uint[] { 0x03 }, none.Cluster!.Attributes.Select(attribute => attribute.Id));
        Assert.Empty(none.Cluster.AcceptedCommands);
        Assert.Empty(none.Cluster.Events);

        var chain = ServerSpecializer.Specialize(Declarations.For("Chained", enable: new[] { "First", "Query" }), Chained);
        Assert.Empty(chain.Diagnostics);
        Assert.Equal(new uint[] { 0x00, 0x01, 0x02 }, chain.Cluster!.Attributes.Select(attribute => attribute.Id));
        Assert.Equal(new uint[] { 0x00, 0x01 }, chain.Cluster.AcceptedCommands.Select(command => command.Id));
        Assert.Equal(new uint[] { 0x00 }, chain.Cluster.GeneratedCommands.Select(command => command.Id));
        Assert.Equal(new uint[] { 0x00 }, chain.Cluster.Events.Select(@event => @event.Id));
    }

    [Fact]
    public void Element_disallowed_by_another_element_is_reported()
    {
        var result = ServerSpecializer.Specialize(Declarations.For("Chained", enable: new[] { "First", "NotWithFirst" }), Chained);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.ElementNotAllowed, diagnostic.Id);
        Assert.Equal("NotWithFirst", diagnostic.Arguments[1]);
        Assert.Equal("its conformance '[!First]' does not allow it with no features", diagnostic.Arguments[2]);
    }

    [Fact]
    public void Optional_response_is_generated_only_when_a_present_request_names_it()
    {
        var withoutQuery = ServerSpecializer.Specialize(Declarations.For("Chained", enable: new[] { "First" }), Chained);
        Assert.Empty(withoutQuery.Cluster!.GeneratedCommands);

        var enabledResponse = ServerSpecializer.Specialize(Declarations.For("Chained", enable: new[] { "Unsolicited" }), Chained);
        Assert.Equal(new[] { "Unsolicited" }, enabledResponse.Cluster!.GeneratedCommands.Select(command => command.Name));
    }

    [Fact]
    public void Conformance_that_never_settles_is_reported()
    {
        var unit = new ClusterBuilder("Flip-flop", 0xFFF5)
            .Attribute(0x00, "A", "int8u", Mandatory(Not(Attribute("B"))))
            .Attribute(0x01, "B", "int8u", Mandatory(Attribute("A")))
            .Unit();
        var result = ServerSpecializer.Specialize(Declarations.For("Flip-flop"), unit);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.FeatureSetNotAllowed, diagnostic.Id);
        Assert.Contains("does not settle", diagnostic.Arguments[1]);
    }

    [Fact]
    public void Features_are_matched_by_name_or_code_in_any_case_once()
    {
        var result = ServerSpecializer.Specialize(Declarations.For("Image Control", new[] { " watermark ", "WMARK", "wmark", "" }), ImageControl);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(new[] { "WMARK" }, result.Cluster!.Features.Select(feature => feature.Code));
    }

    [Fact]
    public void Empty_enable_names_are_ignored()
    {
        var result = ServerSpecializer.Specialize(Declarations.For("Image Control", enable: new[] { " ", "" }), ImageControl);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Unknown_feature_of_a_cluster_without_features_says_none()
    {
        var result = ServerSpecializer.Specialize(Declarations.For("Chained", new[] { "LT" }), Chained);
        Assert.Equal(new[] { "Chained", "LT", "none" }, Assert.Single(result.Diagnostics).Arguments);
    }

    [Fact]
    public void Provisional_and_runtime_optional_elements_need_enabling()
    {
        var unit = new ClusterBuilder("Primaries", 0xFFF6)
            .Attribute(0x10, "NumberOfPrimaries", "int8u", M, nullable: true)
            .Attribute(0x11, "Primary1X", "int16u", Otherwise(Mandatory(Greater("NumberOfPrimaries > 0")), O))
            .Attribute(0x12, "Trial", "int16u", Otherwise(P, M))
            .Unit();
        var bare = ServerSpecializer.Specialize(Declarations.For("Primaries"), unit);
        Assert.Equal(new uint[] { 0x10 }, bare.Cluster!.Attributes.Select(attribute => attribute.Id));
        var enabled = ServerSpecializer.Specialize(Declarations.For("Primaries", enable: new[] { "Primary1X", "Trial" }), unit);
        Assert.Equal(new uint[] { 0x10, 0x11, 0x12 }, enabled.Cluster!.Attributes.Select(attribute => attribute.Id));
    }
}
