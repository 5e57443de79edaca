using System.Collections.Generic;
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
    public static bool Applies(RecordSpec spec, IEnumerable<FieldPlan> fields) =>
        spec.AddFabricIndex && fields.Any(f => f.Field.IsFabricSensitive && f.IsTracked);

    /// <summary>Writes the flag's property.</summary>
    public static void EmitProperty(CodeWriter writer) =>
        writer.Lines($$"""
            /// <summary>
            /// True for another fabric's entry as a server reports it: its fabric-sensitive fields are left out, and those
            /// properties hold no data (mandatory ones their type's default) and equality ignores them. Encoding leaves them out too.
            /// </summary>
            public bool {{Flag}} { get; init; }

            """);

    /// <summary>An expression that is true when the decoder saw none of the fabric-sensitive fields.</summary>
    public static string NoneSeen(RecordPlan plan) =>
        "!(" + string.Join(" || ", plan.Fields.Where(field => field.Field.IsFabricSensitive).Select(RecordDecodeEmitter.Seen)) + ")";
}
