using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using MatterGen.DataModel;
using MatterGen.Evse.Clusters;
using MatterGen.Evse.Device;
using MatterGen.Evse.Tests.Hostile;
using MatterGen.Interaction;
using Xunit;
using Day = MatterGen.Evse.Clusters.EnergyEVSE.TargetDayOfWeekBitmap;
using Dem = MatterGen.Evse.Clusters.DeviceEnergyManagement;

namespace MatterGen.Evse.Tests.EnergyManagement;

/// <summary>
/// A command of either cluster that fails leaves both as they were: an Energy EVSE command leaves Device Energy
/// Management as it was, and a power adjustment (or its cancel) the offered current. The charger node over IM, each
/// step of the command through the device's seams (clock, timers, store, change observers) failed in turn, and after
/// every failure the energy management side (its attributes, data version and events, the adjustment in force and
/// the cap it puts on the current) is compared with before, as well as the Energy EVSE side.
/// </summary>
public sealed class EnergyManagementRollbackTests
{
    private const string ManagementHeading = "\nmanagement:";

    public static TheoryData<string> Operations => new(Scenarios.Keys);

    private static readonly Dictionary<string, (Func<HostileBed, Task> Setup, Func<HostileBed, Task<MatterStatus>> Run)> Scenarios = new()
    {
        ["StartDiagnostics under a power adjustment"] = (
            async bed => { bed.Controller.SetCircuitCapacity(32_000); await AdjustAsync(bed); },
            bed => InvokeAsync(bed, EnergyEVSE.Commands.StartDiagnostics.Id)),
        ["EnableCharging with a charging plan"] = (
            async bed => { bed.Controller.SetCircuitCapacity(32_000); bed.Controller.SetHardwareState(HardwareState.PluggedInDemand); await PlanAsync(bed); },
            bed => bed.Client.EnableChargingAsync(new EnergyEVSE.EnableChargingRequest { ChargingEnabledUntil = null, MinimumChargeCurrent = 6000, MaximumChargeCurrent = 16000 }).AsStatus()),
        ["Disable while charging to a plan under a power adjustment"] = (
            async bed => { await bed.ChargingAsync(); await PlanAsync(bed); await AdjustAsync(bed); },
            bed => InvokeAsync(bed, EnergyEVSE.Commands.Disable.Id)),
        ["PowerAdjustRequest while charging to a plan"] = (
            async bed => { await bed.ChargingAsync(); await PlanAsync(bed); },
            bed => AdjustAsync(bed).AsStatus()),
        ["PowerAdjustRequest replacing one in force"] = (
            async bed => { await bed.ChargingAsync(); await PlanAsync(bed); await AdjustAsync(bed); },
            bed => AdjustAsync(bed, 3_450_000, Dem.AdjustmentCauseEnum.GridOptimization).AsStatus()),
        ["CancelPowerAdjustRequest while charging to a plan"] = (
            async bed => { await bed.ChargingAsync(); await PlanAsync(bed); await AdjustAsync(bed); },
            bed => new Dem.Client(bed.Peer, HostileBed.Endpoint).CancelPowerAdjustRequestAsync(new Dem.CancelPowerAdjustRequest()).AsStatus()),
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task A_failed_command_leaves_energy_management_as_it_was(string operation)
    {
        var (setup, run) = Scenarios[operation];
        var sweep = await FaultSweep.RunAsync(operation, () => PreparedAsync(setup), run, async bed => await bed.ObserveAsync() + await ObserveManagementAsync(bed));

        Assert.True(
            ManagementPart(sweep.DryBefore) != ManagementPart(sweep.DryAfter),
            $"{operation}: the command does not touch energy management, so this test shows nothing");
        Assert.True(sweep.Failed > 0, $"{operation}: no injected failure reached the command ({sweep.Steps} steps)");
    }

    [Fact]
    public async Task A_failed_replacement_keeps_the_adjustment_in_force_expiring_on_time()
    {
        using var bed = await PreparedAsync(async bed => { await bed.ChargingAsync(); await AdjustAsync(bed); });
        var management = new Dem.Client(bed.Peer, HostileBed.Endpoint);

        bed.Plan.ArmOn("timer change"); // Arming the replacement's expiry fails.
        Assert.Equal(MatterStatus.Failure, await AdjustAsync(bed, 3_450_000, Dem.AdjustmentCauseEnum.GridOptimization).AsStatus());
        bed.Plan.Disarm();
        Assert.Equal(10_000, bed.Controller.EnergyManagementLimit);

        bed.Clock.Advance(TimeSpan.FromSeconds(599));
        Assert.Equal(Dem.ESAStateEnum.PowerAdjustActive, await management.ReadESAStateAsync());
        bed.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(Dem.ESAStateEnum.Online, await management.ReadESAStateAsync());
        Assert.Null(bed.Controller.EnergyManagementLimit);
        var end = Dem.Client.DecodePowerAdjustEnd((await management.ReadEventsAsync()).Last(e => e.EventId == Dem.Events.PowerAdjustEnd.Id));
        Assert.Equal(Dem.CauseEnum.NormalCompletion, end.Cause);
    }

    [Fact]
    public void Every_energy_evse_attribute_energy_management_follows_is_reported_at_each_change()
    {
        // Energy management follows the charger's committed changes through AttributeReported, which leaves out
        // changes-omitted (C) attributes and paces quieter-reporting (Q) ones: none of those it follows may be either.
        uint[] followed =
        [
            EnergyEVSE.Attributes.State.Id, EnergyEVSE.Attributes.SupplyState.Id, EnergyEVSE.Attributes.FaultState.Id,
            EnergyEVSE.Attributes.MaximumChargeCurrent.Id, EnergyEVSE.Attributes.NextChargeStartTime.Id,
            EnergyEVSE.Attributes.NextChargeTargetTime.Id, EnergyEVSE.Attributes.NextChargeRequiredEnergy.Id,
            EnergyEVSE.Attributes.NextChargeTargetSoC.Id, EnergyEVSE.Attributes.StateOfCharge.Id, EnergyEVSE.Attributes.BatteryCapacity.Id,
        ];
        using var bed = new HostileBed(overInteractionModel: true);

        Assert.All(followed, id => Assert.Equal(
            AttributeQuality.None,
            bed.Device.Server.Description.FindAttribute(id)!.Quality & (AttributeQuality.ChangesOmitted | AttributeQuality.QuieterReporting)));
    }

    private static async Task<HostileBed> PreparedAsync(Func<HostileBed, Task> setup)
    {
        var bed = new HostileBed(overInteractionModel: true);
        await bed.StoreNonVolatileAttributesAsync();
        await setup(bed);
        return bed;
    }

    private static string ManagementPart(string observed) => observed[observed.IndexOf(ManagementHeading, StringComparison.Ordinal)..];

    // By default a local optimization: 2.3 kW (10 A at 230 V) for ten minutes.
    private static ValueTask AdjustAsync(HostileBed bed, long power = 2_300_000, Dem.AdjustmentCauseEnum cause = Dem.AdjustmentCauseEnum.LocalOptimization) =>
        new Dem.Client(bed.Peer, HostileBed.Endpoint).PowerAdjustRequestAsync(new Dem.PowerAdjustRequest
        {
            Power = power,
            Duration = new ElapsedSeconds(600),
            Cause = cause,
        });

    // Every day at 07:00, 20 kWh to add: a charging plan, hence a forecast.
    private static async Task PlanAsync(HostileBed bed) => await bed.Client.SetTargetsAsync(new EnergyEVSE.SetTargetsRequest
    {
        ChargingTargetSchedules =
        [
            new() { DayOfWeekForSequence = (Day)0x7F, ChargingTargets = [new() { TargetTimeMinutesPastMidnight = 7 * 60, TargetSoC = 100, AddedEnergy = 20_000_000 }] },
        ],
    });

    private static async Task<MatterStatus> InvokeAsync(HostileBed bed, uint command) => (await bed.InvokeHexAsync(command, "1518")).Status;

    /// <summary>What a peer sees of Device Energy Management (every attribute, the data version, every event), and the cap the charger applies for it.</summary>
    private static async Task<string> ObserveManagementAsync(HostileBed bed)
    {
        var management = bed.Wire!.Charger.EnergyManagement.Server;
        var text = new StringBuilder(ManagementHeading);
        uint version = 0;
        foreach (var id in management.Description.AttributeList.Where(id => id < 0xFFF0))
        {
            var read = await bed.Peer.ReadAttributeAsync(HostileBed.Endpoint, Dem.ClusterId, id);
            text.Append(' ').Append(id.ToString("X4")).Append('=').Append(read.Status).Append(':').Append(Convert.ToHexString(read.Value.Span));
            version = read.DataVersion;
        }

        text.Append("\nmanagement version=").Append(version);
        foreach (var record in await bed.Peer.ReadEventsAsync(HostileBed.Endpoint, Dem.ClusterId, 0))
        {
            text.Append("\nmanagement event ").Append(record.EventNumber).Append(' ').Append(record.EventId).Append(' ').Append(Convert.ToHexString(record.Payload.Span));
        }

        text.Append("\ncap=").Append(bed.Controller.EnergyManagementLimit);
        return text.ToString();
    }
}
