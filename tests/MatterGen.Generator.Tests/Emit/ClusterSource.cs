using System.Threading;
using MatterGen.Generator.Emit;
using MatterGen.Generator.Model;

namespace MatterGen.Generator.Tests.Emit;

/// <summary>A cluster's file as the generator makes it: planned (the PlanCluster step), then printed.</summary>
internal static class ClusterSource
{
    public static string Of(ClusterUnit unit, GeneratorSettings settings, CancellationToken cancellationToken) =>
        ClusterEmitter.Emit(ClusterPlan.For(unit, settings, cancellationToken), settings, cancellationToken);
}
