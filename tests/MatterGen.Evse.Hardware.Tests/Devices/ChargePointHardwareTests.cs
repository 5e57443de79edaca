using System;
using System.Device.Gpio;
using MatterGen.Evse.Hardware.Control;
using MatterGen.Evse.Hardware.Devices;
using MatterGen.Evse.Simulation;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace MatterGen.Evse.Hardware.Tests.Devices;

public class ChargePointHardwareTests
{
    private const int Coil = 17;
    private const int Mirror = 27;

    private sealed class Rig : IDisposable
    {
        public Rig()
        {
            Controller = new ChargePointController(new ChargePointOptions(), Time);
            Gpio = new GpioController(Driver);
            Contactor = new GpioContactor(Gpio, new GpioContactorOptions { CoilPin = Coil, FeedbackPin = Mirror });
            Ev = new SimulatedEv(Time) { Plugged = true, WantsCharge = true };
            Hardware = new ChargePointHardware(Controller, new PwmControlPilot(Pwm), Contactor,
                () =>
                {
                    var sample = Ev.MeasurePilot(Controller.Outputs.Pilot);
                    WhileSampling?.Invoke();
                    return sample;
                },
                new ContactorSupervisor(Time, TimeSpan.FromSeconds(1)));
        }

        /// <summary>Runs after the sample is taken and before the controller sees it, like another thread would.</summary>
        public Action? WhileSampling { get; set; }

        public FakeTimeProvider Time { get; } = new();
        public RecordingGpioDriver Driver { get; } = new();
        public RecordingPwmChannel Pwm { get; } = new();
        public GpioController Gpio { get; }
        public GpioContactor Contactor { get; }
        public ChargePointController Controller { get; }
        public SimulatedEv Ev { get; }
        public ChargePointHardware Hardware { get; }

        public void Run(TimeSpan duration, bool mirrorFollowsCoil = true)
        {
            for (var t = TimeSpan.Zero; t < duration; t += TimeSpan.FromMilliseconds(20))
            {
                if (mirrorFollowsCoil)
                {
                    Driver.Values[Mirror] = Driver.Values[Coil];
                }

                Hardware.Poll();
                Time.Advance(TimeSpan.FromMilliseconds(20));
            }
        }

        public void Dispose()
        {
            Hardware.Dispose();
            Controller.Dispose();
            Gpio.Dispose();
        }
    }

    [Fact]
    public void Outputs_reach_the_pins_and_the_contactor_opens_before_the_pilot_changes()
    {
        using var rig = new Rig();
        rig.Controller.EnableSupply(16_000);
        rig.Run(TimeSpan.FromSeconds(2));
        Assert.Equal(PinValue.High, rig.Driver.Values[Coil]);
        Assert.Equal(16.0 / 60.0, rig.Pwm.DutyCycle, 12);

        var writesBefore = rig.Driver.Writes.Count;
        var dutiesBefore = rig.Pwm.DutyCycles.Count;
        rig.Controller.RaiseFault(FaultKind.EmergencyStop);
        Assert.Equal((Coil, PinValue.Low), rig.Driver.Writes[writesBefore]);
        Assert.Equal(1.0, rig.Pwm.DutyCycles[dutiesBefore]);
    }

    [Fact]
    public void A_contactor_that_does_not_close_latches_ContactDryFailure()
    {
        using var rig = new Rig();
        rig.Controller.EnableSupply(16_000);
        rig.Run(TimeSpan.FromSeconds(3), mirrorFollowsCoil: false);
        Assert.Contains(new ChargePointFault(FaultKind.ContactDryFailure, FaultCause.External), rig.Controller.ActiveFaults);
        Assert.Equal(PinValue.Low, rig.Driver.Values[Coil]);
        rig.Run(TimeSpan.FromSeconds(3), mirrorFollowsCoil: false);
        Assert.Contains(new ChargePointFault(FaultKind.ContactDryFailure, FaultCause.External), rig.Controller.ActiveFaults);
    }

    [Fact]
    public void A_welded_contactor_latches_ContactWetFailure()
    {
        using var rig = new Rig();
        rig.Controller.EnableSupply(16_000);
        rig.Run(TimeSpan.FromSeconds(2));
        rig.Driver.Values[Mirror] = PinValue.High; // welded: stays closed whatever the coil does
        rig.Ev.WantsCharge = false;
        rig.Run(TimeSpan.FromSeconds(2), mirrorFollowsCoil: false);
        Assert.Equal(PinValue.Low, rig.Driver.Values[Coil]);
        Assert.Contains(new ChargePointFault(FaultKind.ContactWetFailure, FaultCause.External), rig.Controller.ActiveFaults);
    }

    [Fact]
    public void A_sample_taken_before_the_supply_was_enabled_elsewhere_is_dropped_rather_than_failing_the_diode_check()
    {
        using var rig = new Rig();
        rig.Run(TimeSpan.FromSeconds(1));
        rig.WhileSampling = () =>
        {
            rig.WhileSampling = null;
            rig.Controller.EnableSupply(16_000); // PWM goes on after the +12 V sample was taken
        };

        rig.Run(TimeSpan.FromSeconds(2));

        Assert.Empty(rig.Controller.ActiveFaults);
        Assert.Equal(PinValue.High, rig.Driver.Values[Coil]);
    }
}
