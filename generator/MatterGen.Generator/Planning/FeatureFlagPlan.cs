using System.Collections.Generic;
using System.Linq;
using MatterGen.Generator.Model;
using MatterGen.Generator.Naming;

namespace MatterGen.Generator.Planning;

/// <summary>One bit of a cluster's <c>Feature</c> enum (its FeatureMap attribute) with the C# name chosen for it.</summary>
/// <param name="Feature">The feature.</param>
/// <param name="Name">Its member name, unique in the <c>Feature</c> enum.</param>
internal sealed record FeatureFlagPlan(FeatureModel Feature, string Name)
{
    /// <summary>
    /// The features that fit the 32-bit FeatureMap, in bit order, each named; the enum itself declares <c>None</c>
    /// and has every C# enum's members, so no feature takes those names.
    /// </summary>
    public static EquatableArray<FeatureFlagPlan> Resolve(IEnumerable<FeatureModel> features)
    {
        var scope = new NameScope(new[] { "Feature", "None" }.Concat(NameScope.ObjectMembers).Concat(EnumPlan.EnumMembers));
        return features
            .OrderBy(feature => feature.Bit)
            .Where(feature => feature.Bit is >= 0 and <= 31)
            .Select(feature => new FeatureFlagPlan(feature, scope.Claim(Identifier.FromName(feature.Name))))
            .ToEquatableArray();
    }
}
