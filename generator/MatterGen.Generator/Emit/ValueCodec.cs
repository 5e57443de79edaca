using System.Globalization;
using MatterGen.Generator.Model;

namespace MatterGen.Generator.Emit;

/// <summary>
/// Writes the statements that encode one value with a <c>TlvWriter</c> and decode it with a <c>TlvReader</c>,
/// and the constraint checks both directions share. Checks the C# type already guarantees are left out, so
/// the compiler never sees a comparison that is always true or false (CS0652); enums and bitmaps are open
/// sets, so their min/max are not enforced.
/// </summary>
internal static class ValueCodec
{
    public const string Tlv = "global::MatterGen.Tlv.";

    /// <summary>The namespace of the runtime's hooks for generated code (not meant for hand-written code).</summary>
    public const string GeneratedCode = "global::MatterGen.GeneratedCode.";
    private const string ElementType = Tlv + "TlvElementType.";

    /// <summary>Statements that write a present, non-null value.</summary>
    /// <param name="writer">Where to write the code.</param>
    /// <param name="type">The element type.</param>
    /// <param name="isList">The value is a list of the element type.</param>
    /// <param name="value">Expression of the value (never null).</param>
    /// <param name="tag">Expression of the tag.</param>
    /// <param name="fieldName">Name for errors.</param>
    /// <param name="constraint">Constraints to check before writing.</param>
    /// <param name="unique">A suffix that keeps locals unique.</param>
    public static void Write(CodeWriter writer, MappedType type, bool isList, string value, string tag, string fieldName, Constraint constraint, string unique)
    {
        if (!isList)
        {
            CheckElement(writer, type, value, fieldName, constraint, "writer.BytesWritten");
            WriteElement(writer, type, value, tag);
            return;
        }

        // The count read once (an interface call) and an indexed loop: foreach over an IReadOnlyList<T> boxes
        // the enumerator, and encoding must not allocate.
        var count = "count" + unique;
        writer.Line("var " + count + " = " + value + ".Count;");
        CheckCount(writer, count, fieldName, constraint, "writer.BytesWritten");
        writer.Line("writer.StartArray(" + tag + ");");
        var item = "item" + unique;
        var index = "index" + unique;
        writer.Block("for (var " + index + " = 0; " + index + " < " + count + "; " + index + "++)");
        writer.Line("var " + item + " = " + value + "[" + index + "];");
        CheckElement(writer, type, item, fieldName, constraint, "writer.BytesWritten");
        WriteElement(writer, type, item, Tlv + "TlvTag.Anonymous");
        writer.Close();
        writer.Line("writer.EndContainer();");
    }

    /// <summary>The static class generated field encoders write with.</summary>
    public const string FieldWriter = GeneratedCode + "TlvFieldWriter.";

    /// <summary>The static class generated decoders read scalar fields with.</summary>
    public const string FieldReader = GeneratedCode + "TlvFieldReader.";

    /// <summary>
    /// Statements that write a present, non-null value into <c>destination</c> at <c>at</c> with
    /// <c>TlvFieldWriter</c>, advancing <c>at</c>: the inside of an <c>EncodeTlvFields</c> method.
    /// </summary>
    /// <param name="writer">Where to write the code.</param>
    /// <param name="type">The element type.</param>
    /// <param name="isList">The value is a list of the element type.</param>
    /// <param name="value">Expression of the value (never null).</param>
    /// <param name="tag">The context tag number as C# text.</param>
    /// <param name="fieldName">Name for errors.</param>
    /// <param name="constraint">Constraints to check before writing.</param>
    /// <param name="unique">A suffix that keeps locals unique.</param>
    public static void WriteField(CodeWriter writer, MappedType type, bool isList, string value, string tag, string fieldName, Constraint constraint, string unique)
    {
        if (!isList)
        {
            CheckElement(writer, type, value, fieldName, constraint, "at");
            WriteFieldElement(writer, type, value, tag);
            return;
        }

        // As in Write: the count read once and an indexed loop, so encoding does not allocate.
        var count = "count" + unique;
        writer.Line("var " + count + " = " + value + ".Count;");
        CheckCount(writer, count, fieldName, constraint, "at");
        writer.Line("at = " + FieldWriter + "StartArray(destination, at, " + tag + ");");
        var item = "item" + unique;
        var index = "index" + unique;
        writer.Block("for (var " + index + " = 0; " + index + " < " + count + "; " + index + "++)");
        writer.Line("var " + item + " = " + value + "[" + index + "];");
        CheckElement(writer, type, item, fieldName, constraint, "at");
        WriteFieldElement(writer, type, item, FieldWriter + "Anonymous");
        writer.Close();
        writer.Line("at = " + FieldWriter + "EndContainer(destination, at);");
    }

