using System;

namespace MatterGen.Evse.EnergyManagement;

/// <summary>How the charger turns power into current and which power adjustments it accepts.</summary>
public sealed class EnergyManagementOptions
{
    /// <summary>The nominal phase voltage the power figures assume (230 V in Europe).</summary>
    public long NominalVoltageVolts { get; init; } = 230;

    /// <summary>The number of phases the charger supplies (1 or 3).</summary>
    public int Phases { get; init; } = 1;

    /// <summary>The least charging current IEC 61851-1 lets the pilot offer (6 A), in mA: the least adjustable power.</summary>
    public long MinimumChargeCurrent { get; init; } = 6_000;

    /// <summary>
    /// The shortest power adjustment accepted. A vehicle must follow a lowered pilot within 5 s (IEC 61851-1), so
    /// anything shorter than twice that would end before it took effect.
    /// </summary>
    public TimeSpan MinimumAdjustmentDuration { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest power adjustment accepted (a day: an energy manager renews a longer one).</summary>
    public TimeSpan MaximumAdjustmentDuration { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Power (mW) of a current (mA) on all phases at the nominal voltage.</summary>
    public long PowerOf(long milliamps) => checked(milliamps * NominalVoltageVolts * Phases);

    /// <summary>The current (mA) that draws at most a power (mW) on all phases at the nominal voltage.</summary>
    public long CurrentOf(long milliwatts) => milliwatts / (NominalVoltageVolts * Phases);
}
