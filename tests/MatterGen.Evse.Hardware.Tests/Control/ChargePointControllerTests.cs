using System;
using System.Linq;
using MatterGen.Evse.Hardware.Control;
using MatterGen.Evse.Hardware.Pilot;
using Xunit;

namespace MatterGen.Evse.Hardware.Tests.Control;

public class ChargePointControllerTests
{
    private static TimeSpan Ms(int ms) => TimeSpan.FromMilliseconds(ms);

    [Fact]
    public void Plug_in_offers_pwm_and_reports_events_in_order()
    {
        using var h = new ControllerHarness();
        h.Controller.EnableSupply(16_000);
        Assert.Equal(PilotOutputMode.Standby, h.Pilot.Mode);
        h.Hold(PilotState.B, Ms(100));
        Assert.Equal(PilotOutputMode.Pwm, h.Pilot.Mode);
        Assert.Equal(16.0 / 60.0, h.Pilot.DutyCycle, 12);
        Assert.Equal(16_000, h.Controller.Outputs.OfferedCurrentMilliamps);
        h.Hold(PilotState.C, Ms(600));
        h.Hold(PilotState.B, Ms(200));
        h.Hold(PilotState.A, Ms(50));
        Assert.Equal(
            [ChargePointEventKind.PluggedIn, ChargePointEventKind.Demand, ChargePointEventKind.NoDemand, ChargePointEventKind.Unplugged],
            h.Events.Select(e => e.Kind));
        Assert.Equal(PilotOutputMode.Standby, h.Pilot.Mode);
    }

