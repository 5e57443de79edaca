using System;
using System.Collections.Generic;
using MatterGen.Generator.Model;
using MatterGen.Generator.Naming;

namespace MatterGen.Generator.Emit;

/// <summary>
/// Maps Matter type names to C#: base types by table (Matter Core Specification 7.18), named enums,
/// bitmaps and structs to the types emitted for them (nested in the cluster class when local, in the globals
/// class when global).
/// </summary>
internal sealed class TypeMapper
{
    private static readonly Dictionary<string, MappedType> BaseTypes = CreateBaseTypes();

    private readonly Dictionary<string, (DataTypeModel Type, string CSharp)> named = new(StringComparer.Ordinal);

    /// <summary>A mapper for code inside one cluster: local names first, then global ones.</summary>
    /// <param name="localTypes">The cluster's types with the C# names chosen for them.</param>
    /// <param name="globalTypes">Global types the cluster uses.</param>
    /// <param name="rootNamespace">Namespace of the generated code.</param>
    public TypeMapper(IEnumerable<(DataTypeModel Type, string CSharp)> localTypes, IEnumerable<DataTypeModel> globalTypes, string rootNamespace)
    {
        foreach (var type in globalTypes)
        {
            named[type.Name] = (type, GlobalTypeReference(rootNamespace, type.Name));
        }

        foreach (var local in localTypes)
        {
            named[local.Type.Name] = local;
        }
    }

    /// <summary>The fully qualified C# name of a global type.</summary>
    public static string GlobalTypeReference(string rootNamespace, string typeName) =>
        "global::" + rootNamespace + "." + GlobalsEmitter.ClassName + "." + GlobalTypeName(typeName);

    /// <summary>The C# name of a global type inside the globals class; context-free so every file agrees on it.</summary>
    public static string GlobalTypeName(string typeName)
    {
        var identifier = Identifier.FromName(typeName);
        return identifier == GlobalsEmitter.ClassName || System.Array.IndexOf(NameScope.ObjectMembers, identifier) >= 0 ? identifier + "Type" : identifier;
    }

    /// <summary>The C# type of an element type name, or null when the name is unknown.</summary>
    public MappedType? Map(string typeName)
    {
        if (named.TryGetValue(typeName, out var entry))
        {
            return FromNamed(entry.Type, entry.CSharp);
        }

        return BaseTypes.TryGetValue(typeName, out var baseType) ? baseType : null;
    }

    /// <summary>The integer type and reader call for an enum or bitmap base type (<c>enum16</c> → <c>ushort</c>).</summary>
    public static MappedType UnderlyingOf(DataTypeModel type) =>
        BaseTypes.TryGetValue(type.BaseType, out var mapped) && mapped.Wire == WireKind.UnsignedInteger
            ? mapped
            : BaseTypes[type.Kind == DataTypeKind.Bitmap ? "bitmap8" : "enum8"];

    private static MappedType FromNamed(DataTypeModel type, string cSharp)
    {
        if (type.Kind == DataTypeKind.Struct)
        {
            return new MappedType(cSharp, WireKind.Struct, IsValueType: false);
        }

        var underlying = UnderlyingOf(type);
        return underlying with
        {
            CSharpType = cSharp,
            Wire = type.Kind == DataTypeKind.Enum ? WireKind.Enum : WireKind.Bitmap,
        };
    }

