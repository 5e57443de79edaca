using System;
using System.Device.Gpio;
using MatterGen.Evse.Device;
using MatterGen.Evse.Hardware.Control;
using MatterGen.Evse.Hardware.Devices;
using MatterGen.Evse.Hardware.Station;
using Microsoft.Extensions.Logging;

namespace MatterGen.Evse.Simulation;

/// <summary>Stations on simulated hardware: <c>EvseStation.CreateSimulated</c> and <c>station.Simulation</c>.</summary>
public static class SimulatedEvseStation
{
    /// <summary>Coil pin of the simulated contactor chip.</summary>
    public const int CoilPin = 17;

    /// <summary>Mirror-contact pin of the simulated contactor chip.</summary>
    public const int FeedbackPin = 27;

    extension(EvseStation)
    {
        /// <summary>
        /// A station on simulated hardware: the real <see cref="GpioContactor"/> and <see cref="PwmControlPilot"/> over a
        /// <see cref="SimulatedContactorDriver"/> and <see cref="SimulatedPwmChannel"/>, a <see cref="SimulatedMeter"/>,
        /// <see cref="SimulatedFaultSensors"/>, a <see cref="SimulatedCable"/> and the given EV, reached through
        /// <c>station.Simulation</c>.
        /// </summary>
        /// <param name="options">Configuration (the hardware pins are not used).</param>
        /// <param name="time">The clock of everything: use a FakeTimeProvider to run hours in milliseconds.</param>
        /// <param name="ev">The EV, created on the same clock.</param>
        /// <param name="loggers">Optional logging.</param>
        /// <exception cref="ArgumentException">The options are invalid.</exception>
        public static EvseStation CreateSimulated(EvseStationOptions options, TimeProvider time, SimulatedEv ev, ILoggerFactory? loggers = null)
            => CreateSimulated(options, time, ev, null, loggers);

        /// <summary>
        /// A station on simulated hardware, as <c>CreateSimulated(options, time, ev)</c>, driving an existing Energy EVSE
        /// device (for example the one of a charger node served on the network, so that what a controller sees and what
        /// the hardware does are one charger). The station disposes the device with itself.
        /// </summary>
        /// <param name="options">Configuration (the hardware pins are not used).</param>
        /// <param name="time">The clock of everything.</param>
        /// <param name="ev">The EV, created on the same clock.</param>
        /// <param name="device">The device to drive, or null for a new one.</param>
        /// <param name="loggers">Optional logging.</param>
        /// <exception cref="ArgumentException">The options are invalid.</exception>
        public static EvseStation CreateSimulated(EvseStationOptions options, TimeProvider time, SimulatedEv ev, EnergyEvseDevice? device, ILoggerFactory? loggers = null)
        {
            ArgumentNullException.ThrowIfNull(options);
            ArgumentNullException.ThrowIfNull(time);
            ArgumentNullException.ThrowIfNull(ev);
            options.Validate();
            var chargePoint = new ChargePointController(options.ChargePoint, time, loggers?.CreateLogger<ChargePointController>());
            var driver = new SimulatedContactorDriver(CoilPin, FeedbackPin);
            var gpio = new GpioController(driver);
            var contactor = new GpioContactor(gpio, new GpioContactorOptions { CoilPin = CoilPin, FeedbackPin = FeedbackPin });
            var pwm = new SimulatedPwmChannel();
            var pilot = new PwmControlPilot(pwm);
            // The EV sees what the PWM channel really carries, so a pilot the adapter failed to set shows up too.
            var hardware = new ChargePointHardware(chargePoint, pilot, contactor, () => ev.MeasurePilot(pwm.PilotOutput), new ContactorSupervisor(time, options.ContactorSettleTime));
            var simulation = new StationSimulation(ev, driver, pwm, new SimulatedMeter(time), new SimulatedFaultSensors(time), new SimulatedCable(), options.NominalVolts);
            var parts = new EvseStationParts
            {
                ChargePoint = chargePoint,
                Hardware = hardware,
                Meter = simulation.Meter,
                FaultSensors = simulation.FaultSensors,
                ProximityPilot = simulation.Cable,
                Plant = simulation,
                Owned = [gpio, contactor, pilot],
            };
            return device is null
                ? EvseStation.Create(options, time, parts, loggers)
                : EvseStation.Create(options, time, device, parts, loggers);
        }
    }

    extension(EvseStation station)
    {
        /// <summary>The simulated parts (EV, contactor, meter, sensors, pilot, cable); null on real hardware.</summary>
        public StationSimulation? Simulation => station.Plant as StationSimulation;
    }
}
