using System.Threading;
using MatterGen.Generator.Emit;
using MatterGen.Generator.Model;
using MatterGen.Generator.Planning;

namespace MatterGen.Generator.Tests.Emit;

/// <summary>Generated files as the generator makes them: planned (the PlanCluster and PlanGlobals steps), then printed.</summary>
internal static class GeneratedSource
{
    public static string Cluster(ClusterUnit unit, GeneratorSettings settings, CancellationToken cancellationToken) =>
        ClusterEmitter.Emit(ClusterPlan.For(unit, settings, cancellationToken), settings, cancellationToken);

    public static string Globals(GlobalTypesUnit unit, GeneratorSettings settings, CancellationToken cancellationToken) =>
        GlobalsEmitter.Emit(GlobalsPlan.For(unit, settings, cancellationToken), settings, cancellationToken);
}
