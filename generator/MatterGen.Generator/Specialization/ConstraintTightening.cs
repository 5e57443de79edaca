using System.Collections.Generic;
using MatterGen.Generator.Model;

namespace MatterGen.Generator.Specialization;

/// <summary>
/// Applies a user's constraint to an attribute. A server may narrow what the definition allows, never widen it:
/// a minimum no lower than the definition's (or the type's), a maximum no higher, length bounds within the
/// definition's. Unset parts of the user's constraint keep the definition's.
/// </summary>
internal static class ConstraintTightening
{
    /// <summary>The tightened constraint, or null with the reasons it is not a tightening.</summary>
    public static Constraint? Apply(AttributeModel attribute, ValueDomain domain, Constraint requested, List<string> errors)
    {
        var defined = attribute.Constraint;
        var numeric = requested.Min is not null || requested.Max is not null;
        var lengths = requested.MinLength is not null || requested.MaxLength is not null;
        if (numeric && !domain.IsNumeric)
        {
            errors.Add($"min and max apply to numbers, and its type is {domain.TypeName}");
        }

        if (lengths && !domain.HasLength)
        {
            errors.Add($"lengths apply to strings and lists, and its type is {domain.TypeName}");
        }

        if (errors.Count > 0)
        {
            return null;
        }

        var lowest = System.Math.Max(defined.Min ?? domain.Min, domain.Min);
        var highest = System.Math.Min(defined.Max ?? domain.Max, domain.Max);
        var min = lowest;
        var max = highest;
        if (requested.Min is { } requestedMin)
        {
            min = requestedMin;
            if (min < lowest)
            {
                errors.Add($"minimum {Text(min)} is below the definition's minimum {Text(lowest)}; a constraint may only tighten");
            }
        }

        if (requested.Max is { } requestedMax)
        {
            max = requestedMax;
            if (max > highest)
            {
                errors.Add($"maximum {Text(max)} is above the definition's maximum {Text(highest)}; a constraint may only tighten");
            }
        }

        if (errors.Count == 0 && numeric && min > max)
        {
            errors.Add($"minimum {Text(min)} is above maximum {Text(max)}");
        }

        var minLength = requested.MinLength ?? defined.MinLength;
        var maxLength = requested.MaxLength ?? defined.MaxLength;
        if (requested.MinLength is { } askedMinLength && (askedMinLength < 0 || askedMinLength < (defined.MinLength ?? 0)))
        {
            errors.Add($"minimum length {askedMinLength} is below the definition's minimum length {defined.MinLength ?? 0}; a constraint may only tighten");
        }

        if (requested.MaxLength is { } askedMaxLength && (askedMaxLength < 0 || (defined.MaxLength is { } definedMax && askedMaxLength > definedMax)))
        {
            errors.Add(askedMaxLength < 0
                ? $"maximum length {askedMaxLength} is negative"
                : $"maximum length {askedMaxLength} is above the definition's length {defined.MaxLength}; a constraint may only tighten");
        }

        if (errors.Count == 0 && minLength is { } lower && maxLength is { } upper && lower > upper)
        {
            errors.Add($"minimum length {lower} is above maximum length {upper}");
        }

        if (errors.Count > 0)
        {
            return null;
        }

        return new Constraint(
            requested.Min is null ? defined.Min : min,
            requested.Max is null ? defined.Max : max,
            minLength,
            maxLength);
    }

    private static string Text(decimal value) => AttributeValueCheck.Text(value);
}
