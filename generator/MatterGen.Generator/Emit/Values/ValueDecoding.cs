using MatterGen.Generator.Model;
using MatterGen.Generator.Planning;
using static MatterGen.Generator.Emit.RuntimeNames;

namespace MatterGen.Generator.Emit.Values;

/// <summary>Writes the statements that decode one non-null value with a <c>TlvReader</c> and check it: an element, or a list of them.</summary>
internal static class ValueDecoding
{
    private const string Offset = "reader.ElementOffset";

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
        string Assign(string value) => $"{target} = {(wrapperType is null ? value : $"new {wrapperType}({value})")};";

        var name = Literals.String(fieldName);
        if (!isList)
        {
            var local = "value" + unique;
            ReadElement(writer, type, local, name, typeChecked);
            ValueChecks.Emit(writer, ValueChecks.Element(type, local, fieldName, constraint, Offset));
            writer.Line(Assign(local));
            return;
        }

        var list = "list" + unique;
        var element = "element" + unique;
        if (!typeChecked)
        {
            writer.Line($"reader.ExpectType({ElementType}Array, {name});");
        }

        writer.Lines($$"""
            var {{list}} = new global::System.Collections.Generic.List<{{type.CSharpType}}>();
            while (reader.Read() && reader.ElementType != {{ElementType}}EndOfContainer)
            {
            """);
        writer.Indent();
        ValueChecks.Emit(writer, [ValueChecks.TooMany(list + ".Count", ">=", fieldName, constraint, Offset)]);
        ReadElement(writer, type, element, name, typeChecked: false);
        ValueChecks.Emit(writer, ValueChecks.Element(type, element, fieldName, constraint, Offset));
        writer.Line($"{list}.Add({element});");
        writer.Close();
        writer.Line();
        ValueChecks.Emit(writer, [ValueChecks.TooFew(list + ".Count", fieldName, constraint, Offset)]);
        writer.Line(Assign(list));
    }

    private static void ReadElement(CodeWriter writer, MappedType type, string local, string name, bool typeChecked)
    {
        if (!typeChecked)
        {
            writer.Line($"reader.ExpectType({WireElementType(type, isList: false)}, {name});");
        }

        writer.Line($"var {local} = {ElementValue(type)};");
    }

    // The reader's getter for each wire kind, converted to the element's C# type.
    private static string ElementValue(MappedType type) => type.Wire switch
    {
        WireKind.UnsignedInteger or WireKind.SignedInteger => $"reader.{type.ReaderGetter}()",
        WireKind.Enum or WireKind.Bitmap => $"({type.CSharpType})reader.{type.ReaderGetter}()",
        WireKind.UnsignedWrapper => $"new {type.CSharpType}(reader.{type.ReaderGetter}())",
        WireKind.Boolean => "reader.GetBoolean()",
        WireKind.Single => "reader.GetSingle()",
        WireKind.Double => "reader.GetDouble()",
        WireKind.String => "reader.GetString()",
        WireKind.Bytes => "new global::System.ReadOnlyMemory<byte>(reader.GetOctetStringArray())",
        _ => $"{type.CSharpType}.Decode(ref reader)",
    };
}
