using System;
using System.Threading;
using System.Threading.Tasks;

namespace MatterGen.Evse.Hardware.Metering;

/// <summary>
/// A meter for chargers without one: integrates measured voltage × current over <see cref="TimeProvider"/> time,
/// into the imported counter while current flows to the vehicle and the exported counter while it flows back (V2X).
/// Each measurement holds until the next (zero-order hold). Thread-safe.
/// </summary>
public sealed class IntegratingEnergyMeter : IEnergyMeter
{
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private double _volts;
    private double _amps;
    private double _joules;
    private double _exportedJoules;
    private DateTimeOffset _since;

    /// <summary>Creates a meter reading 0 V, 0 A and 0 kWh.</summary>
    /// <param name="time">The clock.</param>
    public IntegratingEnergyMeter(TimeProvider time)
    {
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _since = _time.GetUtcNow();
    }

    /// <summary>Records a new measurement; energy up to now accrues at the previous one.</summary>
    /// <param name="volts">RMS voltage.</param>
    /// <param name="amps">RMS current; negative while energy flows from the vehicle (export).</param>
    /// <exception cref="ArgumentOutOfRangeException">The voltage is negative, or a value is NaN or infinite.</exception>
    public void Update(double volts, double amps)
    {
        if (!double.IsFinite(volts) || volts < 0) throw new ArgumentOutOfRangeException(nameof(volts), volts, "Voltage must be finite and not negative.");
        if (!double.IsFinite(amps)) throw new ArgumentOutOfRangeException(nameof(amps), amps, "Current must be finite.");
        lock (_gate)
        {
            Accrue();
            _volts = volts;
            _amps = amps;
        }
    }

    /// <inheritdoc />
    public ValueTask<MeterReading> ReadAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            Accrue();
            double watts = _volts * _amps;
            // Like a real meter: the current is a magnitude, the power carries the direction.
            return ValueTask.FromResult(new MeterReading(_volts, Math.Abs(_amps), watts, _joules / 3.6e6, _since, _exportedJoules / 3.6e6));
        }
    }

    private void Accrue()
    {
        DateTimeOffset now = _time.GetUtcNow();
        if (now > _since)
        {
            double joules = _volts * _amps * (now - _since).TotalSeconds;
            if (joules >= 0) _joules += joules;
            else _exportedJoules -= joules;
        }

        _since = now;
    }
}
