using System.Collections.Generic;
using MatterGen.Interaction;
using MatterGen.Node.Clusters;
using MatterGen.Tlv;

namespace MatterGen.Node.Access;

/// <summary>
/// What a written ACL or Extension entry must satisfy (Core Specification 9.10.4 and 9.10.5), with the status a
/// write that breaks a rule gets: CONSTRAINT_ERROR for an entry that is wrong in itself, RESOURCE_EXHAUSTED for
/// one that exceeds what the node supports.
/// </summary>
public static class AccessControlEntryRules
{
    /// <summary>The most extension entries a fabric may keep.</summary>
    public const int ExtensionsPerFabric = 1;

    /// <summary>Checks one ACL entry against the rules and the node's limits.</summary>
    public static MatterStatus Check(AccessControl.AccessControlEntryStruct entry, int subjectsPerEntry, int targetsPerEntry)
    {
        var privilege = entry.Privilege;
        if (privilege is < AccessControl.AccessControlEntryPrivilegeEnum.View or > AccessControl.AccessControlEntryPrivilegeEnum.Administer)
        {
            return MatterStatus.ConstraintError;
        }

        // PASE entries are reserved (commissioning has an implicit Administer grant instead); a group may
        // never administer.
        switch (entry.AuthMode)
        {
            case AccessControl.AccessControlEntryAuthModeEnum.CASE:
                break;
            case AccessControl.AccessControlEntryAuthModeEnum.Group when privilege != AccessControl.AccessControlEntryPrivilegeEnum.Administer:
                break;
            default:
                return MatterStatus.ConstraintError;
        }

        if (entry.Subjects is { } subjects)
        {
            if (subjects.Count > subjectsPerEntry)
            {
                return MatterStatus.ResourceExhausted;
            }

            foreach (var subject in subjects)
            {
                if (!IsValidSubject(entry.AuthMode, subject))
                {
                    return MatterStatus.ConstraintError;
                }
            }
        }

        if (entry.Targets is { } targets)
        {
            if (targets.Count > targetsPerEntry)
            {
                return MatterStatus.ResourceExhausted;
            }

            foreach (var target in targets)
            {
                if (!IsValidTarget(target))
                {
                    return MatterStatus.ConstraintError;
                }
            }
        }

        return MatterStatus.Success;
    }

    /// <summary>
    /// Checks one extension entry: its data must be a TLV list whose elements all carry fully-qualified profile
    /// tags, and nothing after it (the length bound of 128 bytes is the codec's).
    /// </summary>
    public static MatterStatus CheckExtension(AccessControl.AccessControlExtensionStruct extension)
    {
        try
        {
            var reader = new TlvReader(extension.Data.Span);
            if (!reader.Read() || reader.ElementType != TlvElementType.List || !reader.Tag.IsAnonymous)
            {
                return MatterStatus.ConstraintError;
            }

            while (reader.Read())
            {
                if (reader.ElementType == TlvElementType.EndOfContainer && reader.Depth == 0)
                {
                    return reader.Read() ? MatterStatus.ConstraintError : MatterStatus.Success;
                }

                if (reader.Tag.Kind != TlvTagKind.FullyQualified)
                {
                    return MatterStatus.ConstraintError;
                }

                reader.Skip();
            }

            return MatterStatus.ConstraintError;
        }
        catch (TlvException)
        {
            return MatterStatus.ConstraintError;
        }
    }

    /// <summary>True for a subject an entry of this auth mode may hold.</summary>
    public static bool IsValidSubject(AccessControl.AccessControlEntryAuthModeEnum authMode, ulong subject) => authMode switch
    {
        AccessControl.AccessControlEntryAuthModeEnum.CASE => NodeIds.IsOperational(subject)
            || (NodeIds.IsCatSubject(subject) && CaseAuthenticatedTag.FromSubject(subject).IsValid),
        AccessControl.AccessControlEntryAuthModeEnum.Group => NodeIds.IsGroupSubject(subject),
        _ => false,
    };

    /// <summary>
    /// True for a target with at least one field, not both an endpoint and a device type, and each id in its
    /// valid range (a standard or manufacturer-specific cluster, an endpoint other than the wildcard, a device type).
    /// </summary>
    public static bool IsValidTarget(AccessControl.AccessControlTargetStruct target)
    {
        if (target is { Cluster: null, Endpoint: null, DeviceType: null } || (target.Endpoint is not null && target.DeviceType is not null))
        {
            return false;
        }

        return (target.Cluster is not { } cluster || IsValidClusterId(cluster))
            && target.Endpoint is not 0xFFFF
            && (target.DeviceType is not { } deviceType || IsValidDeviceTypeId(deviceType));
    }

    /// <summary>A standard cluster id (0x0000–0x7FFF) or a manufacturer-specific one (0xVVVV_FC00–0xVVVV_FFFE).</summary>
    public static bool IsValidClusterId(uint clusterId)
    {
        var vendor = clusterId >> 16;
        var id = clusterId & 0xFFFF;
        return vendor == 0 ? id <= 0x7FFF : vendor <= 0xFFFE && id is >= 0xFC00 and <= 0xFFFE;
    }

    /// <summary>A device type id: suffix 0x0000–0xBFFF under a vendor prefix other than 0xFFFF.</summary>
    public static bool IsValidDeviceTypeId(uint deviceTypeId) => (deviceTypeId >> 16) <= 0xFFFE && (deviceTypeId & 0xFFFF) <= 0xBFFF;

    /// <summary>The entries of one fabric, in list order.</summary>
    internal static List<T> OfFabric<T>(IReadOnlyList<T> entries, byte fabricIndex, System.Func<T, byte?> fabricOf)
    {
        var result = new List<T>();
        foreach (var entry in entries)
        {
            if (fabricOf(entry) == fabricIndex)
            {
                result.Add(entry);
            }
        }

        return result;
    }
}
