using System;
using MatterGen.Evse.Hardware.Control;
using MatterGen.Evse.Hardware.Sensors;

namespace MatterGen.Evse.Hardware.Station;

/// <summary>
/// Configuration of an <see cref="EvseStation"/>, bound from the <see cref="SectionName"/> configuration section:
/// the Matter side, the control loop, the IEC 61851 charge point, and the pins and buses of real hardware.
/// </summary>
public sealed class EvseStationOptions
{
    /// <summary>The configuration section <c>AddEvseStation</c> binds.</summary>
    public const string SectionName = "EvseStation";

    /// <summary>
    /// True to run against a simulated EV, contactor, meter and fault sensors (needs MatterGen.Evse.Simulation and
    /// <c>services.AddEvseSimulation()</c>); false for real hardware.
    /// </summary>
    public bool Simulated { get; set; } = true;

    /// <summary>Which Energy EVSE server to expose.</summary>
    public EvseDeviceKind DeviceKind { get; set; } = EvseDeviceKind.Bidirectional;

    /// <summary>The Matter endpoint of the Energy EVSE cluster.</summary>
    public ushort Endpoint { get; set; } = 1;

    /// <summary>How often the control loop runs one step (sample pilot, apply outputs); 10–20 ms is typical.</summary>
    public TimeSpan LoopInterval { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>How often the energy meter is read.</summary>
    public TimeSpan MeterInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the contactor feedback may disagree with the coil before a weld or dry-contact fault.</summary>
    public TimeSpan ContactorSettleTime { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The most the charger can deliver, in mA (the cluster's hardware limit).</summary>
    public long HardwareMaximumChargeCurrentMilliamps { get; set; } = 32_000;

    /// <summary>The supply circuit's rating, in mA (CircuitCapacity).</summary>
    public long CircuitCapacityMilliamps { get; set; } = 32_000;

    /// <summary>
    /// A fixed cable assembly rating in mA (a tethered cable), set on every plug-in; null to read the cable's
    /// proximity-pilot resistor instead (a socket: <see cref="EvseHardwareOptions.ProximityAdcChannel"/>, or the
    /// simulated cable), or, on hardware without PP sensing, to leave the cable unlimited.
    /// </summary>
    public long? CableAssemblyLimitMilliamps { get; set; }

    /// <summary>Nominal mains voltage in volts, for planning and the simulated meter.</summary>
    public double NominalVolts { get; set; } = 230;

    /// <summary>At or above this temperature (°C) the station raises OverTemperature.</summary>
    public double OverTemperatureCelsius { get; set; } = 80;

    /// <summary>OverTemperature clears once the temperature is this far below <see cref="OverTemperatureCelsius"/>.</summary>
    public double OverTemperatureHysteresisCelsius { get; set; } = 10;

    /// <summary>The RCD/GFCI self-test, run when the fault sensors have a test output (the simulated ones do).</summary>
    public ResidualCurrentSelfTestOptions ResidualCurrentSelfTest { get; set; } = new();

    /// <summary>The IEC 61851 charge point: current rating, ventilation, timings, pilot thresholds.</summary>
    public ChargePointOptions ChargePoint { get; set; } = new();

    /// <summary>Pins and buses of real hardware; unused when <see cref="Simulated"/>.</summary>
    public EvseHardwareOptions Hardware { get; set; } = new();

    /// <summary>The protective inputs of real hardware; unused when <see cref="Simulated"/>.</summary>
    public GpioFaultSensorOptions FaultSensors { get; set; } = new();

    /// <summary>Checks for values that cannot work.</summary>
    /// <exception cref="ArgumentException">A value is out of range; the message names it.</exception>
    public void Validate()
    {
        if (LoopInterval <= TimeSpan.Zero || LoopInterval > TimeSpan.FromSeconds(1))
        {
            throw new ArgumentException($"LoopInterval must be above 0 and at most 1 s (the 100 ms off-time needs a fast loop), was {LoopInterval}.");
        }

        if (MeterInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException($"MeterInterval must be above 0, was {MeterInterval}.");
        }

        if (ContactorSettleTime < TimeSpan.Zero)
        {
            throw new ArgumentException("ContactorSettleTime must not be negative.");
        }

        if (HardwareMaximumChargeCurrentMilliamps < 0)
        {
            throw new ArgumentException("HardwareMaximumChargeCurrentMilliamps must not be negative.");
        }

        if (CircuitCapacityMilliamps < 0)
        {
            throw new ArgumentException("CircuitCapacityMilliamps must not be negative.");
        }

        if (CableAssemblyLimitMilliamps < 0)
        {
            throw new ArgumentException("CableAssemblyLimitMilliamps must not be negative.");
        }

        if (!double.IsFinite(NominalVolts) || NominalVolts < 100 || NominalVolts > 1_000)
        {
            throw new ArgumentException($"NominalVolts must be 100–1000, was {NominalVolts}.");
        }

        if (!double.IsFinite(OverTemperatureCelsius))
        {
            throw new ArgumentException("OverTemperatureCelsius must be finite.");
        }

        if (!double.IsFinite(OverTemperatureHysteresisCelsius) || OverTemperatureHysteresisCelsius < 0)
        {
            throw new ArgumentException("OverTemperatureHysteresisCelsius must be finite and not negative.");
        }

        if (ChargePoint is null)
        {
            throw new ArgumentException("ChargePoint must be set.");
        }

        ChargePoint.Validate();
        (ResidualCurrentSelfTest ?? throw new ArgumentException("ResidualCurrentSelfTest must be set.")).Validate();
        if (!Simulated && CableAssemblyLimitMilliamps is not null && Hardware?.ProximityAdcChannel is not null)
        {
            throw new ArgumentException("Set either CableAssemblyLimitMilliamps (tethered cable) or Hardware.ProximityAdcChannel (socket), not both.");
        }

        if (!Simulated)
        {
            (Hardware ?? throw new ArgumentException("Hardware must be set for real hardware.")).Validate();
        }
    }
}
