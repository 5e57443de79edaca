using System;
using System.Threading.Tasks;
using MatterGen.Evse.Clusters;
using MatterGen.Evse.Device;
using MatterGen.Evse.Targets;
using MatterGen.Interaction;
using MatterGen.Timing;
using Xunit;
using Supply = MatterGen.Evse.Clusters.EnergyEVSE.SupplyStateEnum;

namespace MatterGen.Evse.Tests.Hostile;

/// <summary>
/// The reproductions of issue 17 ("Hostile peers"), each as the raw bytes a peer sent: none may crash the
/// charger, change state when it fails, or make the device store more than the specification's limits.
/// </summary>
public sealed class HostilePeerRegressionTests
{
    private const uint Disable = 0x01, EnableCharging = 0x02, EnableDischarging = 0x03, StartDiagnostics = 0x04;
    private const uint SetTargets = 0x05, GetTargets = 0x06, ClearTargets = 0x07;

    [Fact]
    public async Task A_deadline_50_days_ahead_is_accepted_and_ends_charging_on_the_day()
    {
        using var bed = new HostileBed();

        // EnableCharging(until = start + 50 days, 6000, 16000): past a timer's 49.7-day due-time limit.
        var result = await bed.InvokeHexAsync(EnableCharging, "152600A052CD30210170172102803E18");

        Assert.Equal(MatterStatus.Success, result.Status);
        Assert.Equal(Supply.ChargingEnabled, await bed.Client.ReadSupplyStateAsync());
        bed.Clock.Advance(TimeSpan.FromDays(49.9));
        Assert.Equal(Supply.ChargingEnabled, await bed.Client.ReadSupplyStateAsync());
        bed.Clock.Advance(TimeSpan.FromDays(0.1) + TimeSpan.FromSeconds(1));
        Assert.Equal(Supply.Disabled, await bed.Client.ReadSupplyStateAsync());
    }

    [Fact]
    public async Task The_last_epoch_second_as_a_deadline_is_accepted()
    {
        using var bed = new HostileBed();

        // EnableCharging(until = 0xFFFFFFFF, 0, 0): the year 2136.
        var result = await bed.InvokeHexAsync(EnableCharging, "152600FFFFFFFF20010020020018");

        Assert.Equal(MatterStatus.Success, result.Status);
        bed.Clock.Advance(TimeSpan.FromDays(400));
        Assert.Equal(Supply.ChargingEnabled, await bed.Client.ReadSupplyStateAsync());
    }

    [Fact]
    public async Task A_near_deadline_followed_by_a_far_one_re_arms_without_crashing()
    {
        using var bed = new HostileBed();
        await bed.Client.EnableDischargingAsync(new EnergyEVSE.EnableDischargingRequest { DischargingEnabledUntil = bed.InSeconds(2), MaximumDischargeCurrent = 16000 });
        await bed.Client.EnableChargingAsync(new EnergyEVSE.EnableChargingRequest { ChargingEnabledUntil = bed.InSeconds(50 * 86400), MinimumChargeCurrent = 6000, MaximumChargeCurrent = 16000 });

        // The discharge deadline lapses; the re-check then arms the 50-day charging deadline on the timer thread.
        bed.Clock.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal(Supply.ChargingEnabled, await bed.Client.ReadSupplyStateAsync());
        Assert.Equal(EnergyEVSE.FaultStateEnum.NoError, await bed.Client.ReadFaultStateAsync());
    }

    [Fact]
    public async Task Clearing_a_fault_with_a_far_deadline_armed_restores_the_supply()
    {
        using var bed = new HostileBed();
        await bed.Client.EnableChargingAsync(new EnergyEVSE.EnableChargingRequest { ChargingEnabledUntil = bed.InSeconds(50 * 86400), MinimumChargeCurrent = 6000, MaximumChargeCurrent = 16000 });
        Assert.Equal(MatterStatus.Success, bed.Controller.RaiseFault(EnergyEVSE.FaultStateEnum.GroundFault));

        Assert.Equal(MatterStatus.Success, bed.Controller.ClearFault());

        Assert.Equal(Supply.ChargingEnabled, await bed.Client.ReadSupplyStateAsync());
    }

    [Fact]
    public async Task A_deadline_already_past_disables_at_once_and_a_rejected_command_after_it_changes_nothing()
    {
        // Found by the fuzzer: a past deadline armed inside a command was never fired (the timer ran its callback
        // before it knew the deadline), and a later rejected command re-armed it, disabling the supply on its way out.
        using var bed = new HostileBed();
        await bed.Client.EnableChargingAsync(new EnergyEVSE.EnableChargingRequest { ChargingEnabledUntil = bed.InSeconds(-10), MinimumChargeCurrent = 6000, MaximumChargeCurrent = 16000 });
        Assert.Equal(Supply.Disabled, await bed.Client.ReadSupplyStateAsync());
        await AssertRejectedAsync(bed, MatterStatus.InvalidCommand, async () => (await bed.InvokeHexAsync(ClearTargets, "AE18")).Status);
    }

