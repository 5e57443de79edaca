using System.Collections.Generic;
using System.Linq;
using MatterGen.Generator.Model;

namespace MatterGen.Generator.ConformanceRules;

/// <summary>
/// Checks a chosen feature set against each feature's own conformance: mandatory features on, disallowed ones
/// off, choice groups satisfied. Feature conformance is evaluated with no element present, since features
/// decide elements and not the other way round.
/// </summary>
internal static class FeatureSetValidator
{
    /// <summary>Readable reasons the set is not allowed; empty when it is.</summary>
    /// <param name="cluster">The cluster.</param>
    /// <param name="chosen">The features on.</param>
    public static IReadOnlyList<string> Validate(ClusterModel cluster, IReadOnlyCollection<FeatureModel> chosen)
    {
        var context = ContextFor(chosen);
        var reasons = new List<string>();
        var members = new List<ChoiceGroupChecker.Member>();
        foreach (var feature in cluster.Features.OrderBy(feature => feature.Bit))
        {
            var isOn = chosen.Contains(feature);
            var result = ConformanceEvaluator.Evaluate(feature.Conformance, context);
            var rule = ConformanceFormatter.Format(feature.Conformance);
            if (result.Status == ConformanceStatus.Mandatory && !isOn)
            {
                reasons.Add($"feature {DisplayName(feature)} is mandatory here (conformance '{rule}') but is not chosen");
            }
            else if (result.Status == ConformanceStatus.Disallowed && isOn)
            {
                reasons.Add($"feature {DisplayName(feature)} is not allowed here (conformance '{rule}')");
            }

            members.Add(new ChoiceGroupChecker.Member(DisplayName(feature), result, isOn));
        }

        reasons.AddRange(ChoiceGroupChecker.Check("features", members));
        return reasons;
    }

    /// <summary>A context with the chosen features on, by code and by name, and no element present.</summary>
    public static ConformanceContext ContextFor(IEnumerable<FeatureModel> chosen) =>
        new(chosen.SelectMany(feature => new[] { feature.Code, feature.Name }));

    /// <summary>A feature as diagnostics show it: <c>ChargingPreferences (PREF)</c>.</summary>
    public static string DisplayName(FeatureModel feature) => $"{feature.Name} ({feature.Code})";
}
