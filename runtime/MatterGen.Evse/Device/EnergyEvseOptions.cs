using System;

namespace MatterGen.Evse.Device;

/// <summary>The charger's fixed facts and the controller's timing.</summary>
public sealed class EnergyEvseOptions
{
    /// <summary>The most the hardware can deliver, in mA.</summary>
    public long HardwareMaximumChargeCurrent { get; set; } = 32_000;

    /// <summary>The most the hardware can take back, in mA (V2X).</summary>
    public long HardwareMaximumDischargeCurrent { get; set; } = 32_000;

    /// <summary>The supply circuit's rating, in mA (CircuitCapacity).</summary>
    public long CircuitCapacity { get; set; } = 32_000;

    /// <summary>Nominal mains voltage in mV, for planning; at least 100 V.</summary>
    public long NominalVoltage { get; set; } = 230_000;

    /// <summary>The time zone charging targets are given in.</summary>
    public TimeZoneInfo LocalTimeZone { get; set; } = TimeZoneInfo.Local;

    /// <summary>
    /// Whether the real time is known (synchronized). Without it, enable deadlines are checked every
    /// <see cref="UnsynchronizedRecheckInterval"/> instead of by a timer set to the deadline.
    /// </summary>
    public Func<bool> IsTimeSynchronized { get; set; } = static () => true;

    /// <summary>How often deadlines are re-checked without a synchronized clock.</summary>
    public TimeSpan UnsynchronizedRecheckInterval { get; set; } = TimeSpan.FromSeconds(30);
}
