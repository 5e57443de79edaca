using System;
using System.Collections.Generic;
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
    // Integer base types: bits, signed, and the tighter range some semantic types state.
    private static readonly Dictionary<string, (int Bits, bool Signed, decimal? Min, decimal? Max)> Integers =
        new(StringComparer.OrdinalIgnoreCase)
        {
            ["int8u"] = (8, false, null, null), ["int16u"] = (16, false, null, null), ["int24u"] = (24, false, null, null),
            ["int32u"] = (32, false, null, null), ["int40u"] = (40, false, null, null), ["int48u"] = (48, false, null, null),
            ["int56u"] = (56, false, null, null), ["int64u"] = (64, false, null, null),
            ["int8s"] = (8, true, null, null), ["int16s"] = (16, true, null, null), ["int24s"] = (24, true, null, null),
            ["int32s"] = (32, true, null, null), ["int40s"] = (40, true, null, null), ["int48s"] = (48, true, null, null),
            ["int56s"] = (56, true, null, null), ["int64s"] = (64, true, null, null),
            ["enum8"] = (8, false, null, null), ["enum16"] = (16, false, null, null),
            ["bitmap8"] = (8, false, null, null), ["bitmap16"] = (16, false, null, null),
            ["bitmap32"] = (32, false, null, null), ["bitmap64"] = (64, false, null, null),
            ["percent"] = (8, false, null, 100), ["percent100ths"] = (16, false, null, 10000),
            ["temperature"] = (16, true, -27315, null),
            ["epoch_s"] = (32, false, null, null), ["epoch_us"] = (64, false, null, null), ["posix_ms"] = (64, false, null, null),
            ["systime_us"] = (64, false, null, null), ["systime_ms"] = (64, false, null, null), ["elapsed_s"] = (32, false, null, null),
            ["tod"] = (32, false, null, null), ["date"] = (32, false, null, null),
            ["power_mw"] = (64, true, null, null), ["power_mva"] = (64, true, null, null), ["power_mvar"] = (64, true, null, null),
            ["amperage_ma"] = (64, true, null, null), ["voltage_mv"] = (64, true, null, null), ["energy_mwh"] = (64, true, null, null),
            ["energy_mvah"] = (64, true, null, null), ["energy_mvarh"] = (64, true, null, null), ["money"] = (64, true, null, null),
            ["priority"] = (8, false, null, null), ["status"] = (8, false, null, null), ["action_id"] = (8, false, null, null),
            ["fabric_idx"] = (8, false, null, null), ["namespace"] = (8, false, null, null), ["tag"] = (8, false, null, null),
            ["group_id"] = (16, false, null, null), ["endpoint_no"] = (16, false, null, null), ["vendor_id"] = (16, false, null, null),
            ["entry_idx"] = (16, false, null, null),
            ["devtype_id"] = (32, false, null, null), ["cluster_id"] = (32, false, null, null), ["attrib_id"] = (32, false, null, null),
            ["field_id"] = (32, false, null, null), ["event_id"] = (32, false, null, null), ["command_id"] = (32, false, null, null),
            ["trans_id"] = (32, false, null, null), ["data_ver"] = (32, false, null, null), ["semtag"] = (32, false, null, null),
            ["fabric_id"] = (64, false, null, null), ["node_id"] = (64, false, null, null), ["event_no"] = (64, false, null, null),
        };

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

        if (Integers.TryGetValue(baseName, out var integer))
        {
            var (min, max) = RawRange(integer.Bits, integer.Signed);
            if (attribute.IsNullable)
            {
                // The all-ones (unsigned) or most negative (signed) value encodes null on the wire.
                if (integer.Signed)
                {
                    min += 1;
                }
                else
                {
                    max -= 1;
                }
            }

            min = integer.Min is { } semanticMin && semanticMin > min ? semanticMin : min;
            max = integer.Max is { } semanticMax && semanticMax < max ? semanticMax : max;
            return new ValueDomain(ValueKind.Integer, type.Name, min, max, named);
        }

        var kind = baseName.ToLowerInvariant() switch
        {
            "boolean" => ValueKind.Boolean,
            "single" or "double" => ValueKind.Float,
            "char_string" or "long_char_string" => ValueKind.CharString,
            "octet_string" or "long_octet_string" => ValueKind.OctetString,
            _ => ValueKind.Other,
        };
        return kind == ValueKind.Float
            ? new ValueDomain(kind, type.Name, decimal.MinValue, decimal.MaxValue, null)
            : new ValueDomain(kind, type.Name, 0, 0, null);
    }

    private static DataTypeModel? Find(EquatableArray<DataTypeModel> types, string name) =>
        types.FirstOrDefault(candidate => string.Equals(candidate.Name, name, StringComparison.Ordinal))
        ?? types.FirstOrDefault(candidate => string.Equals(candidate.Name, name, StringComparison.OrdinalIgnoreCase));

    private static (decimal Min, decimal Max) RawRange(int bits, bool signed)
    {
        // Doubling in decimal: a double's conversion to decimal keeps only 15 digits.
        var span = 1m;
        for (var i = 0; i < bits; i++)
        {
            span *= 2;
        }

        return signed ? (-span / 2, (span / 2) - 1) : (0, span - 1);
    }
}
