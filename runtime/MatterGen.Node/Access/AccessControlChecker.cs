using System;
using MatterGen.DataModel;
using MatterGen.InteractionModel;
using MatterGen.Messaging;
using Entry = MatterGen.Node.Clusters.AccessControl.AccessControlEntryStruct;

namespace MatterGen.Node.Access;

/// <summary>
/// The access-checking algorithm (Core Specification 6.6.6) over the Access Control server's entries: a PASE
/// session of an armed fail-safe holds the implicit Administer privilege; otherwise access is granted when an
/// entry of the subject's fabric has the subject's auth mode, a privilege that implies the one asked for, a
/// subject list that is empty or names the subject (a CASE node id, a CASE Authenticated Tag the peer holds in
/// at least that version, or a group id), and a target list that is empty or has a target whose present fields
/// all match (cluster, endpoint, or a device type of the endpoint). Everything else is denied.
/// </summary>
public sealed class AccessControlChecker : IAccessControl
{
    private readonly AccessControlServer server;
    private readonly Func<ushort, uint, bool> endpointHasDeviceType;

    /// <summary>Checks against <paramref name="server"/>'s entries; <paramref name="endpointHasDeviceType"/> answers device-type targets.</summary>
    public AccessControlChecker(AccessControlServer server, Func<ushort, uint, bool> endpointHasDeviceType)
    {
        this.server = server ?? throw new ArgumentNullException(nameof(server));
        this.endpointHasDeviceType = endpointHasDeviceType ?? throw new ArgumentNullException(nameof(endpointHasDeviceType));
    }

    /// <inheritdoc/>
    public bool IsGranted(in SubjectDescriptor subject, ushort endpoint, uint clusterId, Privilege privilege)
    {
        if (IsCommissioningAdministrator(subject))
        {
            return true;
        }

        if (!MayHoldEntries(subject))
        {
            return false;
        }

        // Index loops: this runs for every path of every interaction, and an interface foreach allocates.
        var entries = server.ACL;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (PrivilegeRules.Implies((Privilege)entry.Privilege, privilege) && Matches(entry, subject, endpoint, clusterId))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The highest privilege any entry grants the subject on the cluster, or null when none does: what a
    /// server's <c>RequestContext.Privilege</c> carries. A ProxyView grant is reported as ProxyView, which a
    /// server's "at least View" check accepts and an "at least Operate" check refuses.
    /// </summary>
    public Privilege? GrantedPrivilege(in SubjectDescriptor subject, ushort endpoint, uint clusterId)
    {
        if (IsCommissioningAdministrator(subject))
        {
            return Privilege.Administer;
        }

        if (!MayHoldEntries(subject))
        {
            return null;
        }

        Privilege? best = null;
        var entries = server.ACL;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var granted = (Privilege)entry.Privilege;
            if ((best is null || granted > best) && Matches(entry, subject, endpoint, clusterId))
            {
                best = granted;
            }
        }

        return best;
    }

    // Operational PASE does not exist: a PASE session is a commissioning one, with the implicit Administer
    // grant while the fail-safe is armed (Core Specification 6.6.2.9, bootstrapping the ACL).
    private static bool IsCommissioningAdministrator(in SubjectDescriptor subject) =>
        subject.AuthMode == SessionAuthMode.Pase && subject.IsCommissioning;

    // Entries belong to a fabric and PASE entries cannot be written, so only CASE and group peers of a fabric
    // can match one.
    private static bool MayHoldEntries(in SubjectDescriptor subject) =>
        subject.FabricIndex != 0 && subject.AuthMode is SessionAuthMode.Case or SessionAuthMode.Group;

    private bool Matches(Entry entry, in SubjectDescriptor subject, ushort endpoint, uint clusterId) =>
        entry.FabricIndex == subject.FabricIndex
        && (byte)entry.AuthMode == (byte)subject.AuthMode
        && SubjectMatches(entry, subject)
        && TargetMatches(entry, endpoint, clusterId);

    private static bool SubjectMatches(Entry entry, in SubjectDescriptor subject)
    {
        if (entry.Subjects is not { Count: > 0 } subjects)
        {
            return true; // An empty list is a wildcard over every subject of this auth mode.
        }

        for (var i = 0; i < subjects.Count; i++)
        {
            var candidate = subjects[i];
            if (candidate == subject.Subject)
            {
                return true;
            }

            if (subject.AuthMode == SessionAuthMode.Case && NodeIds.IsCatSubject(candidate))
            {
                var required = CaseAuthenticatedTag.FromSubject(candidate);
                foreach (var held in subject.Tags)
                {
                    if (CaseAuthenticatedTag.FromValue(held).Satisfies(required))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private bool TargetMatches(Entry entry, ushort endpoint, uint clusterId)
    {
        if (entry.Targets is not { Count: > 0 } targets)
        {
            return true; // An empty list is a wildcard over every cluster of every endpoint.
        }

        for (var i = 0; i < targets.Count; i++)
        {
            var target = targets[i];
            if ((target.Cluster is not { } cluster || cluster == clusterId)
                && (target.Endpoint is not { } onEndpoint || onEndpoint == endpoint)
                && (target.DeviceType is not { } deviceType || endpointHasDeviceType(endpoint, deviceType)))
            {
                return true;
            }
        }

        return false;
    }
}
