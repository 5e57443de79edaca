using System.Collections.Generic;
using System.Linq;

namespace MatterGen.Generator.Planning;

/// <summary>
/// Fabric-sensitive fields of a fabric-scoped struct (Core Specification 7.13.6 and 8.4.3.2): when a server
/// reports another fabric's entry it leaves them all out, so that entry arrives with its FabricIndex and the
/// non-sensitive fields only. A record of such a struct gets a <c>FabricSensitiveFieldsOmitted</c> flag: its
/// decoder accepts an entry without every sensitive field (and sets the flag) instead of reporting a missing
/// field, and its encoder leaves them out when the flag is set, so such an entry round-trips unchanged. An entry
/// with some sensitive fields but not every mandatory one is still malformed. This is the decision (which record
/// gets the flag, and its name); the emitters print the flag, the decoder's check and the encoder's skip.
/// </summary>
internal static class SensitiveFieldOmission
{
    /// <summary>The flag's property name (kept out of the field names of every record).</summary>
    public const string Flag = "FabricSensitiveFieldsOmitted";

    /// <summary>True when the record needs the flag: a fabric-scoped struct with a fabric-sensitive field decoding must see.</summary>
    public static bool Applies(RecordSpec spec, IEnumerable<FieldPlan> fields) =>
        spec.AddFabricIndex && spec.IsStruct && fields.Any(f => f.Field.IsFabricSensitive && f.IsTracked);
}
