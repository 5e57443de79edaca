using System.Globalization;
using MatterGen.Generator.Emit.Values;
using MatterGen.Generator.Planning;
using static MatterGen.Generator.Emit.RuntimeNames;

namespace MatterGen.Generator.Emit;

/// <summary>
/// Emits a <c>sealed partial record</c> with init properties (mandatory ones <c>required</c>), value equality
/// that compares lists and byte strings by content, and its TLV codec: an anonymous-or-tagged structure with
/// one context-tagged field per field, in id order. The record arrives resolved (<see cref="RecordPlan"/>);
/// this class only prints it, the fixed parts as templates, the per-field parts through <see cref="ValueEncoding"/>.
/// </summary>
internal static class RecordEmitter
{
    private const string Omitted = SensitiveFieldOmission.Flag;

    /// <summary>Writes a resolved record.</summary>
    public static void Emit(CodeWriter writer, RecordPlan plan)
    {
        var spec = plan.Spec;
        Docs.Summary(writer, spec.Summary, spec.Summary);
        Docs.Maturity(writer, spec.IsProvisional, spec.IsDeprecated);
        writer.Line(Docs.GeneratedCode);
        writer.Block($"public sealed partial record {spec.TypeName} : {GeneratedCode}ITlvStructureFields");
        if (spec.IdConstant is { } idConstant)
        {
            writer.Lines($$"""
                /// <summary>The id of this {{(idConstant == "EventId" ? "event" : "command")}} in its cluster.</summary>
                public const uint {{idConstant}} = {{Literals.Hex(spec.Id)}};

                """);
        }

        foreach (var field in plan.Fields)
        {
            EmitProperty(writer, field);
        }

        foreach (var leftOut in plan.LeftOut)
        {
            writer.Lines($"""
                // Left out: field {leftOut.Name} (id {leftOut.Id.ToString(CultureInfo.InvariantCulture)}) has type '{leftOut.Type.Name}', which no definition file defines (MG0003).

                """);
        }

        if (plan.OmitsSensitiveFields)
        {
            SensitiveFieldOmissionEmitter.EmitProperty(writer);
        }

        EmitEquality(writer, plan);
        EmitEncode(writer, plan);
        RecordDecodeEmitter.Emit(writer, plan);
        writer.Line();
        MessageDecodeEmitter.Emit(writer, plan);
        writer.Close();
    }

    private static void EmitProperty(CodeWriter writer, FieldPlan field)
    {
        var f = field.Field;
        var meaning = field.Shape switch
        {
            FieldShape.Mandatory => null,
            FieldShape.Nullable => "Null is a TLV null.",
            FieldShape.Optional => "Null means absent.",
            _ => "Absent by default; a present value may be null (a TLV null).",
        };
        Docs.Summary(writer, f.Description, $"The {f.Name} field (id {f.Id.ToString(CultureInfo.InvariantCulture)}).");
        var required = field.IsTracked;
        var bounds = ReferenceBounds.Describe(f.Constraint);
        var note = meaning is null ? bounds : bounds is null ? meaning : meaning + " " + bounds;
        Docs.Maturity(writer, MaturityMarks.IsProvisional(f.Maturity), field.IsDeprecated, allowObsolete: !required, note: note);
        writer.Lines($$"""
            public {{(required ? "required " : string.Empty)}}{{field.PropertyType}} {{field.PropertyName}} { get; init; }

            """);
    }

    private static void EmitEquality(CodeWriter writer, RecordPlan plan)
    {
        writer.Lines($$"""
            /// <summary>Equal when every field is equal; lists and byte strings compare by content.</summary>
            /// <param name="other">The record to compare with.</param>
            public bool Equals({{plan.TypeName}}? other)
            {
            """);
        writer.Indent();
        if (plan.Fields.Count == 0)
        {
            writer.Line("return other is not null;");
        }
        else
        {
            writer.Line("return other is not null");
            if (plan.OmitsSensitiveFields)
            {
                writer.Line($"    && {Omitted} == other.{Omitted}");
            }

            var last = plan.Fields[plan.Fields.Count - 1];
            foreach (var field in plan.Fields)
            {
                // An omitted fabric-sensitive field holds no data: with the flags equal, only a present one counts.
                var compare = $"{EqualityCall(field)}({field.PropertyName}, other.{field.PropertyName})";
                writer.Line($"    && {(plan.Omits(field) ? $"({Omitted} || {compare})" : compare)}{(field == last ? ";" : string.Empty)}");
            }
        }

        writer.Close();
        writer.Lines("""

            /// <inheritdoc/>
            public override int GetHashCode()
            {
                var hash = new global::System.HashCode();
            """);
        writer.Indent();
        if (plan.OmitsSensitiveFields)
        {
            writer.Line($"hash.Add({Omitted});");
        }

        foreach (var field in plan.Fields)
        {
            var add = field.NeedsContentEquality
                ? $"hash.Add({GeneratedCode}ValueEquality.Hash({field.PropertyName}));"
                : $"hash.Add({field.PropertyName});";
            writer.Line(plan.Omits(field) ? $"if (!{Omitted}) {add}" : add);
        }

        writer.Line("return hash.ToHashCode();");
        writer.Close();
        writer.Line();
    }