    [Fact]
    public async Task On_the_system_clock_a_near_deadline_then_a_far_one_keeps_the_process_alive()
    {
        // The crash: on TimeProvider.System the re-check after the near deadline armed a 50-day timer
        // on a timer thread and the process aborted. Here it must simply carry on charging.
        using var device = EnergyEvseDevice.CreateBidirectional(new EnergyEvseOptions(), new ClusterServerOptions { Endpoint = HostileBed.Endpoint });
        var client = new EnergyEVSE.Client(new InProcessTransport(MatterGen.DataModel.Privilege.Administer).Add(device.Server), HostileBed.Endpoint);
        var now = DateTimeOffset.UtcNow;
        await client.EnableDischargingAsync(new EnergyEVSE.EnableDischargingRequest { DischargingEnabledUntil = MatterGen.DataModel.EpochSeconds.FromDateTimeOffset(now.AddSeconds(2)), MaximumDischargeCurrent = 16000 });
        await client.EnableChargingAsync(new EnergyEVSE.EnableChargingRequest { ChargingEnabledUntil = MatterGen.DataModel.EpochSeconds.FromDateTimeOffset(now.AddDays(50)), MinimumChargeCurrent = 6000, MaximumChargeCurrent = 16000 });

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (await client.ReadSupplyStateAsync() != Supply.ChargingEnabled && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100);
        }

