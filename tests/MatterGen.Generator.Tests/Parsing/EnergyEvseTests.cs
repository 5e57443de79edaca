using System.IO;
using System.Linq;
using System.Threading;
using MatterGen.Generator.Model;
using MatterGen.Generator.Parsing;
using MatterGen.Tests;
using Xunit;

namespace MatterGen.Generator.Tests.Parsing;

/// <summary>The upstream Energy EVSE definition, read in detail.</summary>
public sealed class EnergyEvseTests
{
    private static DefinitionFile Load()
    {
        var path = SharedMaterial.PathOf("chip-zcl/data-model/chip/energy-evse-cluster.xml");
        return DefinitionParser.Parse(path, File.ReadAllText(path), CancellationToken.None);
    }

    [SharedFact]
    public void Cluster_header_and_revision()
    {
        var file = Load();
        Assert.Empty(file.Diagnostics);
        var cluster = Assert.Single(file.Clusters);
        Assert.Equal(0x0099u, cluster.Code);
        Assert.Equal("Energy EVSE", cluster.Name);
        Assert.Equal("Energy Management", cluster.Domain);
        Assert.Equal(3, cluster.Revision);
        Assert.StartsWith("Electric Vehicle Supply Equipment (EVSE)", cluster.Description);
        Assert.Equal(file.FilePath, cluster.Position.FilePath);
        Assert.True(cluster.Position.Line > 90);
    }

    [SharedFact]
    public void Features_and_their_conformance()
    {
        var features = Load().Clusters[0].Features;
        Assert.Equal(new[] { "PREF", "SOC", "PNC", "RFID", "V2X" }, features.Select(f => f.Code));
        Assert.Equal(new[] { 0, 1, 2, 3, 4 }, features.Select(f => f.Bit));
        Assert.Equal("ChargingPreferences", features[0].Name);
        Assert.Equal(Conformance.Mandatory, features[0].Conformance);
        Assert.Equal(ConformanceKind.Optional, features[3].Conformance.Kind);

        var soc = features[1].Conformance;
        Assert.Equal(ConformanceKind.Otherwise, soc.Kind);
        Assert.Equal(new[] { ConformanceKind.Provisional, ConformanceKind.Optional }, soc.Alternatives.Select(a => a.Kind));
    }

    [SharedFact]
    public void Attributes_ids_types_nullability_access()
    {
        var attributes = Load().Clusters[0].Attributes;
        Assert.Equal(
            new uint[] { 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x23, 0x24, 0x25, 0x26, 0x27, 0x30, 0x31, 0x32, 0x40, 0x41, 0x42, 0x43 },
            attributes.Select(a => a.Id));

        var state = attributes[0];
        Assert.Equal("State", state.Name);
        Assert.Equal(new TypeReference("StateEnum", false), state.Type);
        Assert.True(state.IsNullable);
        Assert.True(state.Quality.HasFlag(AttributeQuality.Nullable));
        Assert.Equal(new Constraint(0, 6, null, null), state.Constraint);
        Assert.Equal(Access.Default, state.Access);

        var supply = attributes[1];
        Assert.False(supply.IsNullable);
        Assert.False(supply.IsWritable);

        var userMax = attributes.Single(a => a.Id == 0x09);
        Assert.Equal("UserMaximumChargeCurrent", userMax.Name);
        Assert.Equal("amperage_ma", userMax.Type.Name);
        Assert.True(userMax.IsWritable);
        Assert.Equal(Privilege.Manage, userMax.Access.Write);
        Assert.Equal(Privilege.View, userMax.Access.Read);
        Assert.Equal(new DefaultValue("0", 0), userMax.Default);
        Assert.Equal(Conformance.Optional, userMax.Conformance);

        var discharging = attributes.Single(a => a.Name == "DischargingEnabledUntil");
        Assert.Equal(Conformance.Create(ConformanceKind.Mandatory, new FeatureTerm("V2X")), discharging.Conformance);

        var efficiency = attributes.Single(a => a.Id == 0x27);
        Assert.Equal("ApproximateEVEfficiency", efficiency.Name);
        Assert.Equal(Conformance.Create(ConformanceKind.Optional, new FeatureTerm("PREF")), efficiency.Conformance);
        Assert.Equal(65534m, efficiency.Constraint.Max);

        var vehicle = attributes.Single(a => a.Name == "VehicleID");
        Assert.Equal(32, vehicle.Constraint.MaxLength);
        Assert.Equal("char_string", vehicle.Type.Name);
    }