    /// <summary>The element type a field's value has on the wire, for <c>TlvReader.TryReadContext</c>.</summary>
    /// <param name="type">The element type.</param>
    /// <param name="isList">The value is a list of the element type.</param>
    public static string WireElementType(MappedType type, bool isList) => ElementType + (isList ? "Array" : type.Wire switch
    {
        WireKind.SignedInteger => "SignedInteger",
        WireKind.Boolean => "Boolean",
        WireKind.Single => "Float",
        WireKind.Double => "Double",
        WireKind.String => "Utf8String",
        WireKind.Bytes => "ByteString",
        WireKind.Struct => "Structure",
        _ => "UnsignedInteger",
    });

    /// <summary>Statements that read the element the reader is on (not null) and assign it to <paramref name="target"/>.</summary>
    /// <param name="writer">Where to write the code.</param>
    /// <param name="type">The element type.</param>
    /// <param name="isList">The value is a list of the element type.</param>
    /// <param name="target">The variable to assign.</param>
    /// <param name="fieldName">Name for errors.</param>
    /// <param name="constraint">Constraints to check after reading.</param>
    /// <param name="unique">A suffix that keeps locals unique.</param>
    /// <param name="wrapperType">When set, the value is assigned as <c>new wrapperType(value)</c> (an <c>Optional</c>).</param>
    /// <param name="typeChecked">
    /// The reader is known to be on an element of <see cref="WireElementType"/> (a matched <c>TryReadContext</c>),
    /// so the check that names the field is left out; the getters still check the type.
    /// </param>
    public static void Read(CodeWriter writer, MappedType type, bool isList, string target, string fieldName, Constraint constraint, string unique, string? wrapperType = null, bool typeChecked = false)
    {
        string Assign(string value) => target + " = " + (wrapperType is null ? value : "new " + wrapperType + "(" + value + ")") + ";";

        var name = Literals.String(fieldName);
        if (!isList)
        {
            var local = "value" + unique;
            ReadElement(writer, type, local, name, typeChecked);
            CheckElement(writer, type, local, fieldName, constraint, "reader.ElementOffset");
            writer.Line(Assign(local));
            return;
        }

        var list = "list" + unique;
        var element = "element" + unique;
        if (!typeChecked)
        {
            writer.Line("reader.ExpectType(" + ElementType + "Array, " + name + ");");
        }

        writer.Line("var " + list + " = new global::System.Collections.Generic.List<" + type.CSharpType + ">();");
        writer.Block("while (reader.Read() && reader.ElementType != " + ElementType + "EndOfContainer)");
        if (constraint.MaxLength is { } max)
        {
            writer.Block("if (" + list + ".Count >= " + max.ToString(CultureInfo.InvariantCulture) + ")");
            writer.Line("throw " + Tlv + "TlvException.TooManyEntries(" + name + ", " + max.ToString(CultureInfo.InvariantCulture) + ", reader.ElementOffset);");
            writer.Close();
            writer.Line();
        }

        ReadElement(writer, type, element, name, typeChecked: false);
        CheckElement(writer, type, element, fieldName, constraint, "reader.ElementOffset");
        writer.Line(list + ".Add(" + element + ");");
        writer.Close();
        writer.Line();
        if (constraint.MinLength is { } min && min > 0)
        {
            writer.Block("if (" + list + ".Count < " + min.ToString(CultureInfo.InvariantCulture) + ")");
            writer.Line("throw " + Tlv + "TlvException.ConstraintViolation(" + name + ", " + Literals.String("fewer than " + min.ToString(CultureInfo.InvariantCulture) + " entries") + ", reader.ElementOffset);");
            writer.Close();
            writer.Line();
        }

        writer.Line(Assign(list));
    }

