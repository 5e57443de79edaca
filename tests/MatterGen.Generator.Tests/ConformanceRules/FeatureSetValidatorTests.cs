using System.Collections.Generic;
using System.Linq;
using MatterGen.Generator.ConformanceRules;
using MatterGen.Generator.Model;
using MatterGen.Generator.Tests.Specialization;
using Xunit;
using static MatterGen.Generator.Tests.ConformanceRules.Rules;

namespace MatterGen.Generator.Tests.ConformanceRules;

public sealed class FeatureSetValidatorTests
{
    // Thermostat's features as upstream states them.
    private static readonly ClusterModel Thermostat = new ClusterBuilder("Thermostat", 0x0201, revision: 9)
        .Feature(0, "HEAT", "Heating", Otherwise(Mandatory(Feature("AUTO")), Choice("a", more: true, min: 1)))
        .Feature(1, "COOL", "Cooling", Otherwise(Mandatory(Feature("AUTO")), Choice("a", more: true, min: 1)))
        .Feature(2, "OCC", "Occupancy", O)
        .Feature(3, "SCH", "ScheduleConfiguration", D)
        .Feature(4, "SB", "Setback", O)
        .Feature(5, "AUTO", "AutoMode", O)
        .Feature(6, "LTNE", "LocalTemperatureNotExposed", O)
        .Feature(7, "MSCH", "MatterScheduleConfiguration", O)
        .Feature(8, "PRES", "Presets", O)
        .Feature(9, "TEVT", "Events", Otherwise(P, O))
        .Feature(10, "TSUGGEST", "Thermostat Suggestions", Otherwise(P, Optional(Feature("PRES"))))
        .Build();

    // On/Off's features: Lighting and DeadFront exclude OffOnly.
    private static readonly ClusterModel OnOff = new ClusterBuilder("On/Off", 0x0006, revision: 6)
        .Feature(0, "LT", "Lighting", Optional(Not(Feature("OFFONLY"))))
        .Feature(1, "DF", "DeadFrontBehavior", Optional(Not(Feature("OFFONLY"))))
        .Feature(2, "OFFONLY", "OffOnly", Optional(Not(Or(Feature("LT"), Feature("DF")))))
        .Build();

    // Door Lock's User feature needs a credential feature.
    private static readonly ClusterModel DoorLock = new ClusterBuilder("Door Lock", 0x0101, revision: 8)
        .Feature(0, "PIN", "PIN Credential", O)
        .Feature(1, "RID", "RFID Credential", O)
        .Feature(2, "FGP", "FingerCredentials", Otherwise(P, O))
        .Feature(6, "FACE", "FaceCredentials", Otherwise(P, O))
        .Feature(8, "USR", "User", Optional(Or(Feature("PIN"), Feature("RID"), Feature("FGP"), Feature("FACE"))))
        .Build();

    [Theory]
    [InlineData("HEAT")]
    [InlineData("COOL")]
    [InlineData("HEAT", "COOL")]
    [InlineData("HEAT", "COOL", "AUTO")]
    [InlineData("COOL", "OCC", "PRES", "TSUGGEST")]
    [InlineData("HEAT", "SCH")]
    public void Thermostat_accepts_valid_sets(params string[] codes) =>
        Assert.Empty(FeatureSetValidator.Validate(Thermostat, Pick(Thermostat, codes)));

    [Fact]
    public void Thermostat_needs_heating_or_cooling()
    {
        var reason = Assert.Single(FeatureSetValidator.Validate(Thermostat, Pick(Thermostat, "OCC")));
        Assert.Equal("choice group 'a' of features needs at least one of Heating (HEAT), Cooling (COOL), but none is chosen", reason);
    }

