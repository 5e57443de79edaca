using System;
using System.Linq;
using MatterGen.Generator.Model;

namespace MatterGen.Generator.Specialization;

/// <summary>What kind of value an attribute holds, as far as checking defaults and constraints needs.</summary>
internal enum ValueKind
{
    /// <summary>An integer, enum or bitmap.</summary>
    Integer,

    /// <summary>A boolean.</summary>
    Boolean,

    /// <summary>A single or double.</summary>
    Float,

    /// <summary>A character string (length in UTF-8 bytes).</summary>
    CharString,

    /// <summary>An octet string (length in bytes).</summary>
    OctetString,

    /// <summary>A list: takes a length (count) constraint, no default.</summary>
    List,

    /// <summary>A struct or a type this checker does not know: no default, no constraint.</summary>
    Other,
}

/// <summary>
/// The values an attribute's type admits: its kind, its numeric range (after the null value a nullable integer
/// reserves, Matter Core Specification 7.18.1), and for enums and bitmaps the declared items.
/// </summary>
internal sealed class ValueDomain
{
    private ValueDomain(ValueKind kind, string typeName, decimal min, decimal max, DataTypeModel? namedType)
    {
        Kind = kind;
        TypeName = typeName;
        Min = min;
        Max = max;
        NamedType = namedType;
    }

    /// <summary>The kind of value.</summary>
    public ValueKind Kind { get; }

    /// <summary>The type as written, for messages.</summary>
    public string TypeName { get; }

    /// <summary>Smallest value (numbers).</summary>
    public decimal Min { get; }

    /// <summary>Largest value (numbers).</summary>
    public decimal Max { get; }

    /// <summary>The enum or bitmap the attribute uses, if it uses one.</summary>
    public DataTypeModel? NamedType { get; }

    /// <summary>True for a numeric kind (integer, enum, bitmap, float).</summary>
    public bool IsNumeric => Kind is ValueKind.Integer or ValueKind.Float;

    /// <summary>True for kinds with a length (strings and lists).</summary>
    public bool HasLength => Kind is ValueKind.CharString or ValueKind.OctetString or ValueKind.List;

    /// <summary>The domain of an attribute, resolving named enums and bitmaps through the unit's types.</summary>
    public static ValueDomain For(AttributeModel attribute, ClusterUnit unit)
    {
        var type = attribute.Type;
        if (type.IsList)
        {
            return new ValueDomain(ValueKind.List, type.ToString(), 0, 0, null);
        }

        var named = Find(unit.LocalTypes, type.Name) ?? Find(unit.GlobalTypes, type.Name);
        var baseName = named is null ? type.Name : named.BaseType;
        if (named is { Kind: DataTypeKind.Struct })
        {
            return new ValueDomain(ValueKind.Other, type.Name, 0, 0, named);
        }

        var baseType = BaseTypeTable.TryGetIgnoringCase(baseName, out var found) ? found : null;
        if (baseType is { IsInteger: true })
        {
            var (min, max) = baseType.ValueRange(attribute.IsNullable);
            return new ValueDomain(ValueKind.Integer, type.Name, min, max, named);
        }

        var kind = baseType?.Encoding switch
        {
            BaseTypeEncoding.Boolean => ValueKind.Boolean,
            BaseTypeEncoding.Float or BaseTypeEncoding.Double => ValueKind.Float,
            BaseTypeEncoding.CharString => ValueKind.CharString,
            BaseTypeEncoding.OctetString => ValueKind.OctetString,
            _ => ValueKind.Other,
        };
        return kind == ValueKind.Float
            ? new ValueDomain(kind, type.Name, decimal.MinValue, decimal.MaxValue, null)
            : new ValueDomain(kind, type.Name, 0, 0, null);
    }

    private static DataTypeModel? Find(EquatableArray<DataTypeModel> types, string name) =>
        types.FirstOrDefault(candidate => string.Equals(candidate.Name, name, StringComparison.Ordinal))
        ?? types.FirstOrDefault(candidate => string.Equals(candidate.Name, name, StringComparison.OrdinalIgnoreCase));
}
