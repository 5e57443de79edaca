using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using MatterGen.Evse.Clusters;
using MatterGen.Interaction;
using Xunit;
using Day = MatterGen.Evse.Clusters.EnergyEVSE.TargetDayOfWeekBitmap;

namespace MatterGen.Evse.Tests.Hostile;

/// <summary>
/// Commands are all-or-nothing: every command (and write) is run once to count the steps it takes through the
/// device's seams (clock reads, timer changes, store loads and saves, change observers, report subscribers);
/// then, on a fresh device in the same state, each step in turn throws. Whatever step fails, no exception
/// reaches the peer, and an operation that answers a failure leaves every attribute, the data version, the
/// event log, the targets and the store exactly as they were.
/// </summary>
public sealed class FailureInjectionTests
{
    public static TheoryData<string> Operations => new(Scenarios.Keys);

    private static readonly Dictionary<string, (Func<HostileBed, Task> Setup, Func<HostileBed, Task<MatterStatus>> Run)> Scenarios = new()
    {
        ["Disable while charging"] = (bed => bed.ChargingAsync(), bed => Invoke(bed, 0x01, "1518")),
        ["EnableCharging with demand waiting"] = (
            async bed => { bed.Controller.SetCircuitCapacity(32_000); bed.Controller.SetHardwareState(MatterGen.Evse.Device.HardwareState.PluggedInDemand); await Task.CompletedTask; },
            bed => bed.Client.EnableChargingAsync(new EnergyEVSE.EnableChargingRequest { ChargingEnabledUntil = bed.InSeconds(3600), MinimumChargeCurrent = 6000, MaximumChargeCurrent = 16000 }).AsStatus()),
        ["EnableCharging 50 days ahead"] = (_ => Task.CompletedTask, bed => Invoke(bed, 0x02, "152600A052CD30210170172102803E18")),
        ["EnableDischarging while charging is enabled"] = (
            bed => bed.ChargingAsync(),
            bed => bed.Client.EnableDischargingAsync(new EnergyEVSE.EnableDischargingRequest { DischargingEnabledUntil = bed.InSeconds(600), MaximumDischargeCurrent = 10000 }).AsStatus()),
        ["StartDiagnostics"] = (_ => Task.CompletedTask, bed => Invoke(bed, 0x04, "1518")),
        ["SetTargets over stored targets"] = (
            bed => SetMondayAsync(bed),
            bed => bed.Client.SetTargetsAsync(new EnergyEVSE.SetTargetsRequest
            {
                ChargingTargetSchedules =
                [
                    new() { DayOfWeekForSequence = Day.Monday | Day.Tuesday, ChargingTargets = [new() { TargetTimeMinutesPastMidnight = 420, TargetSoC = 80 }] },
                    new() { DayOfWeekForSequence = Day.Saturday, ChargingTargets = [] },
                ],
            }).AsStatus()),
        ["GetTargets"] = (bed => SetMondayAsync(bed), bed => Invoke(bed, 0x06, "1518")),
        ["ClearTargets"] = (bed => SetMondayAsync(bed), bed => Invoke(bed, 0x07, "1518")),
        ["Write UserMaximumChargeCurrent while charging"] = (bed => bed.ChargingAsync(), bed => Write(bed, EnergyEVSE.Attributes.UserMaximumChargeCurrent.Id, "0210270000")),
        ["Write RandomizationDelayWindow"] = (_ => Task.CompletedTask, bed => Write(bed, EnergyEVSE.Attributes.RandomizationDelayWindow.Id, "05100E")),
        ["Write ApproximateEVEfficiency"] = (_ => Task.CompletedTask, bed => Write(bed, EnergyEVSE.Attributes.ApproximateEVEfficiency.Id, "05AC0D")),
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task A_failure_at_any_step_leaves_everything_as_it_was(string operation)
    {
        var (setup, run) = Scenarios[operation];
        var sweep = await FaultSweep.RunAsync(operation, () => PreparedAsync(setup), run, bed => bed.ObserveAsync());

        if (sweep.DryBefore != sweep.DryAfter)
        {
            Assert.True(sweep.Failed > 0, $"{operation}: no injected failure reached the command ({sweep.Steps} steps)");
        }
    }

    [Fact]
    public async Task A_failing_deadline_check_on_the_timer_thread_faults_the_charger_instead_of_crashing()
    {
        int steps;
        using (var dry = await PreparedAsync(ChargingUntilTenSecondsAsync))
        {
            dry.Plan.Arm();
            dry.Clock.Advance(TimeSpan.FromSeconds(11));
            dry.Plan.Disarm();
            steps = dry.Plan.Steps;
        }

        Assert.True(steps > 0);
        var faulted = 0;
        for (var step = 1; step <= steps; step++)
        {
            using var bed = await PreparedAsync(ChargingUntilTenSecondsAsync);
            bed.Plan.Arm(failAt: step);
            bed.Clock.Advance(TimeSpan.FromSeconds(11)); // An escaping exception would fail the test here.
            bed.Plan.Disarm();

            // The deadline either did its work or the charger stopped in a fault: never still supplying energy.
            var supply = await bed.Client.ReadSupplyStateAsync();
            var fault = await bed.Client.ReadFaultStateAsync();
            Assert.True(
                (supply == EnergyEVSE.SupplyStateEnum.Disabled && fault == EnergyEVSE.FaultStateEnum.NoError)
                || (supply == EnergyEVSE.SupplyStateEnum.DisabledError && fault == EnergyEVSE.FaultStateEnum.Other),
                $"failing step {step} of {steps} ({string.Join(", ", bed.Plan.Trace)}) left {supply}, {fault}");
            faulted += fault == EnergyEVSE.FaultStateEnum.Other ? 1 : 0;
        }

        Assert.True(faulted > 0);
    }

    private static async Task ChargingUntilTenSecondsAsync(HostileBed bed)
    {
        await bed.ChargingAsync();
        await bed.Client.EnableChargingAsync(new EnergyEVSE.EnableChargingRequest { ChargingEnabledUntil = bed.InSeconds(10), MinimumChargeCurrent = 6000, MaximumChargeCurrent = 16000 });
    }

    /// <summary>A fresh charger, its store holding every non-volatile attribute and the targets key, then the scenario's state.</summary>
    private static async Task<HostileBed> PreparedAsync(Func<HostileBed, Task> setup)
    {
        var bed = new HostileBed();
        await SetMondayAsync(bed);
        await Invoke(bed, 0x07, "1518");
        await bed.StoreNonVolatileAttributesAsync();
        await setup(bed);
        return bed;
    }

    private static async Task SetMondayAsync(HostileBed bed) => await bed.Client.SetTargetsAsync(new EnergyEVSE.SetTargetsRequest
    {
        ChargingTargetSchedules = [new() { DayOfWeekForSequence = Day.Monday, ChargingTargets = [new() { TargetTimeMinutesPastMidnight = 60, TargetSoC = 100 }] }],
    });

    private static async Task<MatterStatus> Invoke(HostileBed bed, uint command, string hex) => (await bed.InvokeHexAsync(command, hex)).Status;

    private static async Task<MatterStatus> Write(HostileBed bed, uint attribute, string hex) => await bed.WriteHexAsync(attribute, hex);
}

/// <summary>A client call's outcome as the status a peer sees.</summary>
internal static class ClientCallStatus
{
    public static async Task<MatterStatus> AsStatus(this ValueTask call)
    {
        try
        {
            await call;
            return MatterStatus.Success;
        }
        catch (MatterStatusException exception)
        {
            return exception.Status;
        }
    }
}
