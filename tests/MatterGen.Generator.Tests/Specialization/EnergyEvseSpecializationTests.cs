using System.Linq;
using MatterGen.Generator.Diagnostics;
using MatterGen.Generator.Model;
using MatterGen.Generator.Specialization;
using MatterGen.Generator.Tests.Infrastructure;
using Xunit;

namespace MatterGen.Generator.Tests.Specialization;

public sealed class EnergyEvseSpecializationTests
{
    private static readonly uint[] AlwaysAttributes = { 0x00, 0x01, 0x02, 0x03, 0x05, 0x06, 0x07, 0x40, 0x41, 0x42 };
    private static readonly uint[] PrefAttributes = { 0x23, 0x24, 0x25, 0x26 };
    private static readonly uint[] MandatoryEvents = { 0, 1, 2, 3, 4 };

    private static SpecializedCluster Specialize(params string[] features) => Succeed(Declarations.For("Energy EVSE", features));

    private static SpecializedCluster Succeed(ServerDeclaration declaration)
    {
        var result = ServerSpecializer.Specialize(declaration, EnergyEvseDefinition.Unit());
        Assert.Empty(result.Diagnostics);
        return Assert.IsType<SpecializedCluster>(result.Cluster);
    }

    private static uint[] Sorted(params uint[][] parts) => parts.SelectMany(part => part).OrderBy(id => id).ToArray();

    [Fact]
    public void ChargingPreferences_alone_selects_the_preference_elements()
    {
        var cluster = Specialize("ChargingPreferences");
        Assert.Equal(0x01UL, cluster.FeatureMap);
        Assert.Equal(new[] { "PREF" }, cluster.Features.Select(feature => feature.Code));
        Assert.Equal(Sorted(AlwaysAttributes, PrefAttributes), cluster.Attributes.Select(attribute => attribute.Id));
        Assert.Equal(new uint[] { 1, 2, 5, 6, 7 }, cluster.AcceptedCommands.Select(command => command.Id));
        Assert.Equal(new uint[] { 0 }, cluster.GeneratedCommands.Select(command => command.Id));
        Assert.Equal(MandatoryEvents, cluster.Events.Select(@event => @event.Id));
    }

    [Fact]
    public void PREF_SOC_and_RFID_select_their_elements_but_not_the_optional_RFID_event()
    {
        var cluster = Specialize("PREF", "soc", "RFID");
        Assert.Equal(0x0BUL, cluster.FeatureMap);
        Assert.Equal(new[] { "PREF", "SOC", "RFID" }, cluster.Features.Select(feature => feature.Code));
        Assert.Equal(Sorted(AlwaysAttributes, PrefAttributes, new uint[] { 0x30, 0x31 }), cluster.Attributes.Select(attribute => attribute.Id));
        Assert.Equal(new uint[] { 1, 2, 5, 6, 7 }, cluster.AcceptedCommands.Select(command => command.Id));
        Assert.Equal(new uint[] { 0 }, cluster.GeneratedCommands.Select(command => command.Id));

        // The RFID event is optional with the RFID feature: absent until enabled.
        Assert.Equal(MandatoryEvents, cluster.Events.Select(@event => @event.Id));
    }

    [Fact]
    public void All_five_features_select_all_their_elements()
    {
        var cluster = Specialize("V2X", "RFID", "PlugAndCharge", "SoCReporting", "ChargingPreferences");
        Assert.Equal(0x1FUL, cluster.FeatureMap);
        Assert.Equal(new[] { "PREF", "SOC", "PNC", "RFID", "V2X" }, cluster.Features.Select(feature => feature.Code));
        Assert.Equal(
            Sorted(AlwaysAttributes, PrefAttributes, new uint[] { 0x04, 0x08, 0x30, 0x31, 0x32, 0x43 }),
            cluster.Attributes.Select(attribute => attribute.Id));
        Assert.Equal(new uint[] { 1, 2, 3, 5, 6, 7 }, cluster.AcceptedCommands.Select(command => command.Id));
        Assert.Equal(new uint[] { 0 }, cluster.GeneratedCommands.Select(command => command.Id));
        Assert.Equal(MandatoryEvents, cluster.Events.Select(@event => @event.Id));
    }