    [Fact]
    public void Thermostat_auto_mode_needs_both_heating_and_cooling()
    {
        var reason = Assert.Single(FeatureSetValidator.Validate(Thermostat, Pick(Thermostat, "HEAT", "AUTO")));
        Assert.Equal("feature Cooling (COOL) is mandatory here (conformance 'AUTO, O.a+') but is not chosen", reason);

        var reasons = FeatureSetValidator.Validate(Thermostat, Pick(Thermostat, "AUTO"));
        Assert.Equal(2, reasons.Count);
        Assert.Contains("Heating (HEAT)", reasons[0]);
        Assert.Contains("Cooling (COOL)", reasons[1]);
    }

    [Fact]
    public void Provisional_first_makes_thermostat_suggestions_optional_without_presets()
    {
        // "P, [PRES]": while provisional, the first alternative applies, so the PRES condition is not reached.
        Assert.Empty(FeatureSetValidator.Validate(Thermostat, Pick(Thermostat, "HEAT", "TSUGGEST")));
    }

    [Fact]
    public void OnOff_OffOnly_excludes_Lighting()
    {
        Assert.Empty(FeatureSetValidator.Validate(OnOff, Pick(OnOff, "OFFONLY")));
        Assert.Empty(FeatureSetValidator.Validate(OnOff, Pick(OnOff, "LT", "DF")));
        var reasons = FeatureSetValidator.Validate(OnOff, Pick(OnOff, "LT", "OFFONLY"));
        Assert.Equal(
            new[]
            {
                "feature Lighting (LT) is not allowed here (conformance '[!OFFONLY]')",
                "feature OffOnly (OFFONLY) is not allowed here (conformance '[!(LT | DF)]')",
            },
            reasons);
    }

    [Fact]
    public void DoorLock_User_needs_a_credential_feature()
    {
        Assert.Empty(FeatureSetValidator.Validate(DoorLock, Pick(DoorLock, "RID", "USR")));
        var reason = Assert.Single(FeatureSetValidator.Validate(DoorLock, Pick(DoorLock, "USR")));
        Assert.Equal("feature User (USR) is not allowed here (conformance '[PIN | RID | FGP | FACE]')", reason);
    }

    [Fact]
    public void Exclusive_choice_allows_exactly_one()
    {
        var cluster = new ClusterBuilder("Exclusive", 0xFFF1)
            .Feature(0, "A", "Alpha", Choice("a"))
            .Feature(1, "B", "Beta", Choice("a"))
            .Feature(2, "C", "Gamma", Choice("a"))
            .Build();
        Assert.Empty(FeatureSetValidator.Validate(cluster, Pick(cluster, "B")));
        Assert.Equal(
            "choice group 'a' of features allows exactly one of Alpha (A), Beta (B), Gamma (C), but 2 are chosen",
            Assert.Single(FeatureSetValidator.Validate(cluster, Pick(cluster, "A", "C"))));
        Assert.Equal(
            "choice group 'a' of features needs exactly one of Alpha (A), Beta (B), Gamma (C), but none is chosen",
            Assert.Single(FeatureSetValidator.Validate(cluster, Pick(cluster))));
    }

    [Fact]
    public void Choice_minimum_above_one_is_enforced()
    {
        var cluster = new ClusterBuilder("Two of three", 0xFFF2)
            .Feature(0, "A", "Alpha", Choice("a", more: true, min: 2))
            .Feature(1, "B", "Beta", Choice("a", more: true, min: 2))
            .Feature(2, "C", "Gamma", Choice("a", more: true, min: 2))
            .Build();
        Assert.Single(FeatureSetValidator.Validate(cluster, Pick(cluster, "A")));
        Assert.Empty(FeatureSetValidator.Validate(cluster, Pick(cluster, "A", "C")));
        Assert.Empty(FeatureSetValidator.Validate(cluster, Pick(cluster, "A", "B", "C")));
    }

    private static IReadOnlyCollection<FeatureModel> Pick(ClusterModel cluster, params string[] codes) =>
        cluster.Features.Where(feature => codes.Contains(feature.Code)).ToList();
}
