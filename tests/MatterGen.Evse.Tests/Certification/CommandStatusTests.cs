using System.Threading.Tasks;
using MatterGen.DataModel;
using MatterGen.Evse.Clusters;
using MatterGen.Interaction;
using Xunit;
using Day = MatterGen.Evse.Clusters.EnergyEVSE.TargetDayOfWeekBitmap;

namespace MatterGen.Evse.Tests.Certification;

/// <summary>
/// The statuses of the command rules not already produced by the certification flows; each rejected command
/// leaves every attribute and the event log as they were.
/// </summary>
public sealed class CommandStatusTests
{
    [Fact]
    public async Task A_negative_maximum_charge_current_is_a_constraint_error()
    {
        using var bed = new EvseTestBed();
        // EnableCharging(null, 0, -1), made by hand: the client would refuse to encode it.
        await bed.AssertRejectedAsync(MatterStatus.ConstraintError, () => bed.InvokeRawAsync(0x02, [0x15, 0x34, 0x00, 0x20, 0x01, 0x00, 0x20, 0x02, 0xFF, 0x18]));
    }

    [Fact]
    public async Task A_negative_discharge_current_is_a_constraint_error()
    {
        using var bed = new EvseTestBed();
        // EnableDischarging(null, -1).
        await bed.AssertRejectedAsync(MatterStatus.ConstraintError, () => bed.InvokeRawAsync(0x03, [0x15, 0x34, 0x00, 0x20, 0x01, 0xFF, 0x18]));
    }

    [Fact]
    public async Task Discharging_is_refused_while_faulted()
    {
        using var bed = new EvseTestBed();
        bed.Controller.RaiseFault(EnergyEVSE.FaultStateEnum.OverTemperature);
        await bed.NewEventsAsync();

        await bed.AssertRejectedAsync(MatterStatus.Failure, () => bed.Client.EnableDischargingAsync(new EnergyEVSE.EnableDischargingRequest { DischargingEnabledUntil = null, MaximumDischargeCurrent = 16000 }));
    }

    [Fact]
    public async Task A_target_with_neither_soc_nor_energy_is_a_failure()
    {
        using var bed = new EvseTestBed(bidirectional: false);
        await bed.AssertRejectedAsync(MatterStatus.Failure, () => bed.Client.SetTargetsAsync(new EnergyEVSE.SetTargetsRequest
        {
            ChargingTargetSchedules = [new() { DayOfWeekForSequence = Day.Monday, ChargingTargets = [new() { TargetTimeMinutesPastMidnight = 60 }] }],
        }));
    }

    [Fact]
    public async Task A_target_soc_other_than_100_without_soc_reporting_is_a_constraint_error()
    {
        using var bed = new EvseTestBed(bidirectional: false);
        await bed.AssertRejectedAsync(MatterStatus.ConstraintError, () => bed.Client.SetTargetsAsync(new EnergyEVSE.SetTargetsRequest
        {
            ChargingTargetSchedules = [new() { DayOfWeekForSequence = Day.Monday, ChargingTargets = [new() { TargetTimeMinutesPastMidnight = 60, TargetSoC = 80 }] }],
        }));
    }

    [Fact]
    public async Task Writing_an_attribute_the_feature_set_leaves_out_is_unsupported()
    {
        using var bed = new EvseTestBed(bidirectional: false);
        // StateOfCharge (0x0030) needs SoCReporting.
        await bed.AssertRejectedAsync(MatterStatus.UnsupportedAttribute, () => bed.WriteRawAsync(0x0030, [0x04, 0x32]));
        await bed.AssertRejectedAsync(MatterStatus.UnsupportedWrite, () => bed.WriteRawAsync(0x0000, [0x04, 0x01]));
    }

    [Fact]
    public async Task A_view_only_requester_cannot_invoke()
    {
        using var bed = new EvseTestBed();
        var viewer = new EnergyEVSE.Client(bed.Transport.WithPrivilege(MatterGen.DataModel.Privilege.View), EvseTestBed.Endpoint);

        await bed.AssertRejectedAsync(MatterStatus.UnsupportedAccess, () => viewer.EnableChargingAsync(new EnergyEVSE.EnableChargingRequest { ChargingEnabledUntil = null, MinimumChargeCurrent = 6000, MaximumChargeCurrent = 16000 }));
    }

    [Fact]
    public async Task A_malformed_request_is_an_invalid_command()
    {
        using var bed = new EvseTestBed();
        // EnableCharging with its currents missing.
        await bed.AssertRejectedAsync(MatterStatus.InvalidCommand, () => bed.InvokeRawAsync(0x02, [0x15, 0x34, 0x00, 0x18]));
    }

    [Fact]
    public async Task Writes_outside_the_constraints_are_refused_and_change_nothing()
    {
        using var bed = new EvseTestBed();
        var client = bed.Client;

        await bed.AssertRejectedAsync(MatterStatus.ConstraintError, () => client.WriteUserMaximumChargeCurrentAsync(-1));
        // 86401 s: the generated client refuses to encode it, so a peer's bytes (unsigned 86401) are written by hand.
        await bed.AssertRejectedAsync(MatterStatus.ConstraintError, () => bed.WriteRawAsync(0x000A, [0x06, 0x81, 0x51, 0x01, 0x00]));
        await bed.AssertRejectedAsync(MatterStatus.InvalidDataType, () => bed.WriteRawAsync(0x0009, [0x0C, 0x01, 0x41]));
        var operate = new EnergyEVSE.Client(bed.Transport.WithPrivilege(Privilege.Operate), EvseTestBed.Endpoint);
        await bed.AssertRejectedAsync(MatterStatus.UnsupportedAccess, () => operate.WriteUserMaximumChargeCurrentAsync(16000));
        await bed.AssertRejectedAsync(MatterStatus.NeedsTimedInteraction, () => client.EnableChargingAsync(new EnergyEVSE.EnableChargingRequest { ChargingEnabledUntil = null, MinimumChargeCurrent = 6000, MaximumChargeCurrent = 16000 }, timed: false));
        await bed.AssertRejectedAsync(MatterStatus.ConstraintError, () => bed.EnableChargingAsync(null, 16000, 6000));
        await bed.AssertRejectedAsync(MatterStatus.ConstraintError, () => bed.InvokeRawAsync(0x02, [0x15, 0x34, 0x00, 0x20, 0x01, 0xFF, 0x21, 0x02, 0x70, 0x17, 0x18]));
    }

    [Fact]
    public async Task A_standard_charger_has_no_discharging()
    {
        using var bed = new EvseTestBed(bidirectional: false);

        // EnableDischarging(null, 0) as a peer would send it.
        var invoke = await bed.Transport.InvokeAsync(EvseTestBed.Endpoint, EnergyEVSE.ClusterId, 0x03, new byte[] { 0x15, 0x34, 0x00, 0x24, 0x01, 0x00, 0x18 }, timed: true);
        Assert.Equal(MatterStatus.UnsupportedCommand, invoke.Status);
        var read = await bed.Transport.ReadAttributeAsync(EvseTestBed.Endpoint, EnergyEVSE.ClusterId, 0x0004);
        Assert.Equal(MatterStatus.UnsupportedAttribute, read.Status);
    }
}
