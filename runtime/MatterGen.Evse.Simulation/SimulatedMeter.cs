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
    private readonly IntegratingEnergyMeter _meter;
    private readonly object _gate = new();
    private volatile bool _responding = true;
    private double _volts;
    private double _chargeAmps;
    private double _exportAmps;

    /// <summary>Creates an answering meter reading 0 kWh.</summary>
    /// <param name="time">The simulation clock.</param>
    public SimulatedMeter(TimeProvider time) => _meter = new IntegratingEnergyMeter(time);

    /// <summary>False makes every read fail with <see cref="MeterFailureException"/>; energy keeps counting meanwhile.</summary>
    public bool Responding
    {
        get => _responding;
        set => _responding = value;
    }

    /// <summary>
    /// Current flowing from the vehicle to the grid, A (V2X discharge, which the PWM-only simulated EV cannot do:
    /// set by tests and simulator UIs). The meter counts the net of this and the charging current.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative, NaN or infinite.</exception>
    public double ExportAmps
    {
        get { lock (_gate) return _exportAmps; }
        set
        {
            if (!double.IsFinite(value) || value < 0) throw new ArgumentOutOfRangeException(nameof(value), value, "Export current must be finite and not negative.");
            lock (_gate)
            {
                _exportAmps = value;
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
        if (!double.IsFinite(amps) || amps < 0) throw new ArgumentOutOfRangeException(nameof(amps), amps, "Current must be finite and not negative.");
        if (!double.IsFinite(volts) || volts < 0) throw new ArgumentOutOfRangeException(nameof(volts), volts, "Voltage must be finite and not negative.");
        lock (_gate)
        {
            _volts = volts;
            _chargeAmps = amps;
            Push();
        }
    }

    private void Push() => _meter.Update(_volts, _chargeAmps - _exportAmps);

    /// <inheritdoc />
    public ValueTask<MeterReading> ReadAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!_responding)
        {
            return ValueTask.FromException<MeterReading>(new MeterFailureException("The simulated meter does not answer.", new TimeoutException("No response within the timeout.")));
        }

        return _meter.ReadAsync(cancellationToken);
    }
}
