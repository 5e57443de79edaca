using System.Linq;
using MatterGen.Generator.Diagnostics;
using MatterGen.Generator.Model;
using MatterGen.Generator.Specialization;
using Xunit;
using static MatterGen.Generator.Tests.ConformanceRules.Rules;

namespace MatterGen.Generator.Tests.Specialization;

public sealed class ThermostatSpecializationTests
{
    // Thermostat's heating/cooling features and the setpoint attributes that follow them, as upstream states them.
    private static readonly ClusterUnit Thermostat = new ClusterBuilder("Thermostat", 0x0201, revision: 9)
        .Feature(0, "HEAT", "Heating", Otherwise(Mandatory(Feature("AUTO")), Choice("a", more: true)))
        .Feature(1, "COOL", "Cooling", Otherwise(Mandatory(Feature("AUTO")), Choice("a", more: true)))
        .Feature(2, "OCC", "Occupancy", O)
        .Feature(5, "AUTO", "AutoMode", O)
        .Feature(9, "TEVT", "Events", Otherwise(P, O))
        .Attribute(0x0000, "LocalTemperature", "temperature", M, nullable: true, min: "-27315")
        .Attribute(0x0003, "AbsMinHeatSetpointLimit", "temperature", Optional(Feature("HEAT")), @default: "700")
        .Attribute(0x0011, "OccupiedCoolingSetpoint", "temperature", Mandatory(Feature("COOL")), writable: true, @default: "2600", min: "-27315")
        .Attribute(0x0012, "OccupiedHeatingSetpoint", "temperature", Mandatory(Feature("HEAT")), writable: true, @default: "2000", min: "-27315")
        .Attribute(0x0014, "UnoccupiedHeatingSetpoint", "temperature", Mandatory(Features("HEAT", "OCC")), writable: true, @default: "2000", min: "-27315")
        .Attribute(0x0019, "MinSetpointDeadBand", "int8s", Mandatory(Feature("AUTO")), writable: true, @default: "20", min: "0")
        .Attribute(0x001E, "ThermostatRunningMode", "enum8", Otherwise(Mandatory(Features("TEVT", "AUTO")), Optional(Feature("AUTO"))), @default: "0", max: "4")
        .Request(0x00, "SetpointRaiseLower", M)
        .Unit();

    private static uint[] AttributeIds(params string[] features)
    {
        var result = ServerSpecializer.Specialize(Declarations.For("Thermostat", features), Thermostat);
        Assert.Empty(result.Diagnostics);
        return result.Cluster!.Attributes.Select(attribute => attribute.Id).ToArray();
    }

    [Fact]
    public void Heating_alone_selects_the_occupied_heating_setpoint() => Assert.Equal(new uint[] { 0x00, 0x12 }, AttributeIds("Heating"));

    [Fact]
    public void Heating_with_occupancy_adds_the_unoccupied_heating_setpoint() => Assert.Equal(new uint[] { 0x00, 0x12, 0x14 }, AttributeIds("HEAT", "OCC"));

    [Fact]
    public void Auto_mode_with_events_adds_the_dead_band_and_the_running_mode() => Assert.Equal(new uint[] { 0x00, 0x11, 0x12, 0x19, 0x1E }, AttributeIds("HEAT", "COOL", "AUTO", "TEVT"));

    [Fact]
    public void Auto_mode_without_cooling_is_rejected()
    {
        var result = ServerSpecializer.Specialize(Declarations.For("Thermostat", new[] { "HEAT", "AUTO" }), Thermostat);
        Assert.Null(result.Cluster);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.FeatureSetNotAllowed, diagnostic.Id);
        Assert.Equal("feature Cooling (COOL) is mandatory here (conformance 'AUTO, O.a+') but is not chosen", diagnostic.Arguments[1]);
    }

    [Fact]
    public void Neither_heating_nor_cooling_is_rejected_with_every_reason()
    {
        var result = ServerSpecializer.Specialize(Declarations.For("Thermostat", new[] { "OCC" }), Thermostat);
        Assert.Equal(
            "choice group 'a' of features needs at least one of Heating (HEAT), Cooling (COOL), but none is chosen",
            Assert.Single(result.Diagnostics).Arguments[1]);
    }

    [Fact]
    public void FeatureMap_follows_the_bits()
    {
        var result = ServerSpecializer.Specialize(Declarations.For("Thermostat", new[] { "TEVT", "COOL" }), Thermostat);
        Assert.Equal((1UL << 1) | (1UL << 9), result.Cluster!.FeatureMap);
    }
}
