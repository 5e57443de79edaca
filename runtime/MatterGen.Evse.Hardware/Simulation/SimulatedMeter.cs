using System;
using System.Threading;
using System.Threading.Tasks;
using MatterGen.Evse.Hardware.Metering;

namespace MatterGen.Evse.Hardware.Simulation;

/// <summary>
/// A meter for simulations: integrates V × I over <see cref="TimeProvider"/> time like
/// <see cref="IntegratingEnergyMeter"/>, and can stop answering, as a meter with a cut bus does. Thread-safe.
/// </summary>
public sealed class SimulatedMeter : IEnergyMeter
{
    private readonly IntegratingEnergyMeter _meter;
    private volatile bool _responding = true;

    /// <summary>Creates an answering meter reading 0 kWh.</summary>
    /// <param name="time">The simulation clock.</param>
    public SimulatedMeter(TimeProvider time) => _meter = new IntegratingEnergyMeter(time);

    /// <summary>False makes every read fail with <see cref="MeterFailureException"/>; energy keeps counting meanwhile.</summary>
    public bool Responding
    {
        get => _responding;
        set => _responding = value;
    }

    /// <summary>Records the voltage and current flowing now.</summary>
    /// <param name="volts">RMS voltage.</param>
    /// <param name="amps">RMS current.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is negative, NaN or infinite.</exception>
    public void Update(double volts, double amps) => _meter.Update(volts, amps);

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
