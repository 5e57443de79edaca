using System;
using RegulatoryLocation = MatterGen.Node.Clusters.GeneralCommissioning.RegulatoryLocationTypeEnum;

namespace MatterGen.Node.GeneralCommissioning;

/// <summary>What the General Commissioning cluster publishes: the fail-safe lengths and where the node may be installed.</summary>
public sealed record GeneralCommissioningOptions
{
    /// <summary>
    /// The fail-safe a commissioner should arm first (BasicCommissioningInfo.FailSafeExpiryLengthSeconds); also the
    /// fail-safe the node arms by itself when a commissioner's PASE session is established. 60 s by default.
    /// </summary>
    public ushort FailSafeExpiryLengthSeconds { get; init; } = 60;

    /// <summary>
    /// The longest a fail-safe may stay armed counting every re-arm (BasicCommissioningInfo.MaxCumulativeFailsafeSeconds),
    /// at least <see cref="FailSafeExpiryLengthSeconds"/>; 900 s by default.
    /// </summary>
    public ushort MaxCumulativeFailsafeSeconds { get; init; } = 900;

    /// <summary>Where the node can be installed (LocationCapability); IndoorOutdoor by default.</summary>
    public RegulatoryLocation LocationCapability { get; init; } = RegulatoryLocation.IndoorOutdoor;

    /// <summary>Throws when the options contradict each other.</summary>
    internal void Validate()
    {
        if (FailSafeExpiryLengthSeconds == 0 || MaxCumulativeFailsafeSeconds < FailSafeExpiryLengthSeconds)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxCumulativeFailsafeSeconds), "The fail-safe lasts at least a second, and the cumulative maximum is at least one arming.");
        }

        if (LocationCapability > RegulatoryLocation.IndoorOutdoor)
        {
            throw new ArgumentOutOfRangeException(nameof(LocationCapability));
        }
    }
}
