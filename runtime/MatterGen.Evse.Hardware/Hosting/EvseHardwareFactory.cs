using System;
using System.Collections.Generic;
using System.Device.Gpio;
using System.Device.Pwm;
using System.Device.Spi;
using MatterGen.Evse.Hardware.Control;
using MatterGen.Evse.Hardware.Devices;
using MatterGen.Evse.Hardware.Metering;
using MatterGen.Evse.Hardware.Sensors;
using MatterGen.Evse.Hardware.Station;
using Microsoft.Extensions.Logging;

namespace MatterGen.Evse.Hardware.Hosting;

/// <summary>
/// Builds a station on real hardware from <see cref="EvseStationOptions.Hardware"/>: GPIO, PWM, an MCP3008 on SPI
/// (pilot and optional proximity pilot), fault inputs with the RCD test output, a Modbus meter on a serial port.
/// </summary>
public static class EvseHardwareFactory
{
    /// <summary>Opens the configured devices and builds the station; anything opened is closed again if a later step fails.</summary>
    /// <param name="options">Configuration with <see cref="EvseStationOptions.Simulated"/> false.</param>
    /// <param name="time">The clock.</param>
    /// <param name="loggers">Optional logging.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    /// <exception cref="EvseHardwareException">A device could not be opened; <see cref="EvseHardwareException.Part"/> says which.</exception>
    public static EvseStation Create(EvseStationOptions options, TimeProvider time, ILoggerFactory? loggers = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        options.Validate();
        EvseHardwareOptions hw = options.Hardware;
        var opened = new List<IDisposable>();
        string part = "GPIO controller";
        T Open<T>(string name, Func<T> open) where T : IDisposable
        {
            part = name;
            T item = open();
            opened.Add(item);
            return item;
        }

        try
        {
            GpioController gpio = Open("GPIO controller", () => new GpioController());
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
            ContactorSupervisor? supervisor = hw.ContactorFeedbackPin is null ? null : new ContactorSupervisor(time, options.ContactorSettleTime);
            var hardware = new ChargePointHardware(chargePoint, pilot, contactor, sampler.Sample, supervisor);
            return EvseStation.CreateForHardware(options, time, chargePoint, hardware, meter, sensors, proximity, loggers, [.. opened]);
        }
        catch (Exception e) when (e is not EvseHardwareException)
        {
            for (int i = opened.Count - 1; i >= 0; i--) opened[i].Dispose();
            throw new EvseHardwareException(part, e);
        }
    }
}
