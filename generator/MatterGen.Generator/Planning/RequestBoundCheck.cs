using System.Collections.Generic;
using System.Linq;
using MatterGen.Generator.Model;

namespace MatterGen.Generator.Planning;

/// <summary>
/// A request field a server checks at run time against bounds that name an attribute (<c>min="MIN_POWER"</c>):
/// the field's value against that attribute's current value in this server. Checked for integer fields that are
/// mandatory, nullable or optional, against integer attributes the server has; a list or an optional-and-nullable
/// field keeps only its documentation.
/// </summary>
/// <param name="Field">The request field.</param>
/// <param name="Min">The attribute its value may not be below; null when the bound is not checked.</param>
/// <param name="Max">The attribute its value may not be above; null when the bound is not checked.</param>
internal sealed record RequestBoundCheck(FieldPlan Field, AttributeBound? Min, AttributeBound? Max)
{
    /// <summary>The checks of <paramref name="command"/>'s fields in a server that stores <paramref name="stored"/>, in field order.</summary>
    public static EquatableArray<RequestBoundCheck> For(CommandModel command, ClusterPlan plan, IReadOnlyList<StoredAttribute> stored)
    {
        if (!command.Fields.Any(f => f.Constraint.HasReference))
        {
            return EquatableArray<RequestBoundCheck>.Empty;
        }

        AttributeBound? Bound(string? name) =>
            name is not null && stored.FirstOrDefault(s => s.Attribute.Name == name) is { } held && IsInteger(held.Type)
                ? new AttributeBound(held.Property, held.NullableStorage)
                : null;

        var checks = new List<RequestBoundCheck>();
        foreach (var field in plan.Command(command).Fields)
        {
            if (!field.Field.Constraint.HasReference || field.IsList || !IsInteger(field.Type) || field.Shape == FieldShape.NullableOptional)
            {
                continue;
            }

            var (min, max) = (Bound(field.Field.Constraint.MinReference), Bound(field.Field.Constraint.MaxReference));
            if (min is not null || max is not null)
            {
                checks.Add(new RequestBoundCheck(field, min, max));
            }
        }

        return checks.ToEquatableArray();
    }

    private static bool IsInteger(MappedType type) => type.Wire is WireKind.SignedInteger or WireKind.UnsignedInteger;
}

/// <summary>An integer attribute a bound names, as the server holds it.</summary>
/// <param name="Property">The server's property.</param>
/// <param name="MayBeNull">True when the property may be null (then the bound holds only while it has a value).</param>
internal sealed record AttributeBound(string Property, bool MayBeNull);
