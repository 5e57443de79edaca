using System;
using System.Device.Gpio;
using MatterGen.Evse.Device;
using MatterGen.Evse.Hardware.Control;
using MatterGen.Evse.Hardware.Devices;
using MatterGen.Evse.Hardware.Metering;
using MatterGen.Evse.Hardware.Sensors;
using MatterGen.Evse.Hardware.Simulation;
using MatterGen.Interaction;
using Microsoft.Extensions.Logging;

namespace MatterGen.Evse.Hardware.Station;

public sealed partial class EvseStation
{
    /// <summary>Coil pin of the simulated contactor chip.</summary>
    public const int SimulatedCoilPin = 17;

    /// <summary>Mirror-contact pin of the simulated contactor chip.</summary>
    public const int SimulatedFeedbackPin = 27;

    /// <summary>
    /// A station on simulated hardware: the real <see cref="GpioContactor"/> and <see cref="PwmControlPilot"/> over a
    /// <see cref="SimulatedContactorDriver"/> and <see cref="SimulatedPwmChannel"/>, a <see cref="SimulatedMeter"/>,
    /// <see cref="SimulatedFaultSensors"/>, a <see cref="SimulatedCable"/> and the given EV. Reach them through <see cref="Simulation"/>.
    /// </summary>
    /// <param name="options">Configuration (the hardware pins are not used).</param>
    /// <param name="time">The clock of everything: use a FakeTimeProvider to run hours in milliseconds.</param>
    /// <param name="ev">The EV, created on the same clock.</param>
    /// <param name="loggers">Optional logging.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static EvseStation CreateSimulated(EvseStationOptions options, TimeProvider time, SimulatedEv ev, ILoggerFactory? loggers = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(ev);
        options.Validate();
        return CreateSimulated(options, time, ev, CreateDevice(options, time, loggers), loggers);
    }

    /// <summary>
    /// A station on simulated hardware driving an existing Energy EVSE device (for example the one of a charger node
    /// served on the network, so that what a controller sees and what the hardware does are one charger). The
    /// station disposes the device with itself.
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static EvseStation CreateSimulated(EvseStationOptions options, TimeProvider time, SimulatedEv ev, EnergyEvseDevice device, ILoggerFactory? loggers = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(ev);
        ArgumentNullException.ThrowIfNull(device);
        options.Validate();
        var chargePoint = new ChargePointController(options.ChargePoint, time, loggers?.CreateLogger<ChargePointController>());
        var driver = new SimulatedContactorDriver(SimulatedCoilPin, SimulatedFeedbackPin);
        var gpio = new GpioController(driver);
        var contactor = new GpioContactor(gpio, new GpioContactorOptions { CoilPin = SimulatedCoilPin, FeedbackPin = SimulatedFeedbackPin });
        var pwm = new SimulatedPwmChannel();
        var pilot = new PwmControlPilot(pwm);
        // The EV sees what the PWM channel really carries, so a pilot the adapter failed to set shows up too.
        var hardware = new ChargePointHardware(chargePoint, pilot, contactor, () => ev.MeasurePilot(pwm.PilotOutput), new ContactorSupervisor(time, options.ContactorSettleTime));
        var simulation = new StationSimulation(ev, driver, pwm, new SimulatedMeter(time), new SimulatedFaultSensors(time), new SimulatedCable());
        return new EvseStation(options, time, device, chargePoint, hardware, simulation.Meter, simulation.FaultSensors, simulation.Cable, simulation, loggers, [gpio, contactor, pilot]);
    }

    /// <summary>A station on real hardware, wired by the caller.</summary>
    /// <param name="options">Configuration.</param>
    /// <param name="time">The clock (normally <see cref="TimeProvider.System"/>).</param>
    /// <param name="chargePoint">The charge point <paramref name="hardware"/> drives.</param>
    /// <param name="hardware">Pilot, contactor and feedback wiring of <paramref name="chargePoint"/>.</param>
    /// <param name="meter">The energy meter. An <see cref="IntegratingEnergyMeter"/> is fed the offered current while the contactor is closed (an estimate for chargers without a meter).</param>
    /// <param name="faultSensors">The protective inputs, or null when none are fitted. When they implement
    /// <see cref="IResidualCurrentSelfTestable"/> with a test output, the RCD self-test runs at start-up and on every plug-in.</param>
    /// <param name="proximityPilot">The socket's PP reader, or null for a tethered cable or no PP sensing.</param>
    /// <param name="loggers">Optional logging.</param>
    /// <param name="owned">Further parts the station disposes with itself, last first (GPIO controller, SPI device...).</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static EvseStation CreateForHardware(
        EvseStationOptions options,
        TimeProvider time,
        ChargePointController chargePoint,
        ChargePointHardware hardware,
        IEnergyMeter meter,
        IFaultSensors? faultSensors = null,
        IProximityPilot? proximityPilot = null,
        ILoggerFactory? loggers = null,
        params IDisposable[] owned)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(chargePoint);
        ArgumentNullException.ThrowIfNull(hardware);
        ArgumentNullException.ThrowIfNull(meter);
        ArgumentNullException.ThrowIfNull(owned);
        options.Validate();
        return new EvseStation(options, time, CreateDevice(options, time, loggers), chargePoint, hardware, meter, faultSensors, proximityPilot, null, loggers, owned);
    }

    private static EnergyEvseDevice CreateDevice(EvseStationOptions options, TimeProvider time, ILoggerFactory? loggers)
    {
        var deviceOptions = new EnergyEvseOptions
        {
            HardwareMaximumChargeCurrent = Math.Min(options.HardwareMaximumChargeCurrentMilliamps, options.ChargePoint.MaximumCurrentMilliamps),
            CircuitCapacity = options.CircuitCapacityMilliamps,
            NominalVoltage = (long)Math.Round(options.NominalVolts * 1000),
        };
        // The session attributes are quieter-reporting (Q): the meter updates them every MeterInterval, reports follow at most every 10 s.
        var serverOptions = new ClusterServerOptions { Time = time, Endpoint = options.Endpoint, QuieterReportingInterval = EnergyEvseDevice.SessionReportingInterval };
        return options.DeviceKind == EvseDeviceKind.Standard
            ? EnergyEvseDevice.CreateStandard(deviceOptions, serverOptions, loggers)
            : EnergyEvseDevice.CreateBidirectional(deviceOptions, serverOptions, loggers);
    }
}
