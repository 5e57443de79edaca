using System;
using System.Collections.Generic;
using System.Linq;
using MatterGen.Generator.Diagnostics;
using MatterGen.Generator.Model;

namespace MatterGen.Generator.Resolution;

/// <summary>
/// Resolves bounds that name another attribute of the cluster (<c>min="MIN_POWER" max="MAX_POWER"</c> in the
/// Microwave Oven Control and Temperature Control files of connectedhomeip v1.2 to v1.4) to that attribute's
/// name, matching its ZAP define or its name, ignoring case. A bound that names nothing, or an attribute that
/// is not an integer, is left out with a warning (MG0012): the rest of the element stays.
/// </summary>
internal static class ConstraintReferences
{
    /// <summary>The cluster with every reference bound resolved or left out.</summary>
    public static ClusterModel Resolve(ClusterModel cluster, TypeScope scope, ICollection<DiagnosticInfo> diagnostics)
    {
        if (!cluster.Attributes.Any(a => a.Constraint.HasReference)
            && !cluster.Commands.Any(c => c.Fields.Any(f => f.Constraint.HasReference))
            && !cluster.Events.Any(e => e.Fields.Any(f => f.Constraint.HasReference)))
        {
            return cluster;
        }

        return cluster with
        {
            Attributes = cluster.Attributes.Select(a => a with
            {
                Constraint = Resolve(cluster, scope, a.Constraint, cluster.Name + "." + a.Name, a.Position, diagnostics),
            }).ToEquatableArray(),
            Commands = cluster.Commands.Select(c => c with { Fields = Resolve(cluster, scope, c.Fields, cluster.Name + "." + c.Name, c.Position, diagnostics) }).ToEquatableArray(),
            Events = cluster.Events.Select(e => e with { Fields = Resolve(cluster, scope, e.Fields, cluster.Name + "." + e.Name, e.Position, diagnostics) }).ToEquatableArray(),
        };
    }

    private static EquatableArray<FieldModel> Resolve(
        ClusterModel cluster, TypeScope scope, EquatableArray<FieldModel> fields, string owner, SourcePosition position, ICollection<DiagnosticInfo> diagnostics) =>
        fields.Select(f => f.Constraint.HasReference
            ? f with { Constraint = Resolve(cluster, scope, f.Constraint, owner + "." + f.Name, f.Position ?? position, diagnostics) }
            : f).ToEquatableArray();

    private static Constraint Resolve(ClusterModel cluster, TypeScope scope, Constraint constraint, string owner, SourcePosition position, ICollection<DiagnosticInfo> diagnostics)
    {
        if (!constraint.HasReference)
        {
            return constraint;
        }

        var resolved = constraint with
        {
            MinReference = Find(cluster, scope, constraint.MinReference, "min", owner, position, diagnostics),
            MaxReference = Find(cluster, scope, constraint.MaxReference, "max", owner, position, diagnostics),
        };
        return resolved.IsEmpty ? Constraint.None : resolved;
    }

    private static string? Find(ClusterModel cluster, TypeScope scope, string? reference, string bound, string owner, SourcePosition position, ICollection<DiagnosticInfo> diagnostics)
    {
        if (reference is null)
        {
            return null;
        }

        var attribute = cluster.Attributes.FirstOrDefault(a => string.Equals(a.Define, reference, StringComparison.OrdinalIgnoreCase))
            ?? cluster.Attributes.FirstOrDefault(a => string.Equals(a.Name, reference, StringComparison.OrdinalIgnoreCase));
        if (attribute is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.ElementLeftOut, position, "The " + bound + " bound of " + owner,
                "'" + reference + "' is neither a number nor an attribute of the cluster"));
            return null;
        }

        if (attribute.Type.IsList || scope.Resolve(attribute.Type.Name)?.Base is not { IsInteger: true, IsWrapped: false })
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.ElementLeftOut, position, "The " + bound + " bound of " + owner,
                "it names attribute '" + attribute.Name + "', whose type " + attribute.Type + " is not an integer"));
            return null;
        }

        return attribute.Name;
    }
}
