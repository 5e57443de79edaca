using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MatterGen.Generator.Model;
using MatterGen.Generator.Planning;
using static MatterGen.Generator.Emit.RuntimeNames;

namespace MatterGen.Generator.Emit.Values;

/// <summary>
/// The constraint checks encoding and decoding share, as data (<see cref="Violation"/>), each printed as a
/// guard (<see cref="CodeWriter.Guard"/>). Checks the C# type already guarantees are left out, so the compiler
/// never sees a comparison that is always true or false (CS0652); enums and bitmaps are open sets, so their
/// min/max are not enforced.
/// </summary>
internal static class ValueChecks
{
    /// <summary>Writes each check (nulls are no check): when its condition holds, its exception is thrown.</summary>
    public static void Emit(CodeWriter writer, IEnumerable<Violation?> checks)
    {
        foreach (var check in checks.OfType<Violation>())
        {
            writer.Guard(check.Condition, $"throw {check.Exception};");
        }
    }

    /// <summary>The checks of one element's value: its length (strings, byte strings) or its range (numbers).</summary>
    /// <param name="type">The element type.</param>
    /// <param name="value">Expression of the value (never null).</param>
    /// <param name="fieldName">Name for errors.</param>
    /// <param name="constraint">The constraints.</param>
    /// <param name="offset">Expression of the input or output offset errors report.</param>
    public static IEnumerable<Violation> Element(MappedType type, string value, string fieldName, Constraint constraint, string offset)
    {
        switch (type.Wire)
        {
            case WireKind.String:
                return Length($"global::System.Text.Encoding.UTF8.GetByteCount({value})", fieldName, constraint, offset);
            case WireKind.Bytes:
                return Length($"{value}.Length", fieldName, constraint, offset);
        }

        return type.IsNumeric ? Range(type, value, fieldName, constraint, offset) : [];
    }

    /// <summary>A list with fewer entries than its minimum length; null when there is no minimum.</summary>
    /// <param name="count">Expression of the number of entries.</param>
    /// <param name="fieldName">Name for errors.</param>
    /// <param name="constraint">The list's constraints.</param>
    /// <param name="offset">Expression of the offset errors report.</param>
    public static Violation? TooFew(string count, string fieldName, Constraint constraint, string offset) =>
        constraint.MinLength is { } min && min > 0
            ? Broken($"{count} < {Number(min)}", fieldName, $"fewer than {Number(min)} entries", offset)
            : null;

    /// <summary>A list with more entries than its maximum length; null when there is no maximum.</summary>
    /// <param name="count">Expression of the number of entries.</param>
    /// <param name="comparison"><c>&gt;</c> for a whole list, <c>&gt;=</c> before adding one more entry.</param>
    /// <param name="fieldName">Name for errors.</param>
    /// <param name="constraint">The list's constraints.</param>
    /// <param name="offset">Expression of the offset errors report.</param>
    public static Violation? TooMany(string count, string comparison, string fieldName, Constraint constraint, string offset) =>
        constraint.MaxLength is { } max
            ? new($"{count} {comparison} {Number(max)}", $"{Tlv}TlvException.TooManyEntries({Literals.String(fieldName)}, {Number(max)}, {offset})")
            : null;

    /// <summary>The range a numeric value is checked against: the definition's min/max within the Matter type's range.</summary>
    /// <param name="type">The element type.</param>
    /// <param name="constraint">The field's constraints.</param>
    public static (decimal? Min, decimal? Max) CheckedRange(MappedType type, Constraint constraint) =>
        (Max(constraint.Min, type.WireMin), Min(constraint.Max, type.WireMax));

    /// <summary>The larger of two bounds, either of which may be absent.</summary>
    public static decimal? Max(decimal? declared, decimal? wire) =>
        declared is null ? wire : wire is null ? declared : System.Math.Max(declared.Value, wire.Value);

    /// <summary>The smaller of two bounds, either of which may be absent.</summary>
    public static decimal? Min(decimal? declared, decimal? wire) =>
        declared is null ? wire : wire is null ? declared : System.Math.Min(declared.Value, wire.Value);

    private static IEnumerable<Violation> Length(string length, string fieldName, Constraint constraint, string offset)
    {
        if (constraint.MinLength is { } min && min > 0)
        {
            yield return Broken($"{length} < {Number(min)}", fieldName, $"shorter than {Number(min)} bytes", offset);
        }

        if (constraint.MaxLength is { } max)
        {
            yield return Broken($"{length} > {Number(max)}", fieldName, $"longer than {Number(max)} bytes", offset);
        }
    }

    private static IEnumerable<Violation> Range(MappedType type, string value, string fieldName, Constraint constraint, string offset)
    {
        var number = type.Wire == WireKind.UnsignedWrapper ? value + ".Value" : value;
        var (min, max) = CheckedRange(type, constraint);

        // Only a bound strictly inside the C# type's range can fail; one at or beyond its edge is always met,
        // and comparing against it would be a constant comparison (CS0652).
        if (min is { } low && (type.TypeMin is null || (low > type.TypeMin && low <= type.TypeMax)))
        {
            yield return Broken($"{number} < {Number(low)}", fieldName, $"below the minimum {Number(low)}", offset);
        }

        if (max is { } high && (type.TypeMax is null || (high < type.TypeMax && high >= type.TypeMin)))
        {
            yield return Broken($"{number} > {Number(high)}", fieldName, $"above the maximum {Number(high)}", offset);
        }
    }

    private static Violation Broken(string condition, string fieldName, string detail, string offset) =>
        new(condition, $"{Tlv}TlvException.ConstraintViolation({Literals.String(fieldName)}, {Literals.String(detail)}, {offset})");

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
