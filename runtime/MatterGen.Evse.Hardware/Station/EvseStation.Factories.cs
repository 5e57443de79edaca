using System;
using System.Collections.Generic;
using System.Device.Gpio;
using System.Device.Pwm;
using System.Device.Spi;
using MatterGen.Evse.Device;
using MatterGen.Evse.Hardware.Control;
using MatterGen.Evse.Hardware.Devices;
using MatterGen.Evse.Hardware.Metering;
using MatterGen.Evse.Hardware.Sensors;
using MatterGen.Interaction;
using Microsoft.Extensions.Logging;

namespace MatterGen.Evse.Hardware.Station;

// The one way a station is made: Create joins wired parts to a new Matter device; CreateForHardware first opens the
// parts the options describe. A simulated station (MatterGen.Evse.Simulation) goes through Create as well.
public sealed partial class EvseStation
{
    /// <summary>A station from parts the caller wired, joined to a new Energy EVSE device.</summary>
    /// <param name="options">Configuration.</param>
    /// <param name="time">The clock of everything (normally <see cref="TimeProvider.System"/>; a FakeTimeProvider runs hours in milliseconds).</param>
    /// <param name="parts">Charge point, its hardware, meter, and the optional sensors, PP reader and plant.</param>
    /// <param name="loggers">Optional logging.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static EvseStation Create(EvseStationOptions options, TimeProvider time, EvseStationParts parts, ILoggerFactory? loggers = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        CheckParts(options, parts); // before the device is made, so a bad call leaves nothing to dispose
        return Create(options, time, CreateDevice(options, time, loggers), parts, loggers);
    }

    /// <summary>
    /// A station from parts the caller wired, driving an existing Energy EVSE device (for example the one of a charger
    /// node served on the network, so that what a controller sees and what the hardware does are one charger). The
    /// station disposes the device with itself.
    /// </summary>
    /// <param name="options">Configuration.</param>
    /// <param name="time">The clock of everything.</param>
    /// <param name="device">The Energy EVSE device the station drives.</param>
    /// <param name="parts">Charge point, its hardware, meter, and the optional sensors, PP reader and plant.</param>
    /// <param name="loggers">Optional logging.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static EvseStation Create(EvseStationOptions options, TimeProvider time, EnergyEvseDevice device, EvseStationParts parts, ILoggerFactory? loggers = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(device);
        CheckParts(options, parts);
        return new EvseStation(options, time, device, parts, loggers);
    }

    private static void CheckParts(EvseStationOptions options, EvseStationParts parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(parts.ChargePoint);
        ArgumentNullException.ThrowIfNull(parts.Hardware);
        ArgumentNullException.ThrowIfNull(parts.Meter);
        ArgumentNullException.ThrowIfNull(parts.Owned);
        options.Validate();
    }

    /// <summary>
    /// Opens the hardware <see cref="EvseStationOptions.Hardware"/> describes (GPIO, PWM, an MCP3008 on SPI for the
    /// pilot and the optional proximity pilot, fault inputs with the RCD test output, a Modbus meter on a serial port)
    /// and builds the station on it; anything opened is closed again if a later step fails.
    /// </summary>
    /// <param name="options">Configuration with <see cref="EvseStationOptions.Simulated"/> false.</param>
    /// <param name="time">The clock.</param>
    /// <param name="loggers">Optional logging.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    /// <exception cref="EvseHardwareException">A device could not be opened; <see cref="EvseHardwareException.Part"/> says which.</exception>
    public static EvseStation CreateForHardware(EvseStationOptions options, TimeProvider time, ILoggerFactory? loggers = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        options.Validate();
        var hw = options.Hardware;
        var opened = new List<IDisposable>();
        var part = "GPIO controller";
        T Open<T>(string name, Func<T> open) where T : IDisposable
        {
            part = name;
            var item = open();
            opened.Add(item);
            return item;
        }

        try
        {
            var gpio = Open("GPIO controller", () => new GpioController());
            var contactor = Open($"contactor coil pin {hw.ContactorCoilPin}", () => new GpioContactor(gpio, new GpioContactorOptions { CoilPin = hw.ContactorCoilPin, FeedbackPin = hw.ContactorFeedbackPin }));
            var pwm = Open($"pilot PWM chip {hw.PilotPwmChip} channel {hw.PilotPwmChannel}", () => PwmChannel.Create(hw.PilotPwmChip, hw.PilotPwmChannel, PwmControlPilot.FrequencyHertz, 1.0));
            var pilot = Open("pilot PWM", () => new PwmControlPilot(pwm));
            var spi = Open($"SPI bus {hw.SpiBusId} chip select {hw.SpiChipSelect}", () => SpiDevice.Create(new SpiConnectionSettings(hw.SpiBusId, hw.SpiChipSelect) { ClockFrequency = 1_000_000, Mode = SpiMode.Mode0 }));
            var adc = Open("MCP3008", () => new Mcp3008(spi));
            var sampler = new AdcPilotSampler(() => adc.Read(hw.PilotAdcChannel), new PilotCalibration(hw.PilotCountsAtMinus12Volts, hw.PilotCountsAtPlus12Volts), hw.PilotSamplesPerBurst);
            part = "pilot ADC (first conversion)";
            sampler.Sample();
            var sensors = Open("fault sensor pins", () => new GpioFaultSensors(gpio, options.FaultSensors));
            IProximityPilot? proximity = hw.ProximityAdcChannel is int ppChannel && options.CableAssemblyLimitMilliamps is null
                ? new AdcProximityPilot(() => adc.Read(ppChannel), Mcp3008.MaximumValue, hw.ProximityPullUpOhms)
                : null;
            IEnergyMeter meter = hw.MeterLine() is SerialLineSettings line
                ? new SdmMeter(new ModbusRtuClient(Open($"meter serial port {line.PortName}", () => SerialPortFactory.Open(line)).BaseStream, time), hw.MeterAddress, hw.MeterModel, time)
                : new IntegratingEnergyMeter(time);
            var chargePoint = new ChargePointController(options.ChargePoint, time, loggers?.CreateLogger<ChargePointController>());
            var supervisor = hw.ContactorFeedbackPin is null ? null : new ContactorSupervisor(time, options.ContactorSettleTime);
            var hardware = new ChargePointHardware(chargePoint, pilot, contactor, sampler.Sample, supervisor);
            var parts = new EvseStationParts { ChargePoint = chargePoint, Hardware = hardware, Meter = meter, FaultSensors = sensors, ProximityPilot = proximity, Owned = [.. opened] };
            return new EvseStation(options, time, CreateDevice(options, time, loggers), parts, loggers);
        }
        catch (Exception e) when (e is not EvseHardwareException)
        {
            for (var i = opened.Count - 1; i >= 0; i--)
            {
                opened[i].Dispose();
            }

            throw new EvseHardwareException(part, e);
        }
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
