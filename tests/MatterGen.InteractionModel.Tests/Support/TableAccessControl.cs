using System.Collections.Generic;
using MatterGen.DataModel;
using MatterGen.Messaging;

namespace MatterGen.InteractionModel.Tests.Support;

/// <summary>
/// Access control from a table of grants: a grant gives a privilege (and every lower one) to a subject with an
/// auth mode, on an endpoint and cluster (null matches any). The engine's tests need only this; the real
/// access-checking algorithm lives with the node.
/// </summary>
public sealed class TableAccessControl(IReadOnlyList<TableAccessControl.Grant> grants) : IAccessControl
{
    public sealed record Grant(Privilege Privilege, SessionAuthMode AuthMode = SessionAuthMode.Case, ulong? Subject = null, ushort? Endpoint = null, uint? Cluster = null);

    public static TableAccessControl AdministerAll { get; } = new([new Grant(Privilege.Administer)]);

    public bool IsGranted(in SubjectDescriptor subject, ushort endpoint, uint clusterId, Privilege privilege)
    {
        foreach (var grant in grants)
        {
            if (grant.AuthMode == subject.AuthMode
                && (grant.Subject ?? subject.Subject) == subject.Subject
                && (grant.Endpoint ?? endpoint) == endpoint
                && (grant.Cluster ?? clusterId) == clusterId
                && Implies(grant.Privilege, privilege))
            {
                return true;
            }
        }

        return false;
    }

    // Administer implies every privilege; Manage implies Operate and View; Operate implies View; ProxyView implies View.
    private static bool Implies(Privilege held, Privilege wanted) =>
        held == wanted || wanted == Privilege.View || held != Privilege.ProxyView && wanted != Privilege.ProxyView && held >= wanted;
}
