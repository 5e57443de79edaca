using System;

namespace MatterGen.Evse.Device;

// The energy manager's cap (Device Energy Management PowerAdjustRequest) as one more current limit: while it is in
// force the offered current (MaximumChargeCurrent, hence the pilot duty cycle) is at most the cap, so the two
// clusters always agree.
public sealed partial class EnergyEvseController
{
    private long energyManagementLimit = long.MaxValue;

    /// <summary>The energy manager's current cap in mA, or null when none is in force.</summary>
    public long? EnergyManagementLimit
    {
        get
        {
            lock (Server.SyncRoot)
            {
                return energyManagementLimit == long.MaxValue ? null : energyManagementLimit;
            }
        }
    }

    /// <summary>Sets (mA) or removes (null) the energy manager's cap; MaximumChargeCurrent follows at once.</summary>
    public void SetEnergyManagementLimit(long? milliamps)
    {
        using (HoldDecision())
        {
            energyManagementLimit = milliamps is { } cap ? Math.Max(0, cap) : long.MaxValue;
            RecomputeLimits();
        }
    }
}
