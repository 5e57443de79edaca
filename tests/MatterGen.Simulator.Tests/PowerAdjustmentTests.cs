using System;
using System.Linq;
using System.Threading.Tasks;
using MatterGen.Samples.EvseSimulator.Scenarios;
using MatterGen.Samples.EvseSimulator.Session;
using Xunit;

namespace MatterGen.Simulator.Tests;

/// <summary>
/// The overnight house load met by Device Energy Management power adjustments over the Interaction Model, and the
/// reaction-time check that judges them: it passes on a vehicle that follows the pilot as IEC 61851-1 asks, and fails
/// on one that does not.
/// </summary>
public sealed class PowerAdjustmentTests
{
    private static readonly Scenario Overnight = ScenarioCatalog.Find("overnight")!;

    [Fact]
    public async Task The_manager_caps_the_charger_while_the_house_load_is_high_and_gives_the_power_back()
    {
        var outcome = await new SessionRunner(Overnight, bidirectional: true, speed: null, SimulatedStation.Create).RunAsync(new NullObserver());

        // Two adjustments: the water heater (known end: it expires), the morning rush (cancelled when the load drops).
        Assert.Collection(
            outcome.Adjustments,
            heater =>
            {
                Assert.Equal(new TimeOnly(4, 45), Minute(heater.RequestedAt));
                Assert.Equal(5_800_000, heater.PowerMilliwatts); // 9.2 kW limit − 0.4 kW base − 3.0 kW heater
                Assert.Equal("NormalCompletion", heater.EndCause);
                Assert.Equal(new TimeOnly(5, 15), Minute(heater.EndedAt!.Value));
            },
            morning =>
            {
                Assert.Equal(4_200_000, morning.PowerMilliwatts);
                Assert.Equal(LoadGuard.OpenEndedDuration, morning.Duration);
                Assert.Equal("Cancelled", morning.EndCause);
                Assert.Equal(new TimeOnly(6, 40), Minute(morning.EndedAt!.Value));
            });

        // Both honoured: the pilot within the control step, the EV within 5 s, then at or under the request throughout.
        Assert.All(outcome.AdjustmentVerdicts, v =>
        {
            Assert.True(v.Honoured, v.Describe());
            Assert.InRange(v.PilotLowered!.Value, TimeSpan.Zero, TimeSpan.FromSeconds(1));
            Assert.InRange(v.EvFollowed!.Value, TimeSpan.Zero, AdjustmentCompliance.EvResponseTime);
        });

        // The house never went over its limit for longer than the reaction times allow.
        var house = Overnight.House!;
        var over = outcome.Trace.Where(p => house.WattsAt(p.At) * 1000 + p.MeasuredMilliwatts > house.GridLimitWatts * 1000 * 1.01).ToList();
        Assert.InRange(over.Count, 0, 2 * (int)(AdjustmentCompliance.EvResponseTime.TotalSeconds + 1));

        // The DEM events came over the wire, decoded, and the forecast was read.
        Assert.Equal(2, outcome.Events.Count(e => e.Name == "PowerAdjustStart"));
        Assert.Contains(outcome.Events, e => e.Name == "PowerAdjustEnd" && e.Detail.StartsWith("NormalCompletion", StringComparison.Ordinal));
        Assert.Contains(outcome.Events, e => e.Name == "PowerAdjustEnd" && e.Detail.StartsWith("Cancelled", StringComparison.Ordinal));
        Assert.Contains(outcome.Events, e => e.Name == "Forecast" && e.Detail.Contains("LocalOptimization", StringComparison.Ordinal));

        // The plan starts earlier than without the house (03:10) to make up for the capped hours, and still meets 07:30.
        Assert.InRange(outcome.FirstClusterEvent("EnergyTransferStarted")!.At.TimeOfDay, TimeSpan.FromHours(2.5), TimeSpan.FromHours(3) - TimeSpan.FromMinutes(1));
        Assert.All(SessionRunner.Check(outcome), check => Assert.True(check.Passed, check.Description));
    }