    [Fact]
    public void No_features_is_rejected_because_preferences_are_mandatory()
    {
        var result = ServerSpecializer.Specialize(Declarations.For("Energy EVSE"), EnergyEvseDefinition.Unit());
        Assert.Null(result.Cluster);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.FeatureSetNotAllowed, diagnostic.Id);
        Assert.Equal(Declarations.Position, diagnostic.Position);
        Assert.Equal(
            new[] { "Energy EVSE", "feature ChargingPreferences (PREF) is mandatory here (conformance 'M') but is not chosen" },
            diagnostic.Arguments);
    }

    [Fact]
    public void Unknown_feature_lists_the_clusters_features()
    {
        var result = ServerSpecializer.Specialize(Declarations.For("Energy EVSE", new[] { "PREF", "Foo" }), EnergyEvseDefinition.Unit());
        Assert.Null(result.Cluster);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.UnknownFeature, diagnostic.Id);
        Assert.Equal(
            new[]
            {
                "Energy EVSE",
                "Foo",
                "ChargingPreferences (PREF), SoCReporting (SOC), PlugAndCharge (PNC), RFID (RFID), V2X (V2X)",
            },
            diagnostic.Arguments);
    }

    [Fact]
    public void Enabling_discharging_without_V2X_is_not_allowed()
    {
        var result = ServerSpecializer.Specialize(
            Declarations.For("Energy EVSE", new[] { "PREF" }, enable: new[] { "DischargingEnabledUntil" }),
            EnergyEvseDefinition.Unit());
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.ElementNotAllowed, diagnostic.Id);
        Assert.Equal(
            new[] { "Energy EVSE", "DischargingEnabledUntil", "its conformance 'V2X' does not allow it with features ChargingPreferences (PREF)" },
            diagnostic.Arguments);

        // The rest of the server is still specialized, without the element.
        Assert.DoesNotContain(result.Cluster!.Attributes, attribute => attribute.Id == 0x04);
    }

    [Fact]
    public void Enabled_optional_elements_are_present()
    {
        var cluster = Succeed(Declarations.For(
            "Energy EVSE",
            new[] { "PREF", "RFID" },
            enable: new[] { "UserMaximumChargeCurrent", "StartDiagnostics", "RFID" }));
        Assert.Equal(Sorted(AlwaysAttributes, PrefAttributes, new uint[] { 0x09 }), cluster.Attributes.Select(attribute => attribute.Id));
        Assert.Equal(new uint[] { 1, 2, 4, 5, 6, 7 }, cluster.AcceptedCommands.Select(command => command.Id));
        Assert.Equal(new uint[] { 0, 1, 2, 3, 4, 5 }, cluster.Events.Select(@event => @event.Id));
    }

    [Fact]
    public void Enabling_the_RFID_event_without_the_feature_is_not_allowed()
    {
        var result = ServerSpecializer.Specialize(Declarations.For("Energy EVSE", new[] { "PREF" }, enable: new[] { "RFID" }), EnergyEvseDefinition.Unit());
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.ElementNotAllowed, diagnostic.Id);
        Assert.Equal("its conformance '[RFID]' does not allow it with features ChargingPreferences (PREF)", diagnostic.Arguments[2]);
    }

    [Fact]
    public void Enabling_an_unknown_element_is_reported()
    {
        var result = ServerSpecializer.Specialize(Declarations.For("Energy EVSE", new[] { "PREF" }, enable: new[] { "Bogus" }), EnergyEvseDefinition.Unit());
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.UnknownElement, diagnostic.Id);
        Assert.Equal(new[] { "Energy EVSE", "Bogus" }, diagnostic.Arguments);
    }

    [Fact]
    public void Default_is_applied_to_the_attribute()
    {
        var cluster = Succeed(Declarations.For(
            "Energy EVSE",
            new[] { "PREF" },
            enable: new[] { "RandomizationDelayWindow" },
            defaults: new[] { ("RandomizationDelayWindow", (string?)"300") }));
        var attribute = Assert.Single(cluster.Attributes, attribute => attribute.Id == 0x0A);
        Assert.Equal("300", attribute.Default?.Text);
    }

    [Fact]
    public void Default_above_the_maximum_is_reported()
    {
        var result = ServerSpecializer.Specialize(
            Declarations.For("Energy EVSE", new[] { "PREF" }, enable: new[] { "ApproximateEVEfficiency" },
                defaults: new[] { ("ApproximateEVEfficiency", (string?)"70000") }),
            EnergyEvseDefinition.Unit());
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.InvalidDefault, diagnostic.Id);
        Assert.Equal(Declarations.OverridePosition, diagnostic.Position);
        Assert.Equal(new[] { "Energy EVSE", "ApproximateEVEfficiency", "70000 is above the maximum 65534" }, diagnostic.Arguments);
        Assert.Null(result.Cluster!.Attributes.Single(attribute => attribute.Id == 0x27).Default?.Text);
    }

    [Fact]
    public void Constraint_that_loosens_is_reported()
    {
        var result = ServerSpecializer.Specialize(
            Declarations.For("Energy EVSE", new[] { "PREF" }, enable: new[] { "ApproximateEVEfficiency" },
                constraints: new[] { ("ApproximateEVEfficiency", Definitions.Bounds("0", "65535")) }),
            EnergyEvseDefinition.Unit());
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.InvalidConstraint, diagnostic.Id);
        Assert.Equal(
            new[] { "Energy EVSE", "ApproximateEVEfficiency", "maximum 65535 is above the definition's maximum 65534; a constraint may only tighten" },
            diagnostic.Arguments);
    }

    [Fact]
    public void Constraint_that_tightens_is_applied_and_checks_the_default()
    {
        var cluster = Succeed(Declarations.For(
            "Energy EVSE",
            new[] { "PREF" },
            enable: new[] { "RandomizationDelayWindow" },
            defaults: new[] { ("RandomizationDelayWindow", (string?)"300") },
            constraints: new[] { ("RandomizationDelayWindow", Definitions.Bounds("60", "900")) }));
        var attribute = cluster.Attributes.Single(attribute => attribute.Id == 0x0A);
        Assert.Equal(new Constraint(60, 900, null, null), attribute.Constraint);
        Assert.Equal("300", attribute.Default?.Text);

        var result = ServerSpecializer.Specialize(
            Declarations.For("Energy EVSE", new[] { "PREF" }, enable: new[] { "RandomizationDelayWindow" },
                defaults: new[] { ("RandomizationDelayWindow", (string?)"30") },
                constraints: new[] { ("RandomizationDelayWindow", Definitions.Bounds("60", "900")) }),
            EnergyEvseDefinition.Unit());
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.InvalidDefault, diagnostic.Id);
        Assert.Equal("30 is below the minimum 60", diagnostic.Arguments[2]);
    }

    [Fact]
    public void Default_for_an_absent_attribute_is_reported()
    {
        var result = ServerSpecializer.Specialize(
            Declarations.For("Energy EVSE", new[] { "PREF" }, defaults: new[]
            {
                ("RandomizationDelayWindow", (string?)"300"),
                ("VehicleID", (string?)"\"abc\""),
                ("Nope", (string?)"1"),
            }),
            EnergyEvseDefinition.Unit());
        Assert.Equal(
            new[] { DiagnosticIds.ElementNotAllowed, DiagnosticIds.ElementNotAllowed, DiagnosticIds.UnknownElement },
            result.Diagnostics.Select(diagnostic => diagnostic.Id));
        Assert.Contains("optional and not enabled", result.Diagnostics[0].Arguments[2]);
        Assert.Contains("'PNC'", result.Diagnostics[1].Arguments[2]);
    }

    [Fact]
    public void String_and_enum_defaults_are_checked()
    {
        var cluster = Succeed(Declarations.For(
            "Energy EVSE",
            new[] { "PREF", "PNC" },
            defaults: new[] { ("VehicleID", (string?)"\"WVW-1234\""), ("State", (string?)"PluggedInDemand"), ("SessionID", null) }));
        Assert.Equal("\"WVW-1234\"", cluster.Attributes.Single(attribute => attribute.Name == "VehicleID").Default?.Text);
        Assert.Equal("2", cluster.Attributes.Single(attribute => attribute.Name == "State").Default?.Text);
        Assert.Equal("null", cluster.Attributes.Single(attribute => attribute.Name == "SessionID").Default?.Text);

        var result = ServerSpecializer.Specialize(
            Declarations.For("Energy EVSE", new[] { "PREF", "PNC" }, defaults: new[]
            {
                ("VehicleID", (string?)("\"" + new string('x', 33) + "\"")),
                ("State", (string?)"7"),
                ("CircuitCapacity", (string?)"-1"),
                ("MinimumChargeCurrent", null),
            }),
            EnergyEvseDefinition.Unit());
        Assert.All(result.Diagnostics, diagnostic => Assert.Equal(DiagnosticIds.InvalidDefault, diagnostic.Id));
        Assert.Equal(
            new[]
            {
                "its length 33 exceeds the maximum length 32",
                "7 is above the maximum 6",
                "-1 is below the minimum 0",
                "null is not allowed, the attribute is not nullable",
            },
            result.Diagnostics.Select(diagnostic => diagnostic.Arguments[2]));
    }

    [Fact]
    public void Specialization_is_deterministic_and_value_equal()
    {
        var declaration = Declarations.For("Energy EVSE", new[] { "V2X", "PREF" }, enable: new[] { "StartDiagnostics" });
        Assert.Equal(
            ServerSpecializer.Specialize(declaration, EnergyEvseDefinition.Unit()),
            ServerSpecializer.Specialize(declaration, EnergyEvseDefinition.Unit()));
    }
}
