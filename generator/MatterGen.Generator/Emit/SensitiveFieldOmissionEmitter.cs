using System.Linq;
using MatterGen.Generator.Planning;

namespace MatterGen.Generator.Emit;

/// <summary>
/// Prints the <see cref="SensitiveFieldOmission.Flag"/> of a record whose plan has it
/// (<see cref="RecordPlan.OmitsSensitiveFields"/>): the flag's property and the decoder's test for it.
/// </summary>
internal static class SensitiveFieldOmissionEmitter
{
    /// <summary>Writes the flag's property.</summary>
    public static void EmitProperty(CodeWriter writer) =>
        writer.Lines($$"""
            /// <summary>
            /// True for another fabric's entry as a server reports it: its fabric-sensitive fields are left out, and those
            /// properties hold no data (mandatory ones their type's default) and equality ignores them. Encoding leaves them out too.
            /// </summary>
            public bool {{SensitiveFieldOmission.Flag}} { get; init; }

            """);

    /// <summary>An expression that is true when the decoder saw none of the fabric-sensitive fields.</summary>
    public static string NoneSeen(RecordPlan plan) =>
        "!(" + string.Join(" || ", plan.Fields.Where(field => field.Field.IsFabricSensitive).Select(RecordDecodeEmitter.Seen)) + ")";
}