    private static void WriteElement(CodeWriter writer, MappedType type, string value, string tag)
    {
        switch (type.Wire)
        {
            case WireKind.UnsignedInteger:
                writer.Line("writer.WriteUnsignedInteger(" + tag + ", " + value + ");");
                break;
            case WireKind.SignedInteger:
                writer.Line("writer.WriteSignedInteger(" + tag + ", " + value + ");");
                break;
            case WireKind.Enum:
            case WireKind.Bitmap:
                writer.Line("writer.WriteUnsignedInteger(" + tag + ", (" + type.IntegerType + ")" + value + ");");
                break;
            case WireKind.UnsignedWrapper:
                writer.Line("writer.WriteUnsignedInteger(" + tag + ", " + value + ".Value);");
                break;
            case WireKind.Boolean:
                writer.Line("writer.WriteBoolean(" + tag + ", " + value + ");");
                break;
            case WireKind.Single:
                writer.Line("writer.WriteSingle(" + tag + ", " + value + ");");
                break;
            case WireKind.Double:
                writer.Line("writer.WriteDouble(" + tag + ", " + value + ");");
                break;
            case WireKind.String:
                writer.Line("writer.WriteString(" + tag + ", " + value + ");");
                break;
            case WireKind.Bytes:
                writer.Line("writer.WriteOctetString(" + tag + ", " + value + ".Span);");
                break;
            case WireKind.Struct:
                writer.Line(value + ".Encode(ref writer, " + tag + ");");
                break;
        }
    }

    private static void WriteFieldElement(CodeWriter writer, MappedType type, string value, string tag)
    {
        string Call(string method, string argument) =>
            "at = " + FieldWriter + method + "(destination, at, " + tag + ", " + argument + ");";
        switch (type.Wire)
        {
            case WireKind.UnsignedInteger:
                writer.Line(Call("WriteUnsigned", value));
                break;
            case WireKind.SignedInteger:
                writer.Line(Call("WriteSigned", value));
                break;
            case WireKind.Enum:
            case WireKind.Bitmap:
                writer.Line(Call("WriteUnsigned", "(" + type.IntegerType + ")" + value));
                break;
            case WireKind.UnsignedWrapper:
                writer.Line(Call("WriteUnsigned", value + ".Value"));
                break;
            case WireKind.Boolean:
                writer.Line(Call("WriteBoolean", value));
                break;
            case WireKind.Single:
                writer.Line(Call("WriteSingle", value));
                break;
            case WireKind.Double:
                writer.Line(Call("WriteDouble", value));
                break;
            case WireKind.String:
                writer.Line(Call("WriteString", value));
                break;
            case WireKind.Bytes:
                writer.Line(Call("WriteOctetString", value + ".Span"));
                break;
            case WireKind.Struct:
                writer.Line("at = " + FieldWriter + "StartStructure(destination, at, " + tag + ");");
                writer.Line("at = " + value + ".EncodeTlvFields(destination, at);");
                writer.Line("at = " + FieldWriter + "EndContainer(destination, at);");
                break;
        }
    }

    private static void ReadElement(CodeWriter writer, MappedType type, string local, string name, bool typeChecked)
    {
        void Expect(string elementType)
        {
            if (!typeChecked)
            {
                writer.Line("reader.ExpectType(" + ElementType + elementType + ", " + name + ");");
            }
        }

        switch (type.Wire)
        {
            case WireKind.UnsignedInteger:
                Expect("UnsignedInteger");
                writer.Line("var " + local + " = reader." + type.ReaderGetter + "();");
                break;
            case WireKind.SignedInteger:
                Expect("SignedInteger");
                writer.Line("var " + local + " = reader." + type.ReaderGetter + "();");
                break;
            case WireKind.Enum:
            case WireKind.Bitmap:
                Expect("UnsignedInteger");
                writer.Line("var " + local + " = (" + type.CSharpType + ")reader." + type.ReaderGetter + "();");
                break;
            case WireKind.UnsignedWrapper:
                Expect("UnsignedInteger");
                writer.Line("var " + local + " = new " + type.CSharpType + "(reader." + type.ReaderGetter + "());");
                break;
            case WireKind.Boolean:
                Expect("Boolean");
                writer.Line("var " + local + " = reader.GetBoolean();");
                break;
            case WireKind.Single:
                Expect("Float");
                writer.Line("var " + local + " = reader.GetSingle();");
                break;
            case WireKind.Double:
                Expect("Double");
                writer.Line("var " + local + " = reader.GetDouble();");
                break;
            case WireKind.String:
                Expect("Utf8String");
                writer.Line("var " + local + " = reader.GetString();");
                break;
            case WireKind.Bytes:
                Expect("ByteString");
                writer.Line("var " + local + " = new global::System.ReadOnlyMemory<byte>(reader.GetOctetStringArray());");
                break;
            case WireKind.Struct:
                Expect("Structure");
                writer.Line("var " + local + " = " + type.CSharpType + ".Decode(ref reader);");
                break;
        }
    }

