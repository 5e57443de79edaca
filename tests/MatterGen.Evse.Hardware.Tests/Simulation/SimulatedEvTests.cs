using System;
using MatterGen.Evse.Hardware.Control;
using MatterGen.Evse.Hardware.Pilot;
using MatterGen.Evse.Simulation;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace MatterGen.Evse.Hardware.Tests.Simulation;

public class SimulatedEvTests
{
    private static readonly PilotOutput Pwm16A = new(PilotOutputMode.Pwm, 16.0 / 60.0);

    [Theory]
    [InlineData(false, false, false, 12.0, PilotState.A)]
    [InlineData(true, false, false, 9.0, PilotState.B)]
    [InlineData(true, true, false, 6.0, PilotState.C)]
    [InlineData(true, true, true, 3.0, PilotState.D)]
    public void Resistors_give_the_nominal_levels(bool plugged, bool wants, bool vent, double nominal, PilotState state)
    {
        var ev = new SimulatedEv(new FakeTimeProvider()) { Plugged = plugged, WantsCharge = wants, RequiresVentilation = vent };
        var sample = ev.MeasurePilot(Pwm16A);
        Assert.InRange(sample.HighVolts, nominal - 0.15, nominal + 0.15);
        Assert.Equal(-12.0, sample.LowVolts);
        Assert.Equal(state, ev.PresentedState);
        Assert.Equal(state, new PilotClassifier().ClassifyHigh(sample.HighVolts));
    }

    [Fact]
    public void Shorted_diode_fails_the_diode_check_and_short_to_earth_reads_E()
    {
        var ev = new SimulatedEv(new FakeTimeProvider()) { Plugged = true, WantsCharge = true, DiodeShorted = true };
        Assert.Equal(DiodeCheckResult.Failed, new PilotClassifier().Classify(ev.MeasurePilot(Pwm16A), pwmOn: true).DiodeCheck);
        ev.PilotShortedToEarth = true;
        Assert.Equal(new PilotSample(0, 0), ev.MeasurePilot(Pwm16A));
    }

    [Fact]
    public void Charger_follows_the_offer_after_its_delay_and_fills_the_battery()
    {
        var time = new FakeTimeProvider();
        var ev = new SimulatedEv(time, new SimulatedEvOptions { BatteryCapacityKilowattHours = 10 }, stateOfCharge: 0.5) { Plugged = true, WantsCharge = true };
        ev.Step(Pwm16A, contactorClosed: true);
        Assert.Equal(0, ev.CurrentMilliamps);
        time.Advance(TimeSpan.FromSeconds(2));
        ev.Step(Pwm16A, contactorClosed: true);
        Assert.Equal(16_000, ev.CurrentMilliamps);
        time.Advance(TimeSpan.FromHours(1));
        ev.Step(Pwm16A, contactorClosed: true);
        Assert.Equal(0.5 + 230 * 16 / 1000.0 / 10, ev.StateOfCharge, 9);
        time.Advance(TimeSpan.FromHours(2));
        ev.Step(Pwm16A, contactorClosed: true);
        Assert.Equal(1.0, ev.StateOfCharge);
        Assert.False(ev.S2Closed); // full: the EV opens S2
        Assert.Equal(PilotState.B, ev.PresentedState);
    }

    [Fact]
    public void A_whole_session_on_the_controller()
    {
        var time = new FakeTimeProvider();
        using var controller = new ChargePointController(new ChargePointOptions(), time);
        var ev = new SimulatedEv(time, new SimulatedEvOptions { BatteryCapacityKilowattHours = 5 }, stateOfCharge: 0.9) { Plugged = true, WantsCharge = true };
        controller.EnableSupply(16_000);
        var everClosed = false;
        for (var tick = 0; tick < 3_600 * 10; tick++) // one hour at 100 ms
        {
            var outputs = controller.Outputs;
            ev.Step(outputs.Pilot, outputs.ContactorClosed);
            controller.ObservePilot(ev.MeasurePilot(outputs.Pilot));
            controller.ObserveMeasuredCurrent(ev.CurrentMilliamps);
            everClosed |= controller.Outputs.ContactorClosed;
            time.Advance(TimeSpan.FromMilliseconds(100));
        }

        Assert.True(everClosed);
        Assert.Equal(1.0, ev.StateOfCharge); // 0.5 kWh at 3.7 kW fits in the hour
        Assert.False(controller.Outputs.ContactorClosed); // the full EV returned to B
        Assert.Empty(controller.ActiveFaults);
        Assert.Equal(PilotState.B, controller.EvState);
    }
}