    [SharedFact]
    public void Commands_timed_fields_and_responses()
    {
        var commands = Load().Clusters[0].Commands;
        var requests = commands.Where(c => c.Direction == CommandDirection.ClientToServer).ToList();
        Assert.Equal(new uint[] { 1, 2, 3, 4, 5, 6, 7 }, requests.Select(c => c.Id));
        Assert.All(requests, c => Assert.True(c.MustUseTimedInvoke));
        Assert.All(requests, c => Assert.Equal(Privilege.Operate, c.Access.Invoke));

        var disable = requests[0];
        Assert.Equal("Disable", disable.Name);
        Assert.Equal(Maturity.Provisional, disable.Maturity);
        Assert.Empty(disable.Fields);

        var enable = requests[1];
        Assert.Equal(Maturity.Stable, enable.Maturity);
        Assert.Equal(new[] { "ChargingEnabledUntil", "MinimumChargeCurrent", "MaximumChargeCurrent" }, enable.Fields.Select(f => f.Name));
        Assert.True(enable.Fields[0].IsNullable);
        Assert.Equal("epoch_s", enable.Fields[0].Type.Name);

        var setTargets = requests.Single(c => c.Name == "SetTargets");
        Assert.Equal(new TypeReference("ChargingTargetScheduleStruct", true), setTargets.Fields[0].Type);
        Assert.Equal(7, setTargets.Fields[0].Constraint.MaxLength);

        Assert.Equal("GetTargetsResponse", requests.Single(c => c.Name == "GetTargets").ResponseName);
        var response = Assert.Single(commands, c => c.Direction == CommandDirection.ServerToClient);
        Assert.Equal(("GetTargetsResponse", 0u), (response.Name, response.Id));
        Assert.False(response.MustUseTimedInvoke);
    }

    [SharedFact]
    public void Events_priorities_and_field_ids()
    {
        var events = Load().Clusters[0].Events;
        Assert.Equal(new[] { "EVConnected", "EVNotDetected", "EnergyTransferStarted", "EnergyTransferStopped", "Fault", "RFID" }, events.Select(e => e.Name));
        Assert.Equal(EventPriority.Critical, events.Single(e => e.Name == "Fault").Priority);
        Assert.All(events.Where(e => e.Name != "Fault"), e => Assert.Equal(EventPriority.Info, e.Priority));

        var fault = events[4];
        Assert.Equal(new uint[] { 0, 1, 2, 4 }, fault.Fields.Select(f => f.Id));
        Assert.True(fault.Fields[0].IsNullable);
        Assert.Equal(Privilege.View, fault.Access.Read);

        var rfid = events[5];
        Assert.Equal(Conformance.Create(ConformanceKind.Optional, new FeatureTerm("RFID")), rfid.Conformance);
        Assert.Equal("octet_string", rfid.Fields[0].Type.Name);
        Assert.Equal(10, rfid.Fields[0].Constraint.MaxLength);
    }

    [SharedFact]
    public void Data_types()
    {
        var types = Load().DataTypes;
        Assert.Equal(
            new[] { "StateEnum", "SupplyStateEnum", "FaultStateEnum", "EnergyTransferStoppedReasonEnum", "TargetDayOfWeekBitmap", "ChargingTargetStruct", "ChargingTargetScheduleStruct" },
            types.Select(t => t.Name));
        Assert.All(types, t => Assert.Equal(new uint[] { 0x0099 }, t.ClusterCodes));

        var fault = types[2];
        Assert.Equal(DataTypeKind.Enum, fault.Kind);
        Assert.Equal("enum8", fault.BaseType);
        Assert.Equal(new NamedValue("Other", 0xFF, null), fault.Values[^1]);

        var days = types[4];
        Assert.Equal(DataTypeKind.Bitmap, days.Kind);
        Assert.Equal(Maturity.Provisional, days.Maturity);
        Assert.Equal(0x40ul, days.Values.Single(v => v.Name == "Saturday").Value);

        var schedule = types[6];
        Assert.Equal(DataTypeKind.Struct, schedule.Kind);
        Assert.Equal(new TypeReference("ChargingTargetStruct", true), schedule.Fields[1].Type);
        Assert.Equal(10, schedule.Fields[1].Constraint.MaxLength);
        Assert.Equal(1439m, types[5].Fields[0].Constraint.Max);
        Assert.True(types[5].Fields[1].IsOptional);
    }
}