        Assert.Equal(Supply.ChargingEnabled, await client.ReadSupplyStateAsync());
        Assert.Equal(EnergyEVSE.FaultStateEnum.NoError, await client.ReadFaultStateAsync());
    }

    [Fact]
    public async Task A_subscriber_throwing_on_the_quieter_reporting_timer_is_reported_not_let_loose()
    {
        using var bed = new HostileBed();
        await bed.ChargingAsync();
        var failures = 0;
        bed.Device.Server.ObserverFailed += _ => failures++;
        bed.Device.Server.AttributeReported += _ => throw new InvalidOperationException("subscriber bug");

        // Session energy is quieter-reporting: later changes wait for the interval and go out from a timer.
        bed.Controller.UpdateMeter(1_000, 0);
        bed.Controller.UpdateMeter(2_000, 0);
        var beforeTheTimer = failures;
        bed.Clock.Advance(TimeSpan.FromSeconds(11));

        Assert.True(failures > beforeTheTimer, "the held-back report went out from the timer and its failure was reported");
        Assert.Equal(2_000, await bed.Client.ReadSessionEnergyChargedAsync());
    }

    [Fact]
    public void A_deadline_timer_on_the_system_clock_takes_any_deadline()
    {
        var failures = 0;
        using var timer = new DeadlineTimer(TimeProvider.System, () => { }, _ => failures++);

        timer.At(DateTimeOffset.UtcNow.AddDays(50));
        timer.At(DateTimeOffset.MaxValue);
        timer.After(TimeSpan.MaxValue);

        Assert.Equal(0, failures);
    }

    [Fact]
    public async Task A_schedule_naming_no_day_is_a_constraint_error_however_often_it_is_sent()
    {
        using var bed = new HostileBed(bidirectional: false);
        var before = await bed.ObserveAsync();

        for (var i = 0; i < 8; i++)
        {
            // SetTargets([{days 0x00, [{60 min, SoC 100, 1000 mWh}]}]).
            var result = await bed.InvokeHexAsync(SetTargets, "1536001524000036011524003C2401642102E8031818181818");
            Assert.Equal(MatterStatus.ConstraintError, result.Status);
        }

        Assert.Equal(before, await bed.ObserveAsync());
        Assert.Empty(bed.Controller.Targets.Entries);
    }

    [Fact]
    public async Task Every_day_set_over_and_over_never_stores_more_than_seven_schedules()
    {
        using var bed = new HostileBed(bidirectional: false);
        var random = new Random(17);

        for (var i = 0; i < 500; i++)
        {
            var days = (EnergyEVSE.TargetDayOfWeekBitmap)random.Next(1, 0x80);
            await bed.Client.SetTargetsAsync(new EnergyEVSE.SetTargetsRequest
            {
                ChargingTargetSchedules = [new() { DayOfWeekForSequence = days, ChargingTargets = [new() { TargetTimeMinutesPastMidnight = (ushort)random.Next(1440), AddedEnergy = 1000 }] }],
            });
            Assert.InRange(bed.Controller.Targets.Entries.Count, 1, ChargingTargetRules.MaxSchedules);
        }

        var response = await bed.InvokeAsync(GetTargets, [0x15, 0x18]);
        Assert.Equal(MatterStatus.Success, response.Status);
    }

    [Fact]
    public async Task Reserved_day_bits_are_ignored_and_never_stored()
    {
        using var bed = new HostileBed(bidirectional: false);

        // SetTargets([{days 0xF8, []}]): bit 7 is reserved; Thursday to Saturday remain.
        var result = await bed.InvokeHexAsync(SetTargets, "153600152400F8360118181818");

        Assert.Equal(MatterStatus.Success, result.Status);
        var stored = Assert.Single((await bed.Client.GetTargetsAsync(new EnergyEVSE.GetTargetsRequest())).ChargingTargetSchedules);
        Assert.Equal((EnergyEVSE.TargetDayOfWeekBitmap)0x78, stored.DayOfWeekForSequence);
    }

    [Fact]
    public async Task Only_reserved_day_bits_name_no_day()
    {
        using var bed = new HostileBed(bidirectional: false);
        await AssertRejectedAsync(bed, MatterStatus.ConstraintError, async () => (await bed.InvokeHexAsync(SetTargets, "15360015240080360118181818")).Status);
    }

    [Theory]
    [InlineData(EnableCharging)]
    [InlineData(EnableDischarging)]
    public async Task An_out_of_range_value_before_a_structural_break_is_an_invalid_command(uint command)
    {
        using var bed = new HostileBed();
        // {0: 1, 1: -28549 (negative current)} and no end of structure.
        await AssertRejectedAsync(bed, MatterStatus.InvalidCommand, async () => (await bed.InvokeHexAsync(command, "1524000121017B90")).Status);
    }

    [Fact]
    public async Task An_out_of_range_write_with_trailing_garbage_is_an_invalid_data_type()
    {
        using var bed = new HostileBed();
        // RandomizationDelayWindow = 24215834 s (over 86400), then a truncated element.
        await AssertRejectedAsync(bed, MatterStatus.InvalidDataType, async () => await bed.WriteHexAsync(EnergyEVSE.Attributes.RandomizationDelayWindow.Id, "061A81710100"));
    }

    [Fact]
    public async Task A_well_formed_out_of_range_write_is_still_a_constraint_error()
    {
        using var bed = new HostileBed();

        var status = await bed.WriteHexAsync(EnergyEVSE.Attributes.RandomizationDelayWindow.Id, "061A817101");

        Assert.Equal(MatterStatus.ConstraintError, status);
    }

    [Theory]
    [InlineData(Disable)]
    [InlineData(StartDiagnostics)]
    [InlineData(GetTargets)]
    [InlineData(ClearTargets)]
    public async Task A_context_tagged_structure_where_the_fields_belong_is_an_invalid_command(uint command)
    {
        using var bed = new HostileBed();
        await AssertRejectedAsync(bed, MatterStatus.InvalidCommand, async () => (await bed.InvokeHexAsync(command, "357518")).Status);
    }

    [Fact]
    public async Task A_context_tagged_value_written_is_an_invalid_data_type()
    {
        using var bed = new HostileBed();

        await AssertRejectedAsync(bed, MatterStatus.InvalidDataType, async () => await bed.WriteHexAsync(EnergyEVSE.Attributes.RandomizationDelayWindow.Id, "2501E803"));
    }

    [Fact]
    public async Task A_failing_store_fails_SetTargets_and_keeps_the_old_targets()
    {
        using var bed = new HostileBed(bidirectional: false);
        await bed.Client.SetTargetsAsync(new EnergyEVSE.SetTargetsRequest
        {
            ChargingTargetSchedules = [new() { DayOfWeekForSequence = EnergyEVSE.TargetDayOfWeekBitmap.Monday, ChargingTargets = [new() { TargetTimeMinutesPastMidnight = 60, AddedEnergy = 5 }] }],
        });
        await AssertRejectedAsync(bed, MatterStatus.Failure, async () =>
        {
            bed.Plan.ArmOn("store save");
            var result = await bed.InvokeHexAsync(SetTargets, "1536001524007F360118181818");
            bed.Plan.Disarm();
            return result.Status;
        });
    }

    /// <summary>The operation answers <paramref name="expected"/> and nothing a peer can see, nor the store, changes.</summary>
    private static async Task AssertRejectedAsync(HostileBed bed, MatterStatus expected, Func<Task<MatterStatus>> operation)
    {
        var before = await bed.ObserveAsync();
        Assert.Equal(expected, await operation());
        Assert.Equal(before, await bed.ObserveAsync());
    }
}
