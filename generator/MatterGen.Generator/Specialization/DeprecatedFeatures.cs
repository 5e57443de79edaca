using System.Collections.Generic;
using MatterGen.Generator.ConformanceRules;
using MatterGen.Generator.Diagnostics;
using MatterGen.Generator.Model;

namespace MatterGen.Generator.Specialization;

/// <summary>
/// A feature whose conformance is deprecated (<c>D</c>, e.g. Thermostat's ScheduleConfiguration) may still be
/// chosen: the definition allows it, and older devices have it. But connectedhomeip's certification
/// conformance checker treats a deprecated element on a device as a failure, so the generator warns (MG1010),
/// or refuses under MatterGenStrictConformance.
/// </summary>
internal static class DeprecatedFeatures
{
    /// <summary>Reports each chosen feature whose conformance, with the chosen set, comes out deprecated.</summary>
    public static void Report(ServerDeclaration declaration, ClusterModel cluster, IReadOnlyCollection<FeatureModel> chosen, bool strict, List<DiagnosticInfo> diagnostics)
    {
        var context = FeatureSetValidator.ContextFor(chosen);
        foreach (var feature in chosen)
        {
            if (ConformanceEvaluator.Evaluate(feature.Conformance, context).IsDeprecated)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.DeprecatedFeature, declaration.Position, cluster.Name, FeatureSetValidator.DisplayName(feature)) with { AsError = strict });
            }
        }
    }
}
