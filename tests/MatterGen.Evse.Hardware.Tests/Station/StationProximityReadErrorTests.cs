using System;
using System.Device.Gpio;
using System.IO;
using System.Threading.Tasks;
using MatterGen.Evse.Hardware.Control;
using MatterGen.Evse.Hardware.Devices;
using MatterGen.Evse.Hardware.Metering;
using MatterGen.Evse.Hardware.Pilot;
using MatterGen.Evse.Hardware.Simulation;
using MatterGen.Evse.Hardware.Station;
using MatterGen.Evse.Hardware.Tests.Devices;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using Fault = MatterGen.Evse.Clusters.EnergyEVSE.FaultStateEnum;
using State = MatterGen.Evse.Clusters.EnergyEVSE.StateEnum;

namespace MatterGen.Evse.Hardware.Tests.Station;

/// <summary>A PP reader that fails mid-session is a failed loop step, as any other: FaultState Other until a step succeeds.</summary>
public class StationProximityReadErrorTests
{
    private const int Coil = 5;

    /// <summary>A PP ADC whose SPI transfer can fail.</summary>
    private sealed class FlakyProximityPilot : IProximityPilot
    {
        public double Ohms { get; set; } = 220;
        public bool Broken { get; set; }
        public int Reads { get; private set; }

        public ProximityReading Read()
        {
            Reads++;
            if (Broken) throw new IOException("SPI transfer failed");
            return ProximityPilot.Classify(Ohms);
        }
    }

    private sealed class Bench : IDisposable
    {
        public Bench()
        {
            Gpio = new GpioController(Driver);
            ChargePoint = new ChargePointController(new ChargePointOptions(), Time);
            Ev = new SimulatedEv(Time);
            var contactor = new GpioContactor(Gpio, new GpioContactorOptions { CoilPin = Coil });
            var pilot = new PwmControlPilot(Pwm);
            var hardware = new ChargePointHardware(ChargePoint, pilot, contactor, () => Ev.MeasurePilot(ChargePoint.Outputs.Pilot));
            Station = EvseStation.CreateForHardware(
                new EvseStationOptions { Simulated = false, Hardware = { ContactorCoilPin = Coil } },
                Time, ChargePoint, hardware, new IntegratingEnergyMeter(Time), null, Proximity, null, Gpio, contactor, pilot);
        }

        public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        public RecordingGpioDriver Driver { get; } = new();
        public RecordingPwmChannel Pwm { get; } = new();
        public GpioController Gpio { get; }
        public ChargePointController ChargePoint { get; }
        public SimulatedEv Ev { get; }
        public FlakyProximityPilot Proximity { get; } = new();
        public EvseStation Station { get; }

        public void Run(TimeSpan duration)
        {
            for (TimeSpan t = TimeSpan.Zero; t < duration; t += TimeSpan.FromMilliseconds(20))
            {
                Time.Advance(TimeSpan.FromMilliseconds(20));
                ValueTask step = Station.TickAsync();
                Assert.True(step.IsCompletedSuccessfully);
            }
        }

        public void Dispose() => Station.Dispose();
    }

    [Fact]
    public async Task A_PP_read_that_throws_mid_session_holds_fault_Other_until_a_step_succeeds()
    {
        using var bench = new Bench();
        bench.Ev.Plugged = bench.Ev.WantsCharge = true;
        await bench.Station.Device.Controller.EnableChargingAsync(new() { ChargingEnabledUntil = null, MinimumChargeCurrent = 6_000, MaximumChargeCurrent = 10_000 }, MatterGen.Interaction.RequestContext.Local, default);
        bench.Run(TimeSpan.FromSeconds(2));
        Assert.Equal(PinValue.High, bench.Driver.Values[Coil]);
        Assert.Equal(10_000, bench.Station.Snapshot.OfferedCurrentMilliamps);

        bench.Proximity.Broken = true;
        int reads = bench.Proximity.Reads;
        bench.Run(TimeSpan.FromMilliseconds(20));
        Assert.Equal(reads + 1, bench.Proximity.Reads);
        Assert.Equal(PinValue.Low, bench.Driver.Values[Coil]);
        Assert.Equal(Fault.Other, bench.Station.Snapshot.FaultState);

        bench.Proximity.Broken = false;
        bench.Run(TimeSpan.FromSeconds(1));
        Assert.Equal(Fault.NoError, bench.Station.Snapshot.FaultState);
        Assert.Equal(State.PluggedInCharging, bench.Station.Snapshot.State);
        Assert.Equal(PinValue.High, bench.Driver.Values[Coil]);
    }
}
