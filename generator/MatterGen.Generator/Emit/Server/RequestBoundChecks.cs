using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using MatterGen.Generator.Model;
using MatterGen.Generator.Planning;

namespace MatterGen.Generator.Emit.Server;

/// <summary>
/// Adds to each accepted command the run-time checks of its request fields' bounds that name an attribute
/// (<c>min="MIN_POWER"</c>): the field's value against that attribute's current value in this server. Checked
/// for integer fields that are mandatory, nullable or optional, when the server has the attribute; a list or
/// an optional-and-nullable field keeps only its documentation.
/// </summary>
internal static class RequestBoundChecks
{
    /// <summary>The conditions under which each driver method's decoded request (<c>request</c>) breaks such a bound, by position.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Of(
        EquatableArray<CommandMethod> members,
        ClusterPlan plan,
        EquatableArray<StoredAttribute> stored,
        CancellationToken cancellationToken)
    {
        if (!members.Any(m => m.Command.Fields.Any(f => f.Constraint.HasReference)))
        {
            return members.Select(_ => (IReadOnlyList<string>)[]).ToList();
        }

        (string, bool)? AttributeProperty(string name) =>
            stored.FirstOrDefault(s => s.Attribute.Name == name) is { } held && held.Type.Wire is WireKind.SignedInteger or WireKind.UnsignedInteger
                ? (held.Property, held.NullableStorage)
                : null;

        var result = new List<IReadOnlyList<string>>(members.Count);
        foreach (var member in members)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var command = member.Command;
            if (!command.Fields.Any(f => f.Constraint.HasReference))
            {
                result.Add([]);
                continue;
            }

            var checks = new List<string>();
            foreach (var field in plan.Command(command).Fields)
            {
                if (!field.Field.Constraint.HasReference || field.IsList || field.Type.Wire is not (WireKind.SignedInteger or WireKind.UnsignedInteger)
                    || field.Shape == FieldShape.NullableOptional)
                {
                    continue;
                }

                var suffix = field.Field.Id.ToString(CultureInfo.InvariantCulture);
                var access = "request!." + field.PropertyName;
                var value = field.Shape == FieldShape.Mandatory ? access : "bounded" + suffix;
                var guard = field.Shape == FieldShape.Mandatory ? string.Empty : $"{access} is {{ }} {value} && ";
                // One condition per field: pattern variables of an if condition share the case block's scope.
                var violations = ReferenceBounds.Violations(field.Field.Constraint, value, AttributeProperty, suffix).Select(v => $"({v})").ToList();
                if (violations.Count > 0)
                {
                    checks.Add($"{guard}({string.Join(" || ", violations)})");
                }
            }

            result.Add(checks);
        }

        return result;
    }
}
