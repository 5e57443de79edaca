using System;

namespace MatterGen.Evse.Device;

// The current limits the hardware and the installation set, readable and settable as one group: what a test
// event (TC-EEVSE "basic functionality") or a commissioning tool changes and later puts back.
public sealed partial class EnergyEvseController
{
    private long? hardwareMaximumCharge;
    private long? hardwareMaximumDischarge;

    /// <summary>The most the hardware can deliver now, in mA (starts at <see cref="EnergyEvseOptions.HardwareMaximumChargeCurrent"/>).</summary>
    public long HardwareMaximumChargeCurrent => hardwareMaximumCharge ?? options.HardwareMaximumChargeCurrent;

    /// <summary>The most the hardware can take back now, in mA (V2X).</summary>
    public long HardwareMaximumDischargeCurrent => hardwareMaximumDischarge ?? options.HardwareMaximumDischargeCurrent;

    /// <summary>The cable assembly's rating in mA; <see cref="long.MaxValue"/> until a cable reported one.</summary>
    public long CableAssemblyLimit
    {
        get
        {
            lock (Server.SyncRoot)
            {
                return cableAssemblyLimit;
            }
        }
    }

    /// <summary>The supply circuit's rating in mA (CircuitCapacity).</summary>
    public long CircuitCapacity => Core.CircuitCapacity;

    /// <summary>The user's current limit in mA (UserMaximumChargeCurrent), as a local setting rather than a network write.</summary>
    public long UserMaximumChargeCurrent
    {
        get => Core.UserMaximumChargeCurrent;
        set
        {
            using (HoldDecision())
            {
                // The attribute change recomputes MaximumChargeCurrent (OnAttributeChanged).
                Core.UserMaximumChargeCurrent = Math.Max(0, value);
            }
        }
    }

    /// <summary>The hardware's charge and discharge maxima changed (mA); the effective maxima follow at once.</summary>
    public void SetHardwareMaximumCurrents(long charge, long discharge)
    {
        using (HoldDecision())
        {
            hardwareMaximumCharge = Math.Max(0, charge);
            hardwareMaximumDischarge = Math.Max(0, discharge);
            RecomputeLimits();
        }
    }
}
