using System;
using System.IO.Ports;
using MatterGen.Evse.Hardware.Metering;

namespace MatterGen.Evse.Hardware.Station;

/// <summary>Pins and buses of a real charger: pilot PWM and ADC, contactor, energy meter.</summary>
public sealed class EvseHardwareOptions
{
    /// <summary>The PWM chip driving the pilot buffer.</summary>
    public int PilotPwmChip { get; set; }

    /// <summary>The PWM channel on <see cref="PilotPwmChip"/>.</summary>
    public int PilotPwmChannel { get; set; }

    /// <summary>The SPI bus of the MCP3008 pilot ADC.</summary>
    public int SpiBusId { get; set; }

    /// <summary>The chip select of the MCP3008 on <see cref="SpiBusId"/>.</summary>
    public int SpiChipSelect { get; set; }

    /// <summary>The MCP3008 channel the pilot sense divider is on (0–7).</summary>
    public int PilotAdcChannel { get; set; }

    /// <summary>ADC counts with the pilot at −12 V (calibration).</summary>
    public int PilotCountsAtMinus12Volts { get; set; } = 0;

    /// <summary>ADC counts with the pilot at +12 V (calibration).</summary>
    public int PilotCountsAtPlus12Volts { get; set; } = 1023;

    /// <summary>Conversions per pilot sample; enough to span one 1 ms PWM period.</summary>
    public int PilotSamplesPerBurst { get; set; } = 100;

    /// <summary>The GPIO driving the contactor coil.</summary>
    public int ContactorCoilPin { get; set; } = -1;

    /// <summary>The contactor's mirror-contact input, or null when none is fitted.</summary>
    public int? ContactorFeedbackPin { get; set; }

    /// <summary>
    /// The MCP3008 channel of the proximity-pilot (PP) sense divider of a socket, or null for a tethered cable or no
    /// PP sensing. The cable's rating read here on each plug-in becomes the cluster's cable assembly limit.
    /// </summary>
    public int? ProximityAdcChannel { get; set; }

    /// <summary>The pull-up from the ADC reference to the PP line, in ohms (the cable's resistor pulls it to PE).</summary>
    public double ProximityPullUpOhms { get; set; } = 1_000;

    /// <summary>
    /// The serial device of the Modbus meter (e.g. <c>/dev/ttyUSB0</c>), or null to integrate the measured current
    /// instead. Opened with <see cref="MeterBaudRate"/>, <see cref="MeterParity"/>, <see cref="MeterDataBits"/>,
    /// <see cref="MeterStopBits"/> and <see cref="MeterReadTimeout"/>.
    /// </summary>
    public string? MeterSerialPort { get; set; }

    /// <summary>The meter bus speed; Eastron meters ship at 9600.</summary>
    public int MeterBaudRate { get; set; } = 9600;

    /// <summary>The meter bus parity; Eastron meters ship with none.</summary>
    public Parity MeterParity { get; set; } = Parity.None;

    /// <summary>The meter bus data bits (8 for Modbus RTU).</summary>
    public int MeterDataBits { get; set; } = 8;

    /// <summary>The meter bus stop bits; Eastron meters ship with one.</summary>
    public StopBits MeterStopBits { get; set; } = StopBits.One;

    /// <summary>How long a serial read waits before it times out (the Modbus client then retries).</summary>
    public TimeSpan MeterReadTimeout { get; set; } = SerialLineSettings.DefaultReadTimeout;

    /// <summary>The meter's Modbus address (1–247).</summary>
    public byte MeterAddress { get; set; } = 1;

    /// <summary>The meter model.</summary>
    public SdmModel MeterModel { get; set; } = SdmModel.Sdm120;

    /// <summary>The meter's serial line settings, or null when no meter port is configured.</summary>
    public SerialLineSettings? MeterLine() => MeterSerialPort is string port
        ? new SerialLineSettings(port, MeterBaudRate, MeterParity, MeterDataBits, MeterStopBits, MeterReadTimeout)
        : null;

    /// <summary>Checks for values that cannot work.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        if (ContactorCoilPin < 0)
        {
            throw new ArgumentException("Hardware.ContactorCoilPin must be set.");
        }

        if (ContactorFeedbackPin == ContactorCoilPin)
        {
            throw new ArgumentException("Hardware.ContactorFeedbackPin must differ from the coil pin.");
        }

        if ((uint)PilotAdcChannel >= 8)
        {
            throw new ArgumentException("Hardware.PilotAdcChannel must be 0–7.");
        }

        if (PilotCountsAtMinus12Volts == PilotCountsAtPlus12Volts)
        {
            throw new ArgumentException("The two pilot calibration points must differ.");
        }

        if (PilotSamplesPerBurst < 1)
        {
            throw new ArgumentException("Hardware.PilotSamplesPerBurst must be at least 1.");
        }

        if (MeterAddress is 0 or > 247)
        {
            throw new ArgumentException("Hardware.MeterAddress must be 1–247.");
        }

        MeterLine()?.Validate();
        if (ProximityAdcChannel is int pp && ((uint)pp >= 8 || pp == PilotAdcChannel))
        {
            throw new ArgumentException("Hardware.ProximityAdcChannel must be 0–7 and differ from the pilot channel.");
        }

        if (!double.IsFinite(ProximityPullUpOhms) || ProximityPullUpOhms <= 0)
        {
            throw new ArgumentException("Hardware.ProximityPullUpOhms must be positive.");
        }

        if (PilotPwmChip < 0 || PilotPwmChannel < 0 || SpiBusId < 0 || SpiChipSelect < 0)
        {
            throw new ArgumentException("PWM and SPI numbers must not be negative.");
        }
    }
}
