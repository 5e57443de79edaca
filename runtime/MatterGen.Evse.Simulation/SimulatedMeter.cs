using System;
using System.Threading;
using System.Threading.Tasks;
using MatterGen.Evse.Hardware.Metering;

namespace MatterGen.Evse.Simulation;

/// <summary>
/// A meter for simulations: integrates V × I over <see cref="TimeProvider"/> time like
/// <see cref="IntegratingEnergyMeter"/>, and can stop answering, as a meter with a cut bus does. Thread-safe.
/// </summary>
public sealed class SimulatedMeter : IEnergyMeter
{
    private readonly IntegratingEnergyMeter meter;
    private readonly object gate = new();
    private volatile bool responding = true;
    private double mainsVolts;
    private double chargeAmps;
    private double exportAmps;

    /// <summary>Creates an answering meter reading 0 kWh.</summary>
    /// <param name="time">The simulation clock.</param>
    public SimulatedMeter(TimeProvider time) => meter = new IntegratingEnergyMeter(time);

    /// <summary>False makes every read fail with <see cref="MeterFailureException"/>; energy keeps counting meanwhile.</summary>
    public bool Responding
    {
        get => responding;
        set => responding = value;
    }

    /// <summary>
    /// Current flowing from the vehicle to the grid, A (V2X discharge, which the PWM-only simulated EV cannot do:
    /// set by tests and simulator UIs). The meter counts the net of this and the charging current.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative, NaN or infinite.</exception>
    public double ExportAmps
    {
        get
        {
            lock (gate)
            {
                return exportAmps;
            }
        }
        set
        {
            if (!double.IsFinite(value) || value < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "Export current must be finite and not negative.");
            }

            lock (gate)
            {
                exportAmps = value;
                Push();
            }
        }
    }

    /// <summary>Records the voltage and charging current flowing now.</summary>
    /// <param name="volts">RMS voltage.</param>
    /// <param name="amps">RMS charging current (into the vehicle).</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is negative, NaN or infinite.</exception>
    public void Update(double volts, double amps)
    {
        if (!double.IsFinite(amps) || amps < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(amps), amps, "Current must be finite and not negative.");
        }

        if (!double.IsFinite(volts) || volts < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(volts), volts, "Voltage must be finite and not negative.");
        }

        lock (gate)
        {
            mainsVolts = volts;
            chargeAmps = amps;
            Push();
        }
    }

    private void Push() => meter.Update(mainsVolts, chargeAmps - exportAmps);

    /// <inheritdoc />
    public ValueTask<MeterReading> ReadAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!responding)
        {
            return ValueTask.FromException<MeterReading>(new MeterFailureException("The simulated meter does not answer.", new TimeoutException("No response within the timeout.")));
        }

        return meter.ReadAsync(cancellationToken);
    }
}
