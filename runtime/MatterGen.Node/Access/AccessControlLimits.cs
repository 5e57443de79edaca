using System;

namespace MatterGen.Node.Access;

/// <summary>
/// What the node's access control supports, published in the Access Control cluster's fixed attributes. The
/// defaults are the specification's minimums; a node should not promise more than it needs, since the values
/// may never decrease across software updates.
/// </summary>
public sealed record AccessControlLimits
{
    /// <summary>Subjects per ACL entry (SubjectsPerAccessControlEntry, at least 4).</summary>
    public ushort SubjectsPerEntry { get; init; } = 4;

    /// <summary>Targets per ACL entry (TargetsPerAccessControlEntry, at least 3).</summary>
    public ushort TargetsPerEntry { get; init; } = 3;

    /// <summary>ACL entries per fabric (AccessControlEntriesPerFabric, at least 4).</summary>
    public ushort EntriesPerFabric { get; init; } = 4;

    /// <summary>Throws when a limit is under the specification's minimum.</summary>
    public void Validate()
    {
        Require(SubjectsPerEntry, 4, nameof(SubjectsPerEntry));
        Require(TargetsPerEntry, 3, nameof(TargetsPerEntry));
        Require(EntriesPerFabric, 4, nameof(EntriesPerFabric));
    }

    private static void Require(ushort value, ushort minimum, string name)
    {
        if (value < minimum || value == ushort.MaxValue)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be between {minimum} and 65534.");
        }
    }
}
