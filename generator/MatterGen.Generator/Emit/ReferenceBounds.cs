using System.Collections.Generic;
using MatterGen.Generator.Model;
using MatterGen.Generator.Planning;

namespace MatterGen.Generator.Emit;

/// <summary>
/// Bounds that name another attribute of the cluster (resolved by <c>ConstraintReferences</c>): their
/// documentation, and the server's run-time check against the attribute's current value.
/// </summary>
internal static class ReferenceBounds
{
    /// <summary>Documentation text for a constraint's reference bounds, or null when it has none.</summary>
    public static string? Describe(Constraint constraint)
    {
        var parts = new List<string>();
        if (constraint.MinReference is { } min)
        {
            parts.Add("at least the current value of the " + min + " attribute");
        }

        if (constraint.MaxReference is { } max)
        {
            parts.Add("at most the current value of the " + max + " attribute");
        }

        return parts.Count == 0
            ? null
            : "Bounded by other attributes: " + string.Join(" and ", parts) + " (a server that has the attribute answers CONSTRAINT_ERROR otherwise).";
    }

    /// <summary>
    /// The conditions under which a decoded request field breaks its checked reference bounds, as C# boolean
    /// expressions over <paramref name="valueExpression"/> (a non-null field value) and the server's attribute
    /// properties.
    /// </summary>
    public static IEnumerable<string> Violations(RequestBoundCheck check, string valueExpression, string uniqueSuffix)
    {
        foreach (var (bound, comparison) in new[] { (check.Min, "<"), (check.Max, ">") })
        {
            if (bound is null)
            {
                continue;
            }

            var limit = bound.MayBeNull ? "limit" + (comparison == "<" ? "Min" : "Max") + uniqueSuffix : bound.Property;
            var guard = bound.MayBeNull ? bound.Property + " is { } " + limit + " && " : string.Empty;
            yield return guard + "(decimal)" + valueExpression + " " + comparison + " (decimal)" + limit;
        }
    }
}