    // Lists and byte strings compare by content; everything else by its own equality, without boxing.
    private static string EqualityCall(FieldPlan field) => field.NeedsContentEquality
        ? GeneratedCode + "ValueEquality.Equal"
        : $"global::System.Collections.Generic.EqualityComparer<{field.PropertyType}>.Default.Equals";

    private static void EmitEncode(CodeWriter writer, RecordPlan plan)
    {
        // The second entry point writes a whole payload straight into a span: no writer state, as
        // Decode(ReadOnlySpan<byte>) reads one. The fields go into the span with the offset in a local.
        writer.Lines($$"""
            /// <summary>Writes this value as a TLV structure, fields in id order; absent fields are left out.</summary>
            /// <param name="writer">The writer.</param>
            /// <param name="tag">The structure's tag (anonymous for a command or event payload).</param>
            /// <exception cref="global::MatterGen.Tlv.TlvException">A field breaks its constraints.</exception>
            public void Encode(ref {{Tlv}}TlvWriter writer, {{Tlv}}TlvTag tag)
            {
                if (writer.TryBeginStructure(tag, out var destination, out var at))
                {
                    writer.EndStructure(EncodeTlvFields(destination, at));
                }
                else
                {
                    writer.WriteStructure(tag, this);
                }
            }

            /// <summary>Writes this value as a whole message: one anonymous TLV structure, fields in id order.</summary>
            /// <param name="destination">The span to write into, from its start.</param>
            /// <returns>The number of bytes written.</returns>
            /// <exception cref="global::MatterGen.Tlv.TlvException">A field breaks its constraints, or the message does not fit (<see cref="global::MatterGen.Tlv.TlvError.BufferTooSmall"/>); what the destination holds is then unspecified.</exception>
            public int Encode(global::System.Span<byte> destination)
            {
                var at = {{FieldWriter}}StartStructure(destination, 0, {{FieldWriter}}Anonymous);
                return {{FieldWriter}}EndContainer(destination, EncodeTlvFields(destination, at));
            }

            /// <inheritdoc/>
            public int EncodeTlvFields(global::System.Span<byte> destination, int at)
            {
            """);
        writer.Indent();
        foreach (var field in plan.Fields)
        {
            if (plan.Omits(field))
            {
                writer.Block($"if (!{Omitted})");
                EmitFieldWrite(writer, field);
                writer.Close();
            }
            else
            {
                EmitFieldWrite(writer, field);
            }

            writer.Line();
        }

        writer.Line("return at;");
        writer.Close();
        writer.Line();
    }

    // One field into the span: an absent optional field is left out, a null nullable one written as a TLV null.
    private static void EmitFieldWrite(CodeWriter writer, FieldPlan field)
    {
        var present = "present" + field.Unique;
        switch (field.Shape)
        {
            case FieldShape.Mandatory:
                WriteValue(writer, field, field.PropertyName);
                break;
            case FieldShape.Nullable:
                WriteValueOrNull(writer, field, field.PropertyName, present);
                break;
            case FieldShape.Optional:
                writer.Block($$"""if ({{field.PropertyName}} is { } {{present}})""");
                WriteValue(writer, field, present);
                writer.Close();
                break;
            default:
                writer.Block($"if ({field.PropertyName}.HasValue)");
                WriteValueOrNull(writer, field, field.PropertyName + ".Value", present);
                writer.Close();
                break;
        }
    }

    // The value when it is not null, else a TLV null.
    private static void WriteValueOrNull(CodeWriter writer, FieldPlan field, string value, string present)
    {
        writer.Block($$"""if ({{value}} is { } {{present}})""");
        WriteValue(writer, field, present);
        writer.Close();
        writer.Block("else");
        writer.Line($"at = {FieldWriter}WriteNull(destination, at, {field.Tag});");
        writer.Close();
    }

    private static void WriteValue(CodeWriter writer, FieldPlan field, string value) =>
        ValueEncoding.Write(writer, ValueWriter.Span, field.Type, field.IsList, value, field.Tag, field.Field.Name, field.Field.Constraint, field.Unique);
}
