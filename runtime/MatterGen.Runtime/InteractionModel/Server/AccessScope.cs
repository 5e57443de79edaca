using System;
using System.Collections.Generic;
using MatterGen.DataModel;
using MatterGen.Interaction;
using MatterGen.Messaging;

namespace MatterGen.InteractionModel.Server;

/// <summary>
/// The privileges one subject holds during one interaction: asks the data model's access control once per
/// cluster instance and privilege and remembers the answer, so a wildcard read over many attributes of a
/// cluster costs a handful of access checks.
/// </summary>
internal sealed class AccessScope
{
    private readonly IAccessControl accessControl;
    private readonly Dictionary<(ushort Endpoint, uint Cluster), Privilege?> highest = new();

    public AccessScope(IAccessControl accessControl, SubjectDescriptor subject, System.TimeProvider time, IMessageSession? session = null)
    {
        this.accessControl = accessControl;
        Subject = subject;
        Time = time;
        Session = session;
    }

    public SubjectDescriptor Subject { get; }

    /// <summary>The session the interaction came in on (null for a subscription's later reports).</summary>
    public IMessageSession? Session { get; }

    public System.TimeProvider Time { get; }

    /// <summary>True when the subject holds <paramref name="privilege"/> (or one above it) on the cluster.</summary>
    public bool Allows(ushort endpoint, uint cluster, Privilege privilege) => Highest(endpoint, cluster) is { } granted && granted >= privilege;

    /// <summary>The request context a server sees: the highest privilege granted, the fabric, the clock, who asks and over which session.</summary>
    public RequestContext ContextFor(ushort endpoint, uint cluster, bool timed = false) =>
        new(Highest(endpoint, cluster) ?? Privilege.View, timed, Subject.FabricIndex, Time) { Subject = Subject, Session = Session };

    private Privilege? Highest(ushort endpoint, uint cluster)
    {
        if (highest.TryGetValue((endpoint, cluster), out var known))
        {
            return known;
        }

        Privilege? granted = null;
        foreach (var privilege in (ReadOnlySpan<Privilege>)[Privilege.Administer, Privilege.Manage, Privilege.Operate, Privilege.View])
        {
            var subject = Subject;
            if (accessControl.IsGranted(subject, endpoint, cluster, privilege))
            {
                granted = privilege;
                break;
            }
        }

        highest[(endpoint, cluster)] = granted;
        return granted;
    }
}
