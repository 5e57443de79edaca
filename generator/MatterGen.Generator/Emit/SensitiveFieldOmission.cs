using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace MatterGen.Generator.Emit;

/// <summary>
/// Fabric-sensitive fields of a fabric-scoped struct (Core Specification 7.13.6 and 8.4.3.2): when a server
/// reports another fabric's entry it leaves them all out, so that entry arrives with its FabricIndex and the
/// non-sensitive fields only. A record of such a struct gets a <c>FabricSensitiveFieldsOmitted</c> flag: its
/// decoder accepts an entry without every sensitive field (and sets the flag) instead of reporting a missing
/// field, and its encoder leaves them out when the flag is set, so such an entry round-trips unchanged. An entry
/// with some sensitive fields but not every mandatory one is still malformed.
/// </summary>
internal static class SensitiveFieldOmission
{
    /// <summary>The flag's property name (kept out of the field names of every record).</summary>
    public const string Flag = "FabricSensitiveFieldsOmitted";

    /// <summary>True when the record needs the flag: a fabric-scoped struct with a fabric-sensitive field decoding must see.</summary>
    public static bool Applies(RecordSpec spec, List<FieldPlan> fields) =>
        spec.AddFabricIndex && fields.Any(f => f.Field.IsFabricSensitive && f.IsTracked);

    /// <summary>True for a field the flag leaves out.</summary>
    public static bool Omits(bool applies, FieldPlan field) => applies && field.Field.IsFabricSensitive;

    /// <summary>Writes the flag's property.</summary>
    public static void EmitProperty(CodeWriter writer)
    {
        writer.Line("/// <summary>");
        writer.Line("/// True for another fabric's entry as a server reports it: its fabric-sensitive fields are left out, and those");
        writer.Line("/// properties hold no data (mandatory ones their type's default) and equality ignores them. Encoding leaves them out too.");
        writer.Line("/// </summary>");
        writer.Line("public bool " + Flag + " { get; init; }");
        writer.Line();
    }

    /// <summary>An expression that is true when the decoder saw none of the fabric-sensitive fields.</summary>
    public static string NoneSeen(List<FieldPlan> fields)
    {
        var seen = new List<string>();
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            if (!field.Field.IsFabricSensitive)
            {
                continue;
            }

            var unique = i.ToString(CultureInfo.InvariantCulture);
            seen.Add(field.Shape switch
            {
                FieldShape.Optional => "field" + unique + " is not null",
                FieldShape.NullableOptional => "field" + unique + ".HasValue",
                _ => "has" + unique,
            });
        }

        return "!(" + string.Join(" || ", seen) + ")";
    }
}
