using System.Globalization;
using MatterGen.Generator.Model;
using MatterGen.Generator.Planning;

namespace MatterGen.Generator.Emit.Server;

/// <summary>
/// The condition under which a value breaks its constraint, written only for bounds the C# type does not
/// already guarantee (a useless comparison is a compiler warning, and warnings are errors).
/// </summary>
internal static class ConstraintCheck
{
    // A null value meets every constraint; a present one is checked as checkedValue.
    private const string NullGuard = "value is { } checkedValue && ";

    public static (string Condition, string Rule)? Condition(MappedType type, bool isList, bool nullable, Constraint constraint)
    {
        var subject = nullable ? "checkedValue" : "value";
        var guard = nullable ? NullGuard : string.Empty;
        if (isList)
        {
            return constraint.MaxLength is { } count
                ? ($"{guard}({subject}.Count > {Number(count)})", $"at most {Number(count)} entries")
                : null;
        }

        if (type.Wire == WireKind.String && constraint.MaxLength is { } bytes)
        {
            return ($"{guard}(global::System.Text.Encoding.UTF8.GetByteCount({subject}) > {Number(bytes)})", $"at most {Number(bytes)} bytes of UTF-8");
        }

        if (type.Wire is not (WireKind.UnsignedInteger or WireKind.SignedInteger))
        {
            return null; // Enums and bitmaps stay open; wrappers and reals carry no integer bounds here.
        }

        var min = constraint.Min;
        var max = constraint.Max;
        var checkMin = min is { } low && low > (type.TypeMin ?? decimal.MinValue);
        var checkMax = max is { } high && high < (type.TypeMax ?? decimal.MaxValue);
        if (!checkMin && !checkMax)
        {
            return null;
        }

        var parts = new System.Collections.Generic.List<string>();
        if (checkMin)
        {
            parts.Add($"{subject} < {Number(min!.Value)}");
        }

        if (checkMax)
        {
            parts.Add($"{subject} > {Number(max!.Value)}");
        }

        var rule = $"between {(min is { } a ? Number(a) : "its minimum")} and {(max is { } b ? Number(b) : "its maximum")}";
        return ($"{guard}({string.Join(" || ", parts)})", rule);
    }

    /// <summary>
    /// The condition under which an enum value breaks the definition's explicit range. Enums stay open in C#,
    /// but a value a peer writes outside the stated range is a constraint error (Interaction Model), so the
    /// server checks it on writes.
    /// </summary>
    public static string? EnumRange(MappedType type, bool isList, bool nullable, Constraint constraint)
    {
        if (isList || type.Wire != WireKind.Enum || type.IntegerType is null)
        {
            return null;
        }

        var subject = $"(ulong)({type.IntegerType}){(nullable ? "checkedValue" : "value")}";
        var parts = new System.Collections.Generic.List<string>();
        if (constraint.Min is { } min && min > 0)
        {
            parts.Add($"{subject} < {Number(min)}");
        }

        if (constraint.Max is { } max && max >= 0 && max < (type.WireMax ?? type.TypeMax ?? decimal.MaxValue))
        {
            parts.Add($"{subject} > {Number(max)}");
        }

        return parts.Count == 0 ? null : $"{(nullable ? NullGuard : string.Empty)}({string.Join(" || ", parts)})";
    }

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
