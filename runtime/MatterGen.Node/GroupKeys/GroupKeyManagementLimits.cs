using System;

namespace MatterGen.Node.GroupKeys;

/// <summary>What the node's Group Key Management publishes and enforces per fabric.</summary>
public sealed record GroupKeyManagementLimits
{
    /// <summary>Groups per fabric (MaxGroupsPerFabric): entries of GroupKeyMap and GroupTable a fabric may have.</summary>
    public ushort MaxGroupsPerFabric { get; init; } = 4;

    /// <summary>Key sets per fabric, the IPK (set 0) included (MaxGroupKeysPerFabric, at least 1).</summary>
    public ushort MaxGroupKeysPerFabric { get; init; } = 3;

    /// <summary>Throws when a limit is outside what the specification allows.</summary>
    /// <exception cref="ArgumentOutOfRangeException">MaxGroupKeysPerFabric is 0 (the IPK always needs a set), or a limit above 254 (the lists' maximum).</exception>
    public void Validate()
    {
        if (MaxGroupKeysPerFabric is < 1 or > GroupKeyRules.MaxListEntries)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxGroupKeysPerFabric), MaxGroupKeysPerFabric, "A fabric has 1 (its IPK) to 254 key sets.");
        }

        if (MaxGroupsPerFabric > GroupKeyRules.MaxListEntries)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxGroupsPerFabric), MaxGroupsPerFabric, "A fabric has at most 254 groups.");
        }
    }
}
