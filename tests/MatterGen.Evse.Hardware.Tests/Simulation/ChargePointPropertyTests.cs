using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using MatterGen.Evse.Hardware.Control;
using MatterGen.Evse.Hardware.Pilot;
using MatterGen.Evse.Simulation;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using Xunit.Abstractions;

namespace MatterGen.Evse.Hardware.Tests.Simulation;

public class ChargePointPropertyTests(ITestOutputHelper output)
{
    private int sessionsCharging;
    private int sessionsInGrace;
    private int sessionsFaulted;
    private int sessionsOverCurrent;

    public enum Act
    {
        Plug, Unplug, WantCharge, StopCharge, ShortDiode, FixDiode, ShortPilot, FixPilot, NeedVentilation, NoVentilation,
        IgnoreWithdrawal, HonourWithdrawal, Overdraw, EnableSupply, DisableSupply, RaiseFault, ClearFault, Wait,
    }

    public sealed record Step(Act Act, int Argument, int WaitMilliseconds);

    public sealed record Scenario(bool Ventilation, bool WakeUp, Step[] Steps);

    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan OffTime = TimeSpan.FromMilliseconds(100);
    private static readonly FaultKind[] Faults = Enum.GetValues<FaultKind>();

    // Actions weighted so that most sessions reach charging before being disturbed.
    private static readonly Gen<Act> Acts = Gen.Frequency(
        (3, Gen.Const(Act.Wait)), (2, Gen.Const(Act.EnableSupply)), (2, Gen.Const(Act.WantCharge)), (2, Gen.Const(Act.Plug)),
        (1, Gen.Const(Act.Unplug)), (1, Gen.Const(Act.StopCharge)), (1, Gen.Const(Act.DisableSupply)),
        (1, Gen.Const(Act.ShortDiode)), (1, Gen.Const(Act.FixDiode)), (1, Gen.Const(Act.ShortPilot)), (1, Gen.Const(Act.FixPilot)),
        (1, Gen.Const(Act.NeedVentilation)), (1, Gen.Const(Act.NoVentilation)), (1, Gen.Const(Act.IgnoreWithdrawal)),
        (1, Gen.Const(Act.HonourWithdrawal)), (1, Gen.Const(Act.Overdraw)), (1, Gen.Const(Act.RaiseFault)), (2, Gen.Const(Act.ClearFault)));

    private static readonly Step[] StartCharging =
        [new(Act.Plug, 0, 200), new(Act.WantCharge, 0, 0), new(Act.EnableSupply, 16_000, 1_500)];

    private static readonly Gen<Scenario> Scenarios =
        Gen.Select(
            Gen.Bool,
            Gen.Bool,
            Gen.Frequency((3, Gen.Const(true)), (1, Gen.Const(false))),
            Gen.Select(
                Acts,
                Gen.Int[0, 90_000],
                Gen.Frequency((7, Gen.Int[0, 600]), (3, Gen.Int[600, 8_000])),
                (act, arg, wait) => new Step(act, arg, wait)).Array[1, 12],
            (vent, wake, startCharging, steps) => new Scenario(vent, wake, startCharging ? [.. StartCharging, .. steps] : steps));

    [Fact]
    public void Safety_invariants_hold_for_10000_random_sessions()
    {
        Scenarios.Sample(Run, iter: 10_000, threads: 1, seed: null, print: Describe);
        output.WriteLine($"sessions charging: {sessionsCharging}, in C1 grace: {sessionsInGrace}, with a fault: {sessionsFaulted}, over-current: {sessionsOverCurrent}");
        // Not vacuous: many sessions must reach the states the invariants are about.
        Assert.True(sessionsCharging > 1_000, $"only {sessionsCharging} sessions closed the contactor");
        Assert.True(sessionsInGrace > 50, $"only {sessionsInGrace} sessions reached C1 with the contactor closed");
        Assert.True(sessionsFaulted > 1_000, $"only {sessionsFaulted} sessions had a fault");
        Assert.True(sessionsOverCurrent > 50, $"only {sessionsOverCurrent} sessions tripped over-current");
    }

    private static string Describe(Scenario s) =>
        $"vent={s.Ventilation} wake={s.WakeUp}: " + string.Join(", ", s.Steps.Select(x => $"{x.Act}({x.Argument}) +{x.WaitMilliseconds}ms"));

    private void Run(Scenario scenario)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var options = new ChargePointOptions { MaximumCurrentMilliamps = 32_000, OverCurrentTime = TimeSpan.FromSeconds(3), VentilationAvailable = scenario.Ventilation, WakeUpEnabled = scenario.WakeUp };
        using var controller = new ChargePointController(options, time);
        var ev = new SimulatedEv(time, stateOfCharge: 0.5);
        var supply = false;
        var limit = 0;
        DateTimeOffset? unsafeSince = null;
        DateTimeOffset? overdrawSince = null;
        // Offers of the last EV response time: a lowered offer binds only once the EV has had that long to follow.
        var recentOffers = new Queue<(DateTimeOffset At, int Offer)>();
        var overdrawLimit = options.OverCurrentTime + Tick;
        bool charged = false, grace = false, faulted = false, overCurrent = false;

