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
    private readonly object gate = new();
    private readonly TimeProvider clock;
    private double lastVolts;
    private double lastAmps;
    private double importedJoules;
    private double exportedJoules;
    private DateTimeOffset since;

    /// <summary>Creates a meter reading 0 V, 0 A and 0 kWh.</summary>
    /// <param name="time">The clock.</param>
    public IntegratingEnergyMeter(TimeProvider time)
    {
        clock = time ?? throw new ArgumentNullException(nameof(time));
        since = clock.GetUtcNow();
    }

    /// <summary>Records a new measurement; energy up to now accrues at the previous one.</summary>
    /// <param name="volts">RMS voltage.</param>
    /// <param name="amps">RMS current; negative while energy flows from the vehicle (export).</param>
    /// <exception cref="ArgumentOutOfRangeException">The voltage is negative, or a value is NaN or infinite.</exception>
    public void Update(double volts, double amps)
    {
        if (!double.IsFinite(volts) || volts < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(volts), volts, "Voltage must be finite and not negative.");
        }

        if (!double.IsFinite(amps))
        {
            throw new ArgumentOutOfRangeException(nameof(amps), amps, "Current must be finite.");
        }

        lock (gate)
        {
            Accrue();
            lastVolts = volts;
            lastAmps = amps;
        }
    }

    /// <inheritdoc />
    public ValueTask<MeterReading> ReadAsync(CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            Accrue();
            var watts = lastVolts * lastAmps;
            // Like a real meter: the current is a magnitude, the power carries the direction.
            return ValueTask.FromResult(new MeterReading(lastVolts, Math.Abs(lastAmps), watts, importedJoules / 3.6e6, since, exportedJoules / 3.6e6));
        }
    }

    private void Accrue()
    {
        var now = clock.GetUtcNow();
        if (now > since)
        {
            var joules = lastVolts * lastAmps * (now - since).TotalSeconds;
            if (joules >= 0)
            {
                importedJoules += joules;
            }
            else
            {
                exportedJoules -= joules;
            }
        }

        since = now;
    }
}
