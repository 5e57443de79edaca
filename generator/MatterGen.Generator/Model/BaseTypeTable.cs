using System;
using System.Collections.Generic;

namespace MatterGen.Generator.Model;

/// <summary>
/// The base data types of the Matter data model (Matter Core Specification 7.18), as named in the definition
/// files. Hard-coded so the generator needs no <c>chip-types.xml</c>, and because codecs need each type's wire
/// kind. The one table resolution, emission and specialization all read.
/// </summary>
internal static class BaseTypeTable
{
    private const string Bytes = "global::System.ReadOnlyMemory<byte>";

    private static readonly Dictionary<string, MatterBaseType> Exact = Build();

    private static readonly Dictionary<string, MatterBaseType> IgnoringCase = new(Exact, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every base type, keyed by name.</summary>
    public static IReadOnlyDictionary<string, MatterBaseType> All => Exact;

    /// <summary>The base type of that exact name.</summary>
    public static bool TryGetExact(string name, out MatterBaseType type) => Exact.TryGetValue(name, out type!);

    /// <summary>The base type of that name, ignoring case.</summary>
    public static bool TryGetIgnoringCase(string name, out MatterBaseType type) => IgnoringCase.TryGetValue(name, out type!);

    private static Dictionary<string, MatterBaseType> Build()
    {
        var types = new Dictionary<string, MatterBaseType>(StringComparer.Ordinal);
        void Add(MatterBaseType type) => types.Add(type.Name, type);
        void Unsigned(int width, params string[] names)
        {
            foreach (var name in names)
            {
                Add(UnsignedInteger(name, width));
            }
        }

        void Signed(int width, params string[] names)
        {
            foreach (var name in names)
            {
                Add(SignedInteger(name, width));
            }
        }

        for (var width = 1; width <= 8; width++)
        {
            Unsigned(width, "int" + (width * 8) + "u");
            Signed(width, "int" + (width * 8) + "s");
        }

        Add(new MatterBaseType("boolean", BaseTypeEncoding.Boolean, 1, "bool"));
        Add(new MatterBaseType("single", BaseTypeEncoding.Float, 4, "float"));
        Add(new MatterBaseType("double", BaseTypeEncoding.Double, 8, "double"));
        Add(new MatterBaseType("octet_string", BaseTypeEncoding.OctetString, 255, Bytes));
        Add(new MatterBaseType("long_octet_string", BaseTypeEncoding.OctetString, 65535, Bytes));
        Add(new MatterBaseType("char_string", BaseTypeEncoding.CharString, 255, "string"));
        Add(new MatterBaseType("long_char_string", BaseTypeEncoding.CharString, 65535, "string"));

        Unsigned(1, "bitmap8", "enum8", "priority", "status", "fabric_idx", "action_id", "namespace", "tag");
        Unsigned(2, "bitmap16", "enum16", "group_id", "endpoint_no", "vendor_id", "entry_idx");
        Unsigned(4, "bitmap32", "tod", "date", "devtype_id", "cluster_id", "attrib_id", "field_id",
            "event_id", "command_id", "trans_id", "data_ver", "semtag");
        Unsigned(8, "bitmap64", "posix_ms", "systime_us", "systime_ms", "fabric_id", "node_id", "event_no", "subject_id");
        Signed(8, "amperage_ma", "voltage_mv", "power_mw", "energy_mwh", "power_mva", "power_mvar", "energy_mvah",
            "energy_mvarh", "money");

        // Types whose meaning bounds them more tightly than their width.
        Add(UnsignedInteger("percent", 1) with { ValueMax = 100 });
        Add(UnsignedInteger("percent100ths", 2) with { ValueMax = 10000 });
        Add(SignedInteger("temperature", 2) with { ValueMin = -27315 });

        // Times the runtime gives a type of their own.
        Add(UnsignedInteger("epoch_s", 4) with { CSharpType = "global::MatterGen.DataModel.EpochSeconds" });
        Add(UnsignedInteger("elapsed_s", 4) with { CSharpType = "global::MatterGen.DataModel.ElapsedSeconds" });
        Add(UnsignedInteger("epoch_us", 8) with { CSharpType = "global::MatterGen.DataModel.EpochMicroseconds" });

        // Addresses are octet strings of fixed or bounded length.
        Add(new MatterBaseType("ipadr", BaseTypeEncoding.OctetString, 16, Bytes));
        Add(new MatterBaseType("ipv4adr", BaseTypeEncoding.OctetString, 4, Bytes));
        Add(new MatterBaseType("ipv6adr", BaseTypeEncoding.OctetString, 16, Bytes));
        Add(new MatterBaseType("ipv6pre", BaseTypeEncoding.OctetString, 17, Bytes));
        Add(new MatterBaseType("hwadr", BaseTypeEncoding.OctetString, 8, Bytes));
        return types;
    }

    // The smallest C# integer that holds the width: int24u travels as uint, int40u to int64u as ulong.
    private static MatterBaseType UnsignedInteger(string name, int width)
    {
        var (type, getter, typeMax) = width switch
        {
            1 => ("byte", "GetByte", (ulong)byte.MaxValue),
            2 => ("ushort", "GetUInt16", ushort.MaxValue),
            <= 4 => ("uint", "GetUInt32", uint.MaxValue),
            _ => ("ulong", "GetUInt64", ulong.MaxValue),
        };
        var wireMax = width == 8 ? ulong.MaxValue : (1UL << (width * 8)) - 1;
        return new MatterBaseType(name, BaseTypeEncoding.UnsignedInteger, width, type, type, getter, 0m, wireMax, 0m, typeMax);
    }

    private static MatterBaseType SignedInteger(string name, int width)
    {
        var (type, getter, typeMin, typeMax) = width switch
        {
            1 => ("sbyte", "GetSByte", (long)sbyte.MinValue, (long)sbyte.MaxValue),
            2 => ("short", "GetInt16", short.MinValue, short.MaxValue),
            <= 4 => ("int", "GetInt32", int.MinValue, int.MaxValue),
            _ => ("long", "GetInt64", long.MinValue, long.MaxValue),
        };
        var wireMin = width == 8 ? long.MinValue : -(1L << ((width * 8) - 1));
        var wireMax = width == 8 ? long.MaxValue : (1L << ((width * 8) - 1)) - 1;
        return new MatterBaseType(name, BaseTypeEncoding.SignedInteger, width, type, type, getter, wireMin, wireMax, typeMin, typeMax);
    }
}
