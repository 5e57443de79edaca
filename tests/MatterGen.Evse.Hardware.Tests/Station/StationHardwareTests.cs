using System;
using System.Device.Gpio;
using System.IO;
using MatterGen.Evse.Hardware.Control;
using MatterGen.Evse.Hardware.Devices;
using MatterGen.Evse.Hardware.Metering;
using MatterGen.Evse.Hardware.Pilot;
using MatterGen.Evse.Hardware.Sensors;
using MatterGen.Evse.Hardware.Station;
using MatterGen.Evse.Hardware.Tests.Devices;
using MatterGen.Evse.Simulation;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using Fault = MatterGen.Evse.Clusters.EnergyEVSE.FaultStateEnum;
using State = MatterGen.Evse.Clusters.EnergyEVSE.StateEnum;

namespace MatterGen.Evse.Hardware.Tests.Station;

/// <summary>A station built the way real hardware is: the caller wires GPIO, PWM and the pilot sampler.</summary>
public class StationHardwareTests
{
    private const int Coil = 5;
    private const int Rcd = 6;
    private const int EStop = 13;

    private sealed class Bench : IDisposable
    {
        public Bench(IProximityPilot? proximity = null)
        {
            Gpio = new GpioController(Driver);
            ChargePoint = new ChargePointController(new ChargePointOptions(), Time);
            Ev = new SimulatedEv(Time);
            var contactor = new GpioContactor(Gpio, new GpioContactorOptions { CoilPin = Coil });
            var pilot = new PwmControlPilot(Pwm);
            var hardware = new ChargePointHardware(ChargePoint, pilot, contactor, Sample);
            Driver.Values[Rcd] = PinValue.High; // normally closed inputs with pull-up: high is healthy
            Driver.Values[EStop] = PinValue.High;
            Sensors = new GpioFaultSensors(Gpio, new GpioFaultSensorOptions { ResidualCurrentPin = Rcd, EmergencyStopPin = EStop }, () => Temperature);
            Station = EvseStation.Create(new EvseStationOptions { Simulated = false, Hardware = { ContactorCoilPin = Coil } }, Time, new EvseStationParts
            {
                ChargePoint = ChargePoint,
                Hardware = hardware,
                Meter = Meter,
                FaultSensors = Sensors,
                ProximityPilot = proximity,
                Owned = [Gpio, contactor, pilot, Sensors],
            });
        }

        public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        public RecordingGpioDriver Driver { get; } = new();
        public RecordingPwmChannel Pwm { get; } = new();
        public GpioController Gpio { get; }
        public ChargePointController ChargePoint { get; }
        public SimulatedEv Ev { get; }
        public GpioFaultSensors Sensors { get; }
        public IntegratingEnergyMeter Meter => meter ??= new IntegratingEnergyMeter(Time);
        public EvseStation Station { get; }
        public bool SamplerBroken { get; set; }
        public double? Temperature { get; set; } = 30;
        private IntegratingEnergyMeter? meter;

        private MatterGen.Evse.Hardware.Pilot.PilotSample Sample()
        {
            if (SamplerBroken)
            {
                throw new IOException("SPI transfer failed");
            }

            return Ev.MeasurePilot(ChargePoint.Outputs.Pilot);
        }

        public void Run(TimeSpan duration)
        {
            for (var t = TimeSpan.Zero; t < duration; t += TimeSpan.FromMilliseconds(20))
            {
                Time.Advance(TimeSpan.FromMilliseconds(20));
                var step = Station.TickAsync();
                Assert.True(step.IsCompletedSuccessfully);
            }
        }

        public void Dispose() => Station.Dispose();
    }

    private static Bench Charging(IProximityPilot? proximity = null)
    {
        var bench = new Bench(proximity);
        bench.Ev.Plugged = bench.Ev.WantsCharge = true;
        bench.Station.Device.Controller.EnableChargingAsync(new() { ChargingEnabledUntil = null, MinimumChargeCurrent = 6_000, MaximumChargeCurrent = 10_000 }, MatterGen.Interaction.RequestContext.Local, default).AsTask().GetAwaiter().GetResult();
        bench.Run(TimeSpan.FromSeconds(2));
        Assert.Equal(PinValue.High, bench.Driver.Values[Coil]);
        return bench;
    }

