using System;
using System.Collections.Generic;
using System.Linq;

namespace MatterGen.Generator.Tests.Spec;

/// <summary>One fact that differs between our definition and upstream's.</summary>
/// <param name="Path">Element path, such as <c>cluster 153/attribute 9</c>.</param>
/// <param name="Property">The property, or <see cref="FactComparison.Presence"/> when the element exists on one side only.</param>
/// <param name="Ours">Our value (null: not stated).</param>
/// <param name="Upstream">Upstream's value (null: not stated).</param>
internal sealed record FactDifference(string Path, string Property, string? Ours, string? Upstream)
{
    public override string ToString() => $"{Path} | {Property}: ours={Ours ?? "(none)"} upstream={Upstream ?? "(none)"}";
}

/// <summary>Compares two sets of <see cref="DefinitionFacts"/> element by element.</summary>
internal static class FactComparison
{
    /// <summary>The property reported when an element exists in one file only.</summary>
    public const string Presence = "present";

    /// <summary>
    /// Every difference. An element on one side only is one difference (its children are not listed again).
    /// The legacy optional flag counts only where upstream gives the element no conformance element.
    /// </summary>
    public static IReadOnlyList<FactDifference> Compare(DefinitionFacts ours, DefinitionFacts upstream)
    {
        var differences = new List<FactDifference>();
        var onlyOneSide = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in ours.Elements.Keys.Union(upstream.Elements.Keys).OrderBy(p => p, StringComparer.Ordinal))
        {
            var inOurs = ours.Elements.TryGetValue(path, out var ourProperties);
            var inUpstream = upstream.Elements.TryGetValue(path, out var upstreamProperties);
            if (!inOurs || !inUpstream)
            {
                onlyOneSide.Add(path);
                if (!HasAncestorIn(path, onlyOneSide))
                {
                    differences.Add(new(path, Presence, inOurs ? "yes" : null, inUpstream ? "yes" : null));
                }

                continue;
            }

            foreach (var property in ourProperties!.Keys.Union(upstreamProperties!.Keys).OrderBy(p => p, StringComparer.Ordinal))
            {
                if (property == DefinitionFacts.LegacyOptional && upstreamProperties.GetValueOrDefault(DefinitionFacts.Conformance) is not null)
                {
                    continue;
                }

                var ourValue = ourProperties.GetValueOrDefault(property);
                var upstreamValue = upstreamProperties.GetValueOrDefault(property);
                if (!string.Equals(ourValue, upstreamValue, StringComparison.Ordinal))
                {
                    differences.Add(new(path, property, ourValue, upstreamValue));
                }
            }
        }

        return differences;
    }

    private static bool HasAncestorIn(string path, HashSet<string> paths)
    {
        for (var slash = path.LastIndexOf('/'); slash > 0; slash = path.LastIndexOf('/', slash - 1))
        {
            if (paths.Contains(path[..slash]))
            {
                return true;
            }
        }

        return false;
    }
}
