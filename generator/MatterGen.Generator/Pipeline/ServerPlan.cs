using System;
using MatterGen.Generator.Planning;
using MatterGen.Generator.Specialization;

namespace MatterGen.Generator.Pipeline;

/// <summary>
/// What a server's file is printed from: its specialization, the plan of its cluster (the same plan its
/// cluster's file was printed from) and the plan of the server's own members. Value-equal, so a server whose
/// specialization and plans are unchanged is not emitted again.
/// </summary>
/// <param name="Specialization">The declaration's specialization and its diagnostics.</param>
/// <param name="Cluster">The plan of the specialized cluster; null when nothing was specialized.</param>
/// <param name="Members">The server's members and their names; null exactly when <paramref name="Cluster"/> is.</param>
internal sealed record ServerPlan(SpecializationResult Specialization, ClusterPlan? Cluster, ServerMemberPlan? Members)
{
    /// <summary>The cluster's plan and the server's; a specialized cluster always has them, since both come from the same catalog.</summary>
    public (ClusterPlan Cluster, ServerMemberPlan Members) PlansOrThrow() =>
        Cluster is not null && Members is not null
            ? (Cluster, Members)
            : throw new InvalidOperationException("No plan for cluster " + Specialization.Cluster?.Unit.TypeName);
}