    private static Dictionary<string, MappedType> CreateBaseTypes()
    {
        var map = new Dictionary<string, MappedType>(StringComparer.OrdinalIgnoreCase);

        void Unsigned(string cs, string getter, ulong typeMax, int wireBits, params string[] names)
        {
            var wireMax = wireBits == 64 ? ulong.MaxValue : (1UL << wireBits) - 1;
            foreach (var name in names)
            {
                map[name] = new MappedType(cs, WireKind.UnsignedInteger, true, cs, getter, 0m, wireMax, 0m, typeMax);
            }
        }

        void Signed(string cs, string getter, long typeMin, long typeMax, int wireBits, params string[] names)
        {
            var wireMax = wireBits == 64 ? long.MaxValue : (1L << (wireBits - 1)) - 1;
            var wireMin = wireBits == 64 ? long.MinValue : -(1L << (wireBits - 1));
            foreach (var name in names)
            {
                map[name] = new MappedType(cs, WireKind.SignedInteger, true, cs, getter, wireMin, wireMax, typeMin, typeMax);
            }
        }

        void Wrapper(string cs, string integer, string getter, ulong max, string name) =>
            map[name] = new MappedType(cs, WireKind.UnsignedWrapper, true, integer, getter, 0m, max, 0m, max);

        Unsigned("byte", "GetByte", byte.MaxValue, 8, "int8u", "percent", "fabric_idx", "action_id", "status", "priority", "namespace", "tag", "enum8", "bitmap8");
        Unsigned("ushort", "GetUInt16", ushort.MaxValue, 16, "int16u", "percent100ths", "vendor_id", "group_id", "endpoint_no", "entry_idx", "enum16", "bitmap16");
        Unsigned("uint", "GetUInt32", uint.MaxValue, 24, "int24u");
        Unsigned("uint", "GetUInt32", uint.MaxValue, 32, "int32u", "bitmap32", "cluster_id", "attrib_id", "field_id", "event_id", "command_id", "devtype_id", "trans_id", "data_ver", "semtag", "tod", "date");
        Unsigned("ulong", "GetUInt64", ulong.MaxValue, 40, "int40u");
        Unsigned("ulong", "GetUInt64", ulong.MaxValue, 48, "int48u");
        Unsigned("ulong", "GetUInt64", ulong.MaxValue, 56, "int56u");
        Unsigned("ulong", "GetUInt64", ulong.MaxValue, 64, "int64u", "bitmap64", "posix_ms", "systime_us", "systime_ms", "node_id", "fabric_id", "event_no");
        Signed("sbyte", "GetSByte", sbyte.MinValue, sbyte.MaxValue, 8, "int8s");
        Signed("short", "GetInt16", short.MinValue, short.MaxValue, 16, "int16s", "temperature");
        Signed("int", "GetInt32", int.MinValue, int.MaxValue, 24, "int24s");
        Signed("int", "GetInt32", int.MinValue, int.MaxValue, 32, "int32s");
        Signed("long", "GetInt64", long.MinValue, long.MaxValue, 40, "int40s");
        Signed("long", "GetInt64", long.MinValue, long.MaxValue, 48, "int48s");
        Signed("long", "GetInt64", long.MinValue, long.MaxValue, 56, "int56s");
        Signed("long", "GetInt64", long.MinValue, long.MaxValue, 64, "int64s", "amperage_ma", "voltage_mv", "power_mw", "energy_mwh", "power_mva", "power_mvar", "energy_mvah", "energy_mvarh", "money");
        Wrapper("global::MatterGen.DataModel.EpochSeconds", "uint", "GetUInt32", uint.MaxValue, "epoch_s");
        Wrapper("global::MatterGen.DataModel.ElapsedSeconds", "uint", "GetUInt32", uint.MaxValue, "elapsed_s");
        Wrapper("global::MatterGen.DataModel.EpochMicroseconds", "ulong", "GetUInt64", ulong.MaxValue, "epoch_us");

        map["boolean"] = new MappedType("bool", WireKind.Boolean, true);
        map["single"] = new MappedType("float", WireKind.Single, true);
        map["double"] = new MappedType("double", WireKind.Double, true);
        foreach (var name in new[] { "char_string", "long_char_string" })
        {
            map[name] = new MappedType("string", WireKind.String, false);
        }

        foreach (var name in new[] { "octet_string", "long_octet_string", "ipadr", "ipv4adr", "ipv6adr", "ipv6pre", "hwadr" })
        {
            map[name] = new MappedType("global::System.ReadOnlyMemory<byte>", WireKind.Bytes, true);
        }

        return map;
    }
}