    private static void CheckCount(CodeWriter writer, string count, string fieldName, Constraint constraint, string offset)
    {
        if (constraint.MinLength is { } min && min > 0)
        {
            Violation(writer, count + " < " + min.ToString(CultureInfo.InvariantCulture), fieldName, "fewer than " + min.ToString(CultureInfo.InvariantCulture) + " entries", offset);
        }

        if (constraint.MaxLength is { } max)
        {
            writer.Block("if (" + count + " > " + max.ToString(CultureInfo.InvariantCulture) + ")");
            writer.Line("throw " + Tlv + "TlvException.TooManyEntries(" + Literals.String(fieldName) + ", " + max.ToString(CultureInfo.InvariantCulture) + ", " + offset + ");");
            writer.Close();
            writer.Line();
        }
    }

    private static void CheckElement(CodeWriter writer, MappedType type, string value, string fieldName, Constraint constraint, string offset)
    {
        switch (type.Wire)
        {
            case WireKind.String:
                CheckLength(writer, "global::System.Text.Encoding.UTF8.GetByteCount(" + value + ")", fieldName, constraint, offset, "bytes");
                return;
            case WireKind.Bytes:
                CheckLength(writer, value + ".Length", fieldName, constraint, offset, "bytes");
                return;
        }

        if (!type.IsNumeric)
        {
            return;
        }

        var number = type.Wire == WireKind.UnsignedWrapper ? value + ".Value" : value;
        var (min, max) = CheckedRange(type, constraint);

        // Only a bound strictly inside the C# type's range can fail; one at or beyond its edge is always met,
        // and comparing against it would be a constant comparison (CS0652).
        if (min is { } low && (type.TypeMin is null || (low > type.TypeMin && low <= type.TypeMax)))
        {
            Violation(writer, number + " < " + Number(low), fieldName, "below the minimum " + Number(low), offset);
        }

        if (max is { } high && (type.TypeMax is null || (high < type.TypeMax && high >= type.TypeMin)))
        {
            Violation(writer, number + " > " + Number(high), fieldName, "above the maximum " + Number(high), offset);
        }
    }

    private static void CheckLength(CodeWriter writer, string length, string fieldName, Constraint constraint, string offset, string unit)
    {
        if (constraint.MinLength is { } min && min > 0)
        {
            Violation(writer, length + " < " + min.ToString(CultureInfo.InvariantCulture), fieldName, "shorter than " + min.ToString(CultureInfo.InvariantCulture) + " " + unit, offset);
        }

        if (constraint.MaxLength is { } max)
        {
            Violation(writer, length + " > " + max.ToString(CultureInfo.InvariantCulture), fieldName, "longer than " + max.ToString(CultureInfo.InvariantCulture) + " " + unit, offset);
        }
    }

    private static void Violation(CodeWriter writer, string condition, string fieldName, string detail, string offset)
    {
        writer.Block("if (" + condition + ")");
        writer.Line("throw " + Tlv + "TlvException.ConstraintViolation(" + Literals.String(fieldName) + ", " + Literals.String(detail) + ", " + offset + ");");
        writer.Close();
        writer.Line();
    }

    /// <summary>The range a numeric value is checked against: the definition's min/max within the Matter type's range.</summary>
    /// <param name="type">The element type.</param>
    /// <param name="constraint">The field's constraints.</param>
    public static (decimal? Min, decimal? Max) CheckedRange(MappedType type, Constraint constraint) =>
        (Max(constraint.Min, type.WireMin), Min(constraint.Max, type.WireMax));

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The larger of two bounds, either of which may be absent.</summary>
    public static decimal? Max(decimal? declared, decimal? wire) =>
        declared is null ? wire : wire is null ? declared : System.Math.Max(declared.Value, wire.Value);

    /// <summary>The smaller of two bounds, either of which may be absent.</summary>
    public static decimal? Min(decimal? declared, decimal? wire) =>
        declared is null ? wire : wire is null ? declared : System.Math.Min(declared.Value, wire.Value);
}
