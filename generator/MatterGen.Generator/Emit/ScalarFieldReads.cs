using System.Globalization;
using MatterGen.Generator.Emit.Values;
using MatterGen.Generator.Model;
using MatterGen.Generator.Planning;
using static MatterGen.Generator.Emit.RuntimeNames;

namespace MatterGen.Generator.Emit;

/// <summary>
/// The decoder's fast path for scalar fields (integers, enums, bitmaps, wrapped integers, booleans): one
/// <c>TlvFieldReader.TryRead…</c> on the input and a local offset, which matches only a valid element whose
/// value already lies in the range the field accepts (definition constraints, Matter type, C# type). Anything
/// else does not match and is read by the decoder's general loop, which raises the error that names the field,
/// so both paths accept and reject exactly the same inputs.
/// </summary>
internal static class ScalarFieldReads
{
    /// <summary>
    /// Statements that read a scalar field from <c>input</c> at <c>at</c> into its local (<c>field{i}</c>) and
    /// mark it seen: its value, or a TLV null when the field is nullable.
    /// </summary>
    /// <param name="writer">Where to write the code.</param>
    /// <param name="field">The field (a <see cref="FieldPlan.IsScalar"/> one).</param>
    public static void Emit(CodeWriter writer, FieldPlan field)
    {
        var unique = field.Unique;
        var tag = field.Tag;
        var value = Value(field.Type, "raw" + unique);
        if (field.Shape == FieldShape.NullableOptional)
        {
            value = "new " + field.PropertyType + "(" + value + ")";
        }

        writer.Block("if (" + TryRead(field.Type, field.Field.Constraint, tag, "raw" + unique) + ")");
        writer.Line("field" + unique + " = " + value + ";");
        MarkSeen(writer, field);
        writer.Close();
        if (field.Shape is FieldShape.Nullable or FieldShape.NullableOptional)
        {
            writer.Block("else if (" + TryReadNull(tag) + ")");
            writer.Line("field" + unique + " = " + (field.Shape == FieldShape.NullableOptional ? "new " + field.PropertyType + "(null)" : "null") + ";");
            MarkSeen(writer, field);
            writer.Close();
        }

        writer.Line();
    }

    /// <summary>Marks the field seen when decoding must see it.</summary>
    /// <param name="writer">Where to write the code.</param>
    /// <param name="field">The field.</param>
    public static void MarkSeen(CodeWriter writer, FieldPlan field)
    {
        if (field.IsTracked)
        {
            writer.Line(field.SeenFlag + " = true;");
        }
    }

    /// <summary>
    /// A condition that reads the field's element from <c>input</c> at <c>at</c> into <c>raw{unique}</c> when it
    /// matches, advancing <c>at</c>.
    /// </summary>
    /// <param name="type">The field's type.</param>
    /// <param name="constraint">The field's constraints.</param>
    /// <param name="tag">The context tag number as C# text.</param>
    /// <param name="raw">The name of the local that receives the wire value.</param>
    public static string TryRead(MappedType type, Constraint constraint, string tag, string raw)
    {
        var prefix = "(input, ref at, " + tag;
        if (type.Wire == WireKind.Boolean)
        {
            return FieldReader + "TryReadBoolean" + prefix + ", out var " + raw + ")";
        }

        // Enums and bitmaps are open sets: only the C# type bounds them. Numbers also meet the definition.
        var (checkedMin, checkedMax) = type.IsOpenSet ? (null, null) : ValueChecks.CheckedRange(type, constraint);
        var min = ValueChecks.Max(checkedMin, type.TypeMin);
        var max = ValueChecks.Min(checkedMax, type.TypeMax);
        var bounds = min > max
            ? (type.Wire == WireKind.SignedInteger ? "1L, 0L" : "1UL, 0UL") // Constraints no value meets: the general path reports it.
            : type.Wire == WireKind.SignedInteger
                ? Signed(min, long.MinValue) + ", " + Signed(max, long.MaxValue)
                : Unsigned(min, 0m) + ", " + Unsigned(max, ulong.MaxValue);
        var method = type.Wire == WireKind.SignedInteger ? "TryReadSigned" : "TryReadUnsigned";
        return FieldReader + method + prefix + ", " + bounds + ", out var " + raw + ")";
    }

    /// <summary>A condition that reads a TLV null with the field's tag, advancing <c>at</c>.</summary>
    /// <param name="tag">The context tag number as C# text.</param>
    public static string TryReadNull(string tag) => FieldReader + "TryReadNull(input, ref at, " + tag + ")";

    /// <summary>The field's C# value made from the wire value in <paramref name="raw"/> (already in range).</summary>
    /// <param name="type">The field's type.</param>
    /// <param name="raw">The local holding the wire value.</param>
    public static string Value(MappedType type, string raw) => type.Wire switch
    {
        WireKind.Boolean => raw,
        WireKind.Enum or WireKind.Bitmap => "(" + type.CSharpType + ")(" + type.IntegerType + ")" + raw,
        WireKind.UnsignedWrapper => "new " + type.CSharpType + "((" + type.IntegerType + ")" + raw + ")",
        _ => "(" + type.IntegerType + ")" + raw,
    };

    private static string Signed(decimal? value, long edge)
    {
        var bound = value is { } v ? System.Math.Min(System.Math.Max(v, long.MinValue), long.MaxValue) : edge;
        return bound == long.MinValue ? "long.MinValue" : bound == long.MaxValue ? "long.MaxValue"
            : ((long)bound).ToString(CultureInfo.InvariantCulture) + "L";
    }

    private static string Unsigned(decimal? value, decimal edge)
    {
        var bound = System.Math.Max(value ?? edge, 0m);
        return bound >= ulong.MaxValue ? "ulong.MaxValue" : ((ulong)bound).ToString(CultureInfo.InvariantCulture) + "UL";
    }
}