        void Check()
        {
            var now = time.GetUtcNow();
            var o = controller.Outputs;

            // Offer never above any limit, and the duty says exactly the offer.
            var cap = supply ? Math.Min(limit, options.MaximumCurrentMilliamps) : 0;
            Assert.True(o.OfferedCurrentMilliamps <= cap, $"offer {o.OfferedCurrentMilliamps} above limit {cap}");
            if (o.Pilot.PwmOn)
            {
                Assert.Equal(o.OfferedCurrentMilliamps, PilotDutyCycle.Interpret(o.Pilot.DutyCycle).CurrentMilliamps, 1.0);
            }
            else
            {
                Assert.Equal(0, o.OfferedCurrentMilliamps);
            }

            var evMayCharge = ev.PresentedState == PilotState.C || (ev.PresentedState == PilotState.D && options.VentilationAvailable);
            // The diode can only be checked on the negative plateau, i.e. with PWM on; in C1 (PWM withdrawn, up to
            // 6 s) the last check, made with PWM on, stands.
            var physicallySafe = evMayCharge && !(ev.DiodeShorted && o.Pilot.PwmOn);
            unsafeSince = physicallySafe ? null : unsafeSince ?? now;
            faulted |= controller.ActiveFaults.Count > 0;
            overCurrent |= controller.ActiveFaults.Any(f => f.Kind == FaultKind.OverCurrent && f.Cause == FaultCause.CurrentAboveOffer);
            recentOffers.Enqueue((now, o.OfferedCurrentMilliamps));
            while (recentOffers.Count >= 2 && recentOffers.ElementAt(1).At <= now - options.EvResponseTime)
            {
                recentOffers.Dequeue();
            }

            var allowance = recentOffers.Max(x => x.Offer) + options.OverCurrentMarginMilliamps;
            overdrawSince = o.ContactorClosed && ev.CurrentMilliamps > allowance ? overdrawSince ?? now : null;
            if (!o.ContactorClosed)
            {
                return;
            }

            Assert.True(overdrawSince is null || now - overdrawSince <= overdrawLimit, $"EV overdrew for {now - overdrawSince} without an OverCurrent fault");
            charged = true;

            Assert.Empty(controller.ActiveFaults);
            Assert.True(unsafeSince is null || now - unsafeSince <= OffTime, $"contactor closed {now - unsafeSince} after the EV left C/D or its diode failed");
            var offering = supply && o.Pilot.PwmOn && o.OfferedCurrentMilliamps > 0;
            var withdrawnGrace = o.Pilot.Mode == PilotOutputMode.Standby && controller.PwmWithdrawnAt is DateTimeOffset w && now - w < options.PwmWithdrawnTimeout;
            Assert.True(offering || withdrawnGrace, "contactor closed without an offer and outside the C1 grace");
            grace |= withdrawnGrace && !offering;
        }

        foreach (var step in scenario.Steps)
        {
            switch (step.Act)
            {
                case Act.Plug: ev.Plugged = true; break;
                case Act.Unplug: ev.Plugged = false; break;
                case Act.WantCharge: ev.WantsCharge = true; break;
                case Act.StopCharge: ev.WantsCharge = false; break;
                case Act.ShortDiode: ev.DiodeShorted = true; break;
                case Act.FixDiode: ev.DiodeShorted = false; break;
                case Act.ShortPilot: ev.PilotShortedToEarth = true; break;
                case Act.FixPilot: ev.PilotShortedToEarth = false; break;
                case Act.NeedVentilation: ev.RequiresVentilation = true; break;
                case Act.NoVentilation: ev.RequiresVentilation = false; break;
                case Act.IgnoreWithdrawal: ev.IgnoresPwmWithdrawal = true; break;
                case Act.HonourWithdrawal: ev.IgnoresPwmWithdrawal = false; break;
                case Act.Overdraw: ev.OverdrawMilliamps = step.Argument % 2 == 0 ? 0 : step.Argument % 10_000; break;
                case Act.EnableSupply:
                    supply = true;
                    limit = step.Argument;
                    controller.EnableSupply(limit);
                    break;
                case Act.DisableSupply:
                    supply = false;
                    controller.DisableSupply();
                    break;
                case Act.RaiseFault:
                    controller.RaiseFault(Faults[step.Argument % Faults.Length]);
                    Assert.False(controller.Outputs.ContactorClosed, "a fault did not open the contactor at once");
                    break;
                case Act.ClearFault:
                    controller.ClearFault(Faults[step.Argument % Faults.Length]);
                    break;
            }

            Check();
            for (var waited = TimeSpan.Zero; waited < TimeSpan.FromMilliseconds(step.WaitMilliseconds); waited += Tick)
            {
                time.Advance(Tick);
                var o = controller.Outputs;
                ev.Step(o.Pilot, o.ContactorClosed);
                controller.ObservePilot(ev.MeasurePilot(o.Pilot));
                controller.ObserveMeasuredCurrent(ev.CurrentMilliamps);
                Check();
            }
        }

        sessionsCharging += charged ? 1 : 0;
        sessionsInGrace += grace ? 1 : 0;
        sessionsFaulted += faulted ? 1 : 0;
        sessionsOverCurrent += overCurrent ? 1 : 0;
    }
}
