using System.Linq;
using MatterGen.Generator.Diagnostics;
using MatterGen.Generator.Model;
using MatterGen.Generator.Specialization;
using Xunit;
using static MatterGen.Generator.Tests.ConformanceRules.Rules;

namespace MatterGen.Generator.Tests.Specialization;

/// <summary>
/// Two choices the conformance rules leave to the generator. A deprecated feature may be chosen, with a warning
/// that certification rejects it (an error in strict mode). A provisional member of a choice group
/// (<c>P, O.a</c>) does not count toward the group: the rule that applies today is P, and O.a is only the
/// conformance intended once it stops being provisional (Matter Core Specification 7.3, otherwise conformance
/// applies its first matching alternative; connectedhomeip's certification checker decides the same way).
/// </summary>
public sealed class DeprecatedAndProvisionalChoiceTests
{
    // A thermostat-like cluster: SCH deprecated as in the specification; a choice group of one stable and one
    // provisional member, and a group whose only member is provisional.
    private static readonly ClusterUnit Cluster = new ClusterBuilder("Chooser", 0xFFF5)
        .Feature(0, "HEAT", "Heating", O)
        .Feature(3, "SCH", "ScheduleConfiguration", Otherwise(Optional(Feature("HEAT")), D))
        .Feature(4, "OLD", "Legacy", D)
        .Feature(5, "A1", "StableChoice", Choice("a"))
        .Feature(6, "A2", "ProvisionalChoice", Otherwise(P, Choice("a")))
        .Feature(7, "B1", "OnlyProvisional", Otherwise(P, Choice("b")))
        .Attribute(0x0000, "Value", "int8u", M)
        .Unit();

    private static SpecializationResult Specialize(bool strict, params string[] features) =>
        ServerSpecializer.Specialize(Declarations.For("Chooser", features), Cluster, strict);

    [Fact]
    public void A_deprecated_feature_is_a_warning_that_names_it_and_says_certification_rejects_it()
    {
        var result = Specialize(false, "A1", "OLD");

        Assert.NotNull(result.Cluster);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.DeprecatedFeature, diagnostic.Id);
        Assert.False(diagnostic.AsError);
        Assert.Equal(["Chooser", "Legacy (OLD)"], diagnostic.Arguments);
        Assert.Contains("certification rejects", DiagnosticDescriptors.DeprecatedFeature.MessageFormat.ToString(), System.StringComparison.Ordinal);
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, DiagnosticDescriptors.DeprecatedFeature.DefaultSeverity);
    }

    [Fact]
    public void Strict_mode_makes_it_an_error_and_no_server()
    {
        var result = Specialize(true, "A1", "OLD");

        Assert.Null(result.Cluster);
        Assert.True(Assert.Single(result.Diagnostics).AsError);
    }

    [Fact]
    public void A_feature_deprecated_only_without_another_is_fine_with_it()
    {
        // SCH is O with Heating, D otherwise.
        Assert.Empty(Specialize(true, "A1", "HEAT", "SCH").Diagnostics);
        Assert.Equal(DiagnosticIds.DeprecatedFeature, Assert.Single(Specialize(false, "A1", "SCH").Diagnostics).Id);
    }

    [Fact]
    public void A_provisional_member_alone_does_not_satisfy_the_choice()
    {
        var result = Specialize(false, "A2");

        Assert.Null(result.Cluster);
        Assert.Equal(
            "choice group 'a' of features needs exactly one of StableChoice (A1), but none is chosen",
            Assert.Single(result.Diagnostics).Arguments[1]);
    }

    [Fact]
    public void A_provisional_member_beside_the_stable_one_does_not_count_as_a_second_choice()
    {
        // O.a allows exactly one: A1 and the provisional A2 together are still one counted member.
        Assert.Empty(Specialize(false, "A1", "A2").Diagnostics);
    }

    [Fact]
    public void A_group_whose_members_are_all_provisional_requires_nothing()
    {
        Assert.Empty(Specialize(false, "A1").Diagnostics);
        Assert.Empty(Specialize(false, "A1", "B1").Diagnostics);
    }

    [Fact]
    public void The_same_holds_for_elements()
    {
        var unit = new ClusterBuilder("Elements", 0xFFF6)
            .Attribute(0x0000, "Stable", "int8u", Choice("e"))
            .Attribute(0x0001, "Trial", "int8u", Otherwise(P, Choice("e")))
            .Unit();

        var onlyTrial = ServerSpecializer.Specialize(Declarations.For("Elements", enable: ["Trial"]), unit);
        var both = ServerSpecializer.Specialize(Declarations.For("Elements", enable: ["Stable", "Trial"]), unit);

        Assert.Contains("choice group 'e' of attributes needs exactly one of Stable", Assert.Single(onlyTrial.Diagnostics).Arguments[1], System.StringComparison.Ordinal);
        Assert.Empty(both.Diagnostics);
        Assert.Equal(new uint[] { 0, 1 }, both.Cluster!.Attributes.Select(a => a.Id).ToArray());
    }
}
