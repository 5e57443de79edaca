using MatterGen.Interaction;
using Keys = MatterGen.Node.Clusters.GroupKeyManagement;

namespace MatterGen.Node.GroupKeys;

/// <summary>The rules a key set must follow to be written (Core Specification 11.2.8.1), and what a read may show.</summary>
internal static class GroupKeyRules
{
    /// <summary>
    /// The IPK's key set id (Core Specification 11.2.5.4): written by AddNOC and by KeySetWrite like any other set,
    /// never removed (KeySetRemove), never mapped to a group (GroupKeyMap).
    /// </summary>
    public const ushort IpkKeySetId = 0;

    /// <summary>An epoch key is exactly this long.</summary>
    public const int EpochKeyLength = 16;

    /// <summary>The most entries GroupKeyMap or GroupTable may hold.</summary>
    public const int MaxListEntries = 254;

    /// <summary>
    /// Checks a KeySetWrite (the IPK's set 0 included): INVALID_COMMAND for a missing or zero first epoch, a key without its start
    /// time (or the other way round), a later slot without the earlier ones, start times that do not increase, or
    /// the CacheAndSync policy (this node has no CS feature); CONSTRAINT_ERROR for a key that is not 16 bytes.
    /// </summary>
    public static MatterStatus Check(Keys.GroupKeySetStruct set)
    {
        if (set.GroupKeySecurityPolicy != Keys.GroupKeySecurityPolicyEnum.TrustFirst)
        {
            // CacheAndSync needs the CS feature; an unknown policy is refused the same way.
            return MatterStatus.InvalidCommand;
        }

        if (set.EpochKey0 is not { } key0 || set.EpochStartTime0 is not { } start0 || start0.Value == 0)
        {
            return MatterStatus.InvalidCommand;
        }

        if (key0.Length != EpochKeyLength)
        {
            return MatterStatus.ConstraintError;
        }

        if ((set.EpochKey1 is null) != (set.EpochStartTime1 is null) || (set.EpochKey2 is null) != (set.EpochStartTime2 is null))
        {
            return MatterStatus.InvalidCommand;
        }

        if (set.EpochKey1 is not { } key1)
        {
            return set.EpochKey2 is null ? MatterStatus.Success : MatterStatus.InvalidCommand;
        }

        if (key1.Length != EpochKeyLength)
        {
            return MatterStatus.ConstraintError;
        }

        var start1 = set.EpochStartTime1!.Value.Value;
        if (start1 <= start0.Value)
        {
            return MatterStatus.InvalidCommand;
        }

        if (set.EpochKey2 is not { } key2)
        {
            return MatterStatus.Success;
        }

        if (key2.Length != EpochKeyLength)
        {
            return MatterStatus.ConstraintError;
        }

        return set.EpochStartTime2!.Value.Value > start1 ? MatterStatus.Success : MatterStatus.InvalidCommand;
    }

    /// <summary>The set as KeySetReadResponse shows it: every key null, the start times as written.</summary>
    public static Keys.GroupKeySetStruct WithoutKeys(Keys.GroupKeySetStruct set) =>
        set with { EpochKey0 = null, EpochKey1 = null, EpochKey2 = null };
}
