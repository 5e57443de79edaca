using MatterGen.Generator.Model;

namespace MatterGen.Generator.Planning;

/// <summary>How a field may appear: mandatory, nullable, optional, or optional and nullable.</summary>
internal enum FieldShape
{
    /// <summary>Always present, never null: <c>T</c>.</summary>
    Mandatory,

    /// <summary>Always present, may be null: <c>T?</c>, null is a TLV null.</summary>
    Nullable,

    /// <summary>May be absent, never null: <c>T?</c>, null means absent.</summary>
    Optional,

    /// <summary>May be absent or null: <c>Optional&lt;T?&gt;</c>.</summary>
    NullableOptional,
}

/// <summary>A field with the C# name and type chosen for it.</summary>
/// <param name="Field">The field.</param>
/// <param name="PropertyName">The property's name, unique in its record.</param>
/// <param name="Type">The element type.</param>
/// <param name="IsDeprecated">Deprecated in the specification.</param>
/// <param name="Index">The field's position among its record's fields, which names the decoder's locals for it.</param>
internal sealed record FieldPlan(FieldModel Field, string PropertyName, MappedType Type, bool IsDeprecated, int Index)
{
    /// <summary>The context tag number as C# text.</summary>
    public string Tag => Field.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The <see cref="Index"/> as text, the suffix of the decoder's locals (<c>field3</c>, <c>has3</c>).</summary>
    public string Unique => Index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The decoder's local that holds the value read.</summary>
    public string Local => "field" + Unique;

    /// <summary>The decoder's local that says the field was read (for <see cref="IsTracked"/> fields).</summary>
    public string SeenFlag => "has" + Unique;

    /// <summary>The field is a list of <see cref="Type"/>.</summary>
    public bool IsList => Field.Type.IsList;

    /// <summary>
    /// A single integer, enum, bitmap, wrapped integer or boolean: a value one TLV element holds, which the decoder
    /// reads on its fast path (<c>ScalarFieldReads</c>) before its general loop.
    /// </summary>
    public bool IsScalar => !IsList && Type.Wire is WireKind.UnsignedInteger
        or WireKind.SignedInteger or WireKind.Enum or WireKind.Bitmap or WireKind.UnsignedWrapper or WireKind.Boolean;

    /// <summary>Mandatory, nullable, optional or both.</summary>
    public FieldShape Shape => (Field.IsNullable, Field.IsOptional) switch
    {
        (false, false) => FieldShape.Mandatory,
        (true, false) => FieldShape.Nullable,
        (false, true) => FieldShape.Optional,
        _ => FieldShape.NullableOptional,
    };

    /// <summary>Decoding must see the field (mandatory, or nullable but not optional).</summary>
    public bool IsTracked => Shape is FieldShape.Mandatory or FieldShape.Nullable;

    /// <summary>Equality must look inside the value: a list, a byte string, or an <c>Optional</c> that may hold one.</summary>
    public bool NeedsContentEquality => IsList || Type.Wire == WireKind.Bytes;

    /// <summary>The property's C# type.</summary>
    public string PropertyType => TypeText.Property(Type, IsList, Shape);

    /// <summary>True when the property's type is a value type (so <c>default</c> needs no <c>!</c>).</summary>
    public bool IsValueTypeProperty => Shape == FieldShape.NullableOptional || (!IsList && Type.IsValueType);
}

/// <summary>C# type text for values and properties.</summary>
internal static class TypeText
{
    /// <summary>The type of a present, non-null value: the element type or a read-only list of it.</summary>
    public static string Value(MappedType type, bool isList) =>
        isList ? "global::System.Collections.Generic.IReadOnlyList<" + type.CSharpType + ">" : type.CSharpType;

    /// <summary>The type of a property of the given shape.</summary>
    public static string Property(MappedType type, bool isList, FieldShape shape) => shape switch
    {
        FieldShape.Mandatory => Value(type, isList),
        FieldShape.NullableOptional => "global::MatterGen.DataModel.Optional<" + Value(type, isList) + "?>",
        _ => Value(type, isList) + "?",
    };
}
