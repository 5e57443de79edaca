namespace MatterGen.Evse.Metering;

/// <summary>
/// Turns one of the meter's energy registers into the cluster's cumulative counter. The counter grows by what the
/// register grows between readings, so it keeps counting across restarts (it starts from the stored value) and
/// across a meter that is replaced or reset (a register that goes down is taken as a new baseline, not as energy).
/// Energy drawn while the charger was off is not counted: the first reading after a start is a baseline only.
/// </summary>
internal sealed class EnergyRegister(long cumulative)
{
    private long? lastRegister;

    /// <summary>The cumulative counter, mWh.</summary>
    public long Cumulative { get; private set; } = cumulative;

    /// <summary>The counter at the start of the current measurement period, mWh.</summary>
    public long PeriodStart { get; private set; } = cumulative;

    /// <summary>Energy counted in the current measurement period so far, mWh.</summary>
    public long InPeriod => Cumulative - PeriodStart;

    /// <summary>Takes a new register value; returns the energy it adds to the counter (0 for a baseline).</summary>
    public long Advance(long register)
    {
        if (lastRegister is not { } last || register < last)
        {
            lastRegister = register;
            return 0;
        }

        var added = register - last;
        lastRegister = register;
        Cumulative = checked(Cumulative + added);
        return added;
    }

    /// <summary>
    /// Switches to another register (the test event triggers' fake meter, or back to the hardware's): with a value,
    /// the next reading counts from it; with null, the next reading is a baseline.
    /// </summary>
    public void Rebase(long? register) => lastRegister = register;

    /// <summary>Starts a new measurement period at the current counter.</summary>
    public void StartPeriod() => PeriodStart = Cumulative;

    /// <summary>Sets the counter back to zero (a reset); the next reading continues from the meter's register.</summary>
    public void Reset()
    {
        Cumulative = 0;
        PeriodStart = 0;
    }
}