    [Fact]
    public void Contactor_closes_within_3_s_of_B2_to_C2()
    {
        using var h = new ControllerHarness();
        h.Controller.EnableSupply(32_000);
        h.Hold(PilotState.B, Ms(200));
        var took = h.HoldUntilClosed(PilotState.C, TimeSpan.FromSeconds(3));
        Assert.NotNull(took);
        Assert.True(took >= Ms(500), $"closed after {took}, before the charge-request debounce");
        Assert.True(took <= TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void Contactor_stays_open_with_supply_disabled()
    {
        using var h = new ControllerHarness();
        h.Hold(PilotState.B, Ms(200));
        h.Hold(PilotState.C, TimeSpan.FromSeconds(5));
        Assert.False(h.Closed);
        Assert.Equal(PilotOutputMode.Standby, h.Pilot.Mode);
        h.Controller.EnableSupply(10_000);
        Assert.NotNull(h.HoldUntilClosed(PilotState.C, TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public void Contactor_stays_open_when_the_offer_is_below_6_amps()
    {
        using var h = new ControllerHarness();
        h.Controller.EnableSupply(5_999);
        h.Hold(PilotState.B, Ms(200));
        Assert.Null(h.HoldUntilClosed(PilotState.C, TimeSpan.FromSeconds(3)));
        Assert.Equal(PilotOutputMode.Standby, h.Pilot.Mode);
    }

    [Fact]
    public void Failed_diode_check_refuses_charging_until_unplugged()
    {
        using var h = new ControllerHarness();
        h.Controller.EnableSupply(16_000);
        h.Hold(PilotState.B, Ms(200));
        h.Hold(PilotState.C, TimeSpan.FromSeconds(2), diodeShorted: true);
        Assert.False(h.Closed);
        Assert.Contains(new ChargePointFault(FaultKind.Other, FaultCause.DiodeCheckFailed), h.Controller.ActiveFaults);
        Assert.Equal(PilotOutputMode.Standby, h.Pilot.Mode);
        h.Hold(PilotState.C, TimeSpan.FromSeconds(2)); // diode fine now, but latched
        Assert.False(h.Closed);
        h.Hold(PilotState.A, Ms(50));
        Assert.Empty(h.Controller.ActiveFaults);
        Assert.Contains(h.Events, e => e.Kind == ChargePointEventKind.FaultCleared && e.Fault!.Value.Cause == FaultCause.DiodeCheckFailed);
    }

    [Fact]
    public void Diode_failure_while_charging_opens_at_once()
    {
        using var h = new ControllerHarness();
        h.StartCharging();
        h.Sample(PilotState.C, diodeShorted: true);
        Assert.False(h.Closed);
    }

    [Theory]
    [InlineData(PilotState.B)]
    [InlineData(PilotState.A)]
    [InlineData(PilotState.E)]
    [InlineData(PilotState.F)]
    [InlineData(PilotState.Invalid)]
    public void Leaving_C_opens_on_the_first_sample(PilotState next)
    {
        using var h = new ControllerHarness();
        h.StartCharging();
        h.Time.Advance(ControllerHarness.SamplePeriod);
        h.Sample(next);
        Assert.False(h.Closed);
    }

    [Fact]
    public void Pilot_short_raises_PilotShortCircuit_after_its_debounce()
    {
        using var h = new ControllerHarness();
        h.StartCharging();
        h.Hold(PilotState.E, Ms(490));
        Assert.False(h.Closed);
        Assert.Empty(h.Controller.ActiveFaults);
        h.Hold(PilotState.E, Ms(20));
        Assert.Equal([new ChargePointFault(FaultKind.PilotShortCircuit, FaultCause.PilotShort)], h.Controller.ActiveFaults);
        h.Hold(PilotState.B, Ms(200));
        Assert.Empty(h.Controller.ActiveFaults);
    }

    [Theory]
    [InlineData(FaultKind.GroundFault)]
    [InlineData(FaultKind.EmergencyStop)]
    [InlineData(FaultKind.OverTemperature)]
    [InlineData(FaultKind.MeterFailure)]
    public void External_fault_opens_at_once_and_charging_resumes_after_clear(FaultKind kind)
    {
        using var h = new ControllerHarness();
        h.StartCharging();
        h.Controller.RaiseFault(kind);
        Assert.False(h.Closed);
        Assert.Equal(PilotOutputMode.Standby, h.Pilot.Mode);
        Assert.Equal(new ChargePointEvent(ChargePointEventKind.FaultRaised, h.Time.GetUtcNow(), new ChargePointFault(kind, FaultCause.External)), h.Events[^1]);
        h.Hold(PilotState.C, TimeSpan.FromSeconds(2));
        Assert.False(h.Closed);
        h.Controller.ClearFault(kind);
        Assert.Equal(PilotOutputMode.Pwm, h.Pilot.Mode);
        Assert.NotNull(h.HoldUntilClosed(PilotState.C, Ms(100)));
    }

    [Fact]
    public void Withdrawn_pwm_forces_the_contactor_open_after_6_s_if_the_ev_keeps_C()
    {
        using var h = new ControllerHarness();
        h.StartCharging();
        h.Controller.DisableSupply();
        Assert.Equal(PilotOutputMode.Standby, h.Pilot.Mode); // C1
        Assert.True(h.Closed);
        h.Hold(PilotState.C, TimeSpan.FromSeconds(6) - Ms(10));
        Assert.True(h.Closed);
        h.Time.Advance(Ms(10)); // the timer alone opens it, without a new sample
        Assert.False(h.Closed);
    }

    [Fact]
    public void A_handler_that_throws_on_the_timer_thread_faults_the_charge_point_instead_of_escaping()
    {
        using var h = new ControllerHarness();
        h.StartCharging();
        h.Controller.DisableSupply();
        h.Hold(PilotState.C, TimeSpan.FromSeconds(6) - Ms(10));
        h.Controller.OutputsChanged += (_, _) => throw new InvalidOperationException("handler bug");

        h.Time.Advance(Ms(10)); // The timer opens the contactor; the handler throws on the timer's thread.

        Assert.False(h.Closed);
        Assert.Contains(h.Controller.ActiveFaults, fault => fault.Kind == FaultKind.Other);
    }

    [Fact]
    public void Withdrawn_pwm_opens_as_soon_as_the_ev_goes_to_B()
    {
        using var h = new ControllerHarness();
        h.StartCharging();
        h.Controller.DisableSupply();
        h.Hold(PilotState.C, TimeSpan.FromSeconds(2));
        Assert.True(h.Closed);
        h.Sample(PilotState.B);
        Assert.False(h.Closed);
    }

    [Fact]
    public void Re_enabling_during_C1_keeps_the_contactor_closed()
    {
        using var h = new ControllerHarness();
        h.StartCharging();
        h.Controller.DisableSupply();
        h.Hold(PilotState.C, TimeSpan.FromSeconds(2));
        h.Controller.EnableSupply(16_000);
        Assert.Equal(PilotOutputMode.Pwm, h.Pilot.Mode);
        Assert.True(h.Closed);
        h.Hold(PilotState.C, TimeSpan.FromSeconds(10));
        Assert.True(h.Closed);
    }

    [Fact]
    public void A_new_ev_needs_a_new_diode_check()
    {
        using var h = new ControllerHarness();
        h.StartCharging();
        h.Hold(PilotState.A, Ms(50));
        h.Hold(PilotState.B, Ms(200));
        // The replacement EV's diode is shorted: it must never get power.
        h.Hold(PilotState.C, TimeSpan.FromSeconds(2), diodeShorted: true);
        Assert.False(h.Closed);
    }

    [Fact]
    public void Duty_increases_wait_5_s_but_decreases_are_immediate()
    {
        using var h = new ControllerHarness();
        h.Controller.EnableSupply(10_000);
        h.Hold(PilotState.B, Ms(100)); // PWM turned on at this instant
        var pwmOn = h.Time.GetUtcNow();
        h.Time.Advance(TimeSpan.FromSeconds(1));
        h.Controller.EnableSupply(20_000);
        Assert.Equal(10_000, h.Controller.Outputs.OfferedCurrentMilliamps);
        h.Time.Advance(pwmOn + TimeSpan.FromSeconds(5) - h.Time.GetUtcNow() - Ms(1));
        Assert.Equal(10_000, h.Controller.Outputs.OfferedCurrentMilliamps);
        h.Time.Advance(Ms(1));
        Assert.Equal(20_000, h.Controller.Outputs.OfferedCurrentMilliamps);
        Assert.Equal(20.0 / 60.0, h.Pilot.DutyCycle, 12);
        h.Time.Advance(Ms(1));
        h.Controller.EnableSupply(8_000);
        Assert.Equal(8_000, h.Controller.Outputs.OfferedCurrentMilliamps);
        h.Controller.EnableSupply(9_000);
        Assert.Equal(8_000, h.Controller.Outputs.OfferedCurrentMilliamps);
    }

    [Fact]
    public void Offer_is_capped_by_the_charger_rating()
    {
        using var h = new ControllerHarness(new ChargePointOptions { MaximumCurrentMilliamps = 16_000 });
        h.Controller.EnableSupply(63_000);
        h.Hold(PilotState.B, Ms(100));
        Assert.Equal(16_000, h.Controller.Outputs.OfferedCurrentMilliamps);
    }

    [Fact]
    public void State_D_is_refused_without_ventilation()
    {
        using var h = new ControllerHarness();
        h.Controller.EnableSupply(16_000);
        h.Hold(PilotState.B, Ms(200));
        Assert.Null(h.HoldUntilClosed(PilotState.D, TimeSpan.FromSeconds(3)));
        Assert.Equal([new ChargePointFault(FaultKind.Other, FaultCause.VentilationNotAvailable)], h.Controller.ActiveFaults);
        h.Hold(PilotState.B, Ms(200));
        Assert.Empty(h.Controller.ActiveFaults);
    }

    [Fact]
    public void State_D_charges_with_ventilation()
    {
        using var h = new ControllerHarness(new ChargePointOptions { VentilationAvailable = true });
        h.Controller.EnableSupply(16_000);
        h.Hold(PilotState.B, Ms(200));
        Assert.NotNull(h.HoldUntilClosed(PilotState.D, TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public void Wake_up_drives_F_for_3_s_after_30_s_in_B2_once_per_session()
    {
        using var h = new ControllerHarness(new ChargePointOptions { WakeUpEnabled = true });
        h.Controller.EnableSupply(16_000);
        h.Hold(PilotState.B, Ms(100));
        var b2 = h.Time.GetUtcNow();
        h.Time.Advance(TimeSpan.FromSeconds(30) - Ms(1));
        Assert.Equal(PilotOutputMode.Pwm, h.Pilot.Mode);
        h.Time.Advance(Ms(1));
        Assert.Equal(PilotOutput.NotAvailable, h.Pilot);
        h.Sample(PilotState.F); // what the EVSE reads while driving F: ignored
        Assert.Empty(h.Controller.ActiveFaults);
        h.Time.Advance(TimeSpan.FromSeconds(3) - Ms(1));
        Assert.Equal(PilotOutputMode.NotAvailable, h.Pilot.Mode);
        h.Time.Advance(Ms(1));
        Assert.Equal(PilotOutputMode.Pwm, h.Pilot.Mode);
        h.Hold(PilotState.B, TimeSpan.FromSeconds(40));
        Assert.Equal(PilotOutputMode.Pwm, h.Pilot.Mode);
        Assert.Equal(b2 + TimeSpan.FromSeconds(73), h.Time.GetUtcNow());
    }

    [Fact]
    public void No_wake_up_unless_enabled()
    {
        using var h = new ControllerHarness();
        h.Controller.EnableSupply(16_000);
        h.Hold(PilotState.B, Ms(100));
        h.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(PilotOutputMode.Pwm, h.Pilot.Mode);
    }

    [Fact]
    public void Current_above_offer_plus_margin_for_10_s_is_OverCurrent()
    {
        using var h = new ControllerHarness();
        h.StartCharging(16_000);
        h.Controller.ObserveMeasuredCurrent(18_000); // exactly at the margin: fine
        h.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(h.Closed);
        h.Controller.ObserveMeasuredCurrent(18_001);
        h.Time.Advance(TimeSpan.FromSeconds(10) - Ms(1));
        Assert.True(h.Closed);
        h.Time.Advance(Ms(1));
        Assert.False(h.Closed);
        Assert.Equal([new ChargePointFault(FaultKind.OverCurrent, FaultCause.CurrentAboveOffer)], h.Controller.ActiveFaults);
    }

    [Fact]
    public void Lowered_offer_leaves_the_ev_time_to_follow()
    {
        using var h = new ControllerHarness(new ChargePointOptions { OverCurrentTime = TimeSpan.FromSeconds(2) });
        h.StartCharging(32_000);
        h.Controller.ObserveMeasuredCurrent(32_000);
        h.Controller.EnableSupply(10_000);
        h.Time.Advance(TimeSpan.FromSeconds(5) - Ms(1));
        Assert.True(h.Closed); // still inside the EV's response time
        h.Time.Advance(Ms(1)); // FakeTimeProvider runs timers at the end of an Advance: step onto each deadline
        h.Time.Advance(TimeSpan.FromSeconds(2) - Ms(1));
        Assert.True(h.Closed);
        h.Time.Advance(Ms(1));
        Assert.False(h.Closed);
    }

    [Fact]
    public void Charging_runs_for_hours_on_the_fake_clock()
    {
        using var h = new ControllerHarness();
        h.StartCharging();
        h.Controller.ObserveMeasuredCurrent(16_000);
        h.Time.Advance(TimeSpan.FromHours(8));
        h.Sample(PilotState.C);
        Assert.True(h.Closed);
        Assert.Empty(h.Controller.ActiveFaults);
    }

    [Fact]
    public void Options_come_from_dependency_injection()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        using var controller = new ChargePointController(Microsoft.Extensions.Options.Options.Create(new ChargePointOptions { MaximumCurrentMilliamps = 10_000 }), time);
        controller.EnableSupply(32_000);
        controller.ObservePilot(new PilotSample(9.0, 9.0));
        time.Advance(Ms(100));
        Assert.Equal(10_000, controller.Outputs.OfferedCurrentMilliamps);
    }

    [Fact]
    public void Negative_limits_and_bad_options_are_rejected()
    {
        using var h = new ControllerHarness();
        Assert.Throws<ArgumentOutOfRangeException>(() => h.Controller.EnableSupply(-1));
        Assert.Throws<ArgumentException>(() => new ChargePointController(new ChargePointOptions { MaximumCurrentMilliamps = 100_000 }, h.Time));
    }
}
