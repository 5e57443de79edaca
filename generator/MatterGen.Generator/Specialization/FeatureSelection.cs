using System;
using System.Collections.Generic;
using System.Linq;
using MatterGen.Generator.ConformanceRules;
using MatterGen.Generator.Diagnostics;
using MatterGen.Generator.Model;

namespace MatterGen.Generator.Specialization;

/// <summary>Resolves the features a declaration names (by name or code, any case) to the cluster's features.</summary>
internal static class FeatureSelection
{
    /// <summary>The named features in bit order; an MG1002 for each name the cluster does not have.</summary>
    public static IReadOnlyList<FeatureModel> Resolve(ServerDeclaration declaration, ClusterModel cluster, List<DiagnosticInfo> diagnostics)
    {
        var chosen = new List<FeatureModel>();
        foreach (var written in declaration.Features)
        {
            var name = written.Trim();
            if (name.Length == 0)
            {
                continue;
            }

            var feature = cluster.Features.FirstOrDefault(candidate =>
                string.Equals(candidate.Code, name, StringComparison.OrdinalIgnoreCase)
                || string.Equals(candidate.Name, name, StringComparison.OrdinalIgnoreCase));
            if (feature is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.UnknownFeature, declaration.Position,
                    cluster.Name, name, FeatureList(cluster)));
            }
            else if (!chosen.Contains(feature))
            {
                chosen.Add(feature);
            }
        }

        return chosen.OrderBy(feature => feature.Bit).ToList();
    }

    /// <summary>The FeatureMap value: bit i set for each chosen feature with bit i.</summary>
    public static ulong FeatureMap(IEnumerable<FeatureModel> chosen) =>
        chosen.Where(feature => feature.Bit is >= 0 and < 64)
            .Aggregate(0UL, (map, feature) => map | (1UL << feature.Bit));

    private static string FeatureList(ClusterModel cluster) =>
        cluster.Features.Count == 0
            ? "none"
            : string.Join(", ", cluster.Features.OrderBy(feature => feature.Bit).Select(FeatureSetValidator.DisplayName));
}