    [Fact]
    public async Task A_vehicle_slower_than_IEC_61851_allows_fails_the_reaction_time_check()
    {
        // The on-board charger takes 8 s to follow a new duty cycle: the charge point's over-current guard (10 s) lets
        // it be, the session otherwise goes as scripted, but the adjustments are not honoured in time.
        var outcome = await new SessionRunner(Overnight, bidirectional: true, speed: null,
            (scenario, bidirectional, time) => SimulatedStation.Create(scenario, bidirectional, time, ev => ev.ResponseDelay = TimeSpan.FromSeconds(8)))
            .RunAsync(new NullObserver());

        Assert.NotEmpty(outcome.Adjustments);
        Assert.All(outcome.AdjustmentVerdicts, v =>
        {
            Assert.False(v.Honoured);
            Assert.True(v.EvFollowed > AdjustmentCompliance.EvResponseTime, v.Describe());
        });
        var checks = SessionRunner.Check(outcome);
        Assert.Contains(checks, c => !c.Passed && c.Description.StartsWith("Power adjustments honoured", StringComparison.Ordinal));
        Assert.All(checks.Where(c => !c.Description.StartsWith("Power adjustments honoured", StringComparison.Ordinal)), c => Assert.True(c.Passed, c.Description));
    }

    [Fact]
    public void The_check_judges_the_pilot_the_vehicle_and_the_hold()
    {
        var t0 = new DateTimeOffset(2026, 1, 14, 4, 45, 0, TimeSpan.Zero);
        var adjustment = new PowerAdjustmentRecord(t0, 4_600_000, TimeSpan.FromMinutes(1), "test");
        const int full = 32_000, capped = 20_000; // 20 A × 230 V = 4.6 kW
        PowerTracePoint At(int second, int offered, double kw) => new(t0.AddSeconds(second), offered, (long)(kw * 1e6));

        // In time: pilot at +1 s, EV at +4 s after it, held.
        var good = Enumerable.Range(0, 60).Select(s => At(s, s < 1 ? full : capped, s < 5 ? 7.36 : 4.6)).ToList();
        Assert.True(AdjustmentCompliance.Evaluate([adjustment], good, TimeSpan.FromSeconds(1)).Single().Honoured);

        // The pilot two steps late.
        var latePilot = Enumerable.Range(0, 60).Select(s => At(s, s < 2 ? full : capped, s < 3 ? 7.36 : 4.6)).ToList();
        var verdict = AdjustmentCompliance.Evaluate([adjustment], latePilot, TimeSpan.FromSeconds(1)).Single();
        Assert.False(verdict.Honoured);
        Assert.Equal(TimeSpan.FromSeconds(2), verdict.PilotLowered);

        // The EV 6 s after the pilot.
        var lateEv = Enumerable.Range(0, 60).Select(s => At(s, s < 1 ? full : capped, s < 7 ? 7.36 : 4.6)).ToList();
        verdict = AdjustmentCompliance.Evaluate([adjustment], lateEv, TimeSpan.FromSeconds(1)).Single();
        Assert.False(verdict.Honoured);
        Assert.Equal(TimeSpan.FromSeconds(6), verdict.EvFollowed);

        // In time, then drawing more again before the end; within the meter's 1 % it still counts as held.
        var creeping = Enumerable.Range(0, 60).Select(s => At(s, s < 1 ? full : capped, s < 3 ? 7.36 : s == 30 ? 4.64 : s < 40 ? 4.6 : 5.0)).ToList();
        verdict = AdjustmentCompliance.Evaluate([adjustment], creeping, TimeSpan.FromSeconds(1)).Single();
        Assert.False(verdict.Honoured);
        Assert.Equal(t0.AddSeconds(40), verdict.Overshoot);

        // After the end the charger may draw again.
        var released = Enumerable.Range(0, 90).Select(s => At(s, s < 1 || s >= 60 ? full : capped, s < 3 || s >= 62 ? 7.36 : 4.6)).ToList();
        Assert.True(AdjustmentCompliance.Evaluate([adjustment], released, TimeSpan.FromSeconds(1)).Single().Honoured);
    }

    private static TimeOnly Minute(DateTimeOffset at) => new(at.Hour, at.Minute);
}
