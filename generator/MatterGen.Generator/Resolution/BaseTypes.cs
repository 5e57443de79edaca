using System;
using System.Collections.Generic;

namespace MatterGen.Generator.Resolution;

/// <summary>How a base type travels in Matter TLV.</summary>
internal enum WireKind
{
    /// <summary>Unsigned integer of <see cref="BaseType.Width"/> bytes.</summary>
    UnsignedInteger,

    /// <summary>Signed (two's complement) integer of <see cref="BaseType.Width"/> bytes.</summary>
    SignedInteger,

    /// <summary>Boolean.</summary>
    Boolean,

    /// <summary>IEEE 754 single precision.</summary>
    Float,

    /// <summary>IEEE 754 double precision.</summary>
    Double,

    /// <summary>Octet string.</summary>
    OctetString,

    /// <summary>UTF-8 character string.</summary>
    CharString,
}

/// <summary>A Matter base data type: its name in the definitions, wire kind and width.</summary>
/// <param name="Name">Name as the definitions write it (<c>int16u</c>).</param>
/// <param name="Kind">How it is encoded.</param>
/// <param name="Width">Value width in bytes for numbers and booleans; for strings the longest length the type allows (0: unbounded by the type).</param>
internal sealed record BaseType(string Name, WireKind Kind, int Width);

/// <summary>
/// The base data types of the Matter data model (Matter Core Specification 7.18), as named in the definition
/// files. Hard-coded so the generator needs no <c>chip-types.xml</c>, and because codecs need each type's wire kind.
/// </summary>
internal static class BaseTypes
{
    private static readonly Dictionary<string, BaseType> Exact = Build();

    private static readonly Dictionary<string, BaseType> IgnoringCase = new(Exact, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every base type, keyed by name.</summary>
    public static IReadOnlyDictionary<string, BaseType> All => Exact;

    /// <summary>The base type of that exact name.</summary>
    public static bool TryGetExact(string name, out BaseType type) => Exact.TryGetValue(name, out type!);

    /// <summary>The base type of that name, ignoring case.</summary>
    public static bool TryGetIgnoringCase(string name, out BaseType type) => IgnoringCase.TryGetValue(name, out type!);

    private static Dictionary<string, BaseType> Build()
    {
        var types = new Dictionary<string, BaseType>(StringComparer.Ordinal);
        void Add(string name, WireKind kind, int width) => types.Add(name, new BaseType(name, kind, width));
        void Unsigned(int width, params string[] names)
        {
            foreach (var name in names)
            {
                Add(name, WireKind.UnsignedInteger, width);
            }
        }

        void Signed(int width, params string[] names)
        {
            foreach (var name in names)
            {
                Add(name, WireKind.SignedInteger, width);
            }
        }

        for (var width = 1; width <= 8; width++)
        {
            Unsigned(width, "int" + (width * 8) + "u");
            Signed(width, "int" + (width * 8) + "s");
        }

        Add("boolean", WireKind.Boolean, 1);
        Add("single", WireKind.Float, 4);
        Add("double", WireKind.Double, 8);
        Add("octet_string", WireKind.OctetString, 255);
        Add("long_octet_string", WireKind.OctetString, 65535);
        Add("char_string", WireKind.CharString, 255);
        Add("long_char_string", WireKind.CharString, 65535);

        Unsigned(1, "bitmap8", "enum8", "percent", "priority", "status", "fabric_idx", "action_id", "namespace", "tag");
        Unsigned(2, "bitmap16", "enum16", "percent100ths", "group_id", "endpoint_no", "vendor_id", "entry_idx");
        Unsigned(4, "bitmap32", "epoch_s", "elapsed_s", "tod", "date", "devtype_id", "cluster_id", "attrib_id", "field_id",
            "event_id", "command_id", "trans_id", "data_ver", "semtag");
        Unsigned(8, "bitmap64", "epoch_us", "posix_ms", "systime_us", "systime_ms", "fabric_id", "node_id", "event_no",
            "subject_id");
        Signed(2, "temperature");
        Signed(8, "amperage_ma", "voltage_mv", "power_mw", "energy_mwh", "power_mva", "power_mvar", "energy_mvah",
            "energy_mvarh", "money");

        // Addresses are octet strings of fixed or bounded length.
        Add("ipadr", WireKind.OctetString, 16);
        Add("ipv4adr", WireKind.OctetString, 4);
        Add("ipv6adr", WireKind.OctetString, 16);
        Add("ipv6pre", WireKind.OctetString, 17);
        Add("hwadr", WireKind.OctetString, 8);
        return types;
    }
}