    [Fact]
    public void GPIO_fault_inputs_raise_and_clear_their_faults_active_low()
    {
        using var bench = Charging();
        bench.Driver.Values[Rcd] = PinValue.Low;
        bench.Run(TimeSpan.FromMilliseconds(20));
        Assert.Equal(PinValue.Low, bench.Driver.Values[Coil]);
        Assert.Equal(Fault.GroundFault, bench.Station.Snapshot.FaultState);
        bench.Driver.Values[Rcd] = PinValue.High;
        bench.Driver.Values[EStop] = PinValue.Low;
        bench.Run(TimeSpan.FromMilliseconds(20));
        Assert.Equal(Fault.EmergencyStop, bench.Station.Snapshot.FaultState);
        bench.Driver.Values[EStop] = PinValue.High;
        bench.Temperature = 95;
        bench.Run(TimeSpan.FromMilliseconds(20));
        Assert.Equal(Fault.OverTemperature, bench.Station.Snapshot.FaultState);
        bench.Temperature = null; // sensor gone: no reading is not a fault
        bench.Run(TimeSpan.FromSeconds(2));
        Assert.Equal(Fault.NoError, bench.Station.Snapshot.FaultState);
        Assert.Equal(PinValue.High, bench.Driver.Values[Coil]);
    }

    [Fact]
    public void A_step_that_throws_holds_the_station_in_fault_Other_until_a_step_succeeds()
    {
        using var bench = Charging();
        bench.SamplerBroken = true;
        bench.Run(TimeSpan.FromMilliseconds(20));
        Assert.Equal(PinValue.Low, bench.Driver.Values[Coil]);
        Assert.Equal(Fault.Other, bench.Station.Snapshot.FaultState);
        bench.SamplerBroken = false;
        bench.Run(TimeSpan.FromSeconds(1));
        Assert.Equal(Fault.NoError, bench.Station.Snapshot.FaultState);
        Assert.Equal(State.PluggedInCharging, bench.Station.Snapshot.State);
    }

    [Fact]
    public void Without_a_meter_the_offered_current_is_integrated_as_an_estimate()
    {
        using var bench = Charging();
        bench.Run(TimeSpan.FromMinutes(6));
        // 10 A × 230 V × 0.1 h = 230 Wh.
        Assert.InRange(bench.Station.Snapshot.SessionEnergyMilliwattHours, 228_000, 231_000);
        Assert.Equal(10_000, bench.Station.Snapshot.MeasuredCurrentMilliamps);
    }

    [Fact]
    public void Disposing_the_station_opens_the_contactor_and_closes_the_pins()
    {
        var bench = Charging();
        bench.Dispose();
        Assert.Equal(PinValue.Low, bench.Driver.Values[Coil]);
        Assert.False(bench.Driver.Modes.ContainsKey(Rcd));
        Assert.False(bench.Pwm.Running);
    }

    [Fact]
    public void GPIO_fault_sensor_pins_are_checked()
    {
        using var gpio = new GpioController(new RecordingGpioDriver());
        Assert.Throws<ArgumentException>(() => new GpioFaultSensors(gpio, new GpioFaultSensorOptions { ResidualCurrentPin = 4, EmergencyStopPin = 4 }));
        Assert.Throws<ArgumentException>(() => new GpioFaultSensors(gpio, new GpioFaultSensorOptions { ProtectiveEarthPin = -2 }));
    }

    [Fact]
    public void A_PP_read_that_throws_mid_session_holds_fault_Other_until_a_step_succeeds()
    {
        var proximity = new FlakyProximityPilot();
        using var bench = Charging(proximity);
        Assert.Equal(10_000, bench.Station.Snapshot.OfferedCurrentMilliamps);

        proximity.Broken = true;
        var reads = proximity.Reads;
        bench.Run(TimeSpan.FromMilliseconds(20));
        Assert.Equal(reads + 1, proximity.Reads);
        Assert.Equal(PinValue.Low, bench.Driver.Values[Coil]);
        Assert.Equal(Fault.Other, bench.Station.Snapshot.FaultState);

        proximity.Broken = false;
        bench.Run(TimeSpan.FromSeconds(1));
        Assert.Equal(Fault.NoError, bench.Station.Snapshot.FaultState);
        Assert.Equal(State.PluggedInCharging, bench.Station.Snapshot.State);
        Assert.Equal(PinValue.High, bench.Driver.Values[Coil]);
    }

    /// <summary>A PP ADC whose SPI transfer can fail.</summary>
    private sealed class FlakyProximityPilot : IProximityPilot
    {
        public bool Broken { get; set; }

        public int Reads { get; private set; }

        public ProximityReading Read()
        {
            Reads++;
            if (Broken)
            {
                throw new IOException("SPI transfer failed");
            }

            return ProximityPilot.Classify(220);
        }
    }
}
