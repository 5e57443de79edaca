using System;
using MatterGen.Generator.Planning;
using MatterGen.Generator.Specialization;

namespace MatterGen.Generator.Pipeline;

/// <summary>
/// What a server's file is printed from: its specialization and the plan of its cluster, the same plan its
/// cluster's file was printed from. Value-equal, so a server whose specialization and plan are unchanged is not
/// emitted again.
/// </summary>
/// <param name="Specialization">The declaration's specialization and its diagnostics.</param>
/// <param name="Cluster">The plan of the specialized cluster; null when nothing was specialized.</param>
internal sealed record ServerPlan(SpecializationResult Specialization, ClusterPlan? Cluster)
{
    /// <summary>The cluster's plan; a specialized cluster always has one, since both come from the same catalog.</summary>
    public ClusterPlan PlanOrThrow() =>
        Cluster ?? throw new InvalidOperationException("No plan for cluster " + Specialization.Cluster?.Unit.TypeName);
}
