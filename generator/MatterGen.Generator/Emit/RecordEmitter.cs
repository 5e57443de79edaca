using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using MatterGen.Generator.Model;
using MatterGen.Generator.Naming;

namespace MatterGen.Generator.Emit;

/// <summary>
/// Emits a <c>sealed partial record</c> with init properties (mandatory ones <c>required</c>), value equality
/// that compares lists and byte strings by content, and its TLV codec: an anonymous-or-tagged structure with
/// one context-tagged field per field, in id order.
/// </summary>
internal static class RecordEmitter
{
    /// <summary>Field id of the FabricIndex field of fabric-scoped structs.</summary>
    public const uint FabricIndexId = 0xFE;

    private static readonly string[] RecordMembers =
    {
        "EqualityContract", "PrintMembers", "Deconstruct", "Encode", "EncodeTlvFields", "Decode", "CommandId", "EventId",
        SensitiveFieldOmission.Flag,
    };

    /// <summary>Writes the record.</summary>
    public static void Emit(CodeWriter writer, RecordSpec spec, TypeMapper mapper, CancellationToken cancellationToken)
    {
        var fields = Plan(spec, mapper, cancellationToken);
        var omission = SensitiveFieldOmission.Applies(spec, fields);
        Docs.Summary(writer, spec.Summary, spec.Summary);
        Docs.Maturity(writer, spec.IsProvisional, spec.IsDeprecated);
        writer.Line(Docs.GeneratedCode);
        writer.Block("public sealed partial record " + spec.TypeName + " : " + ValueCodec.GeneratedCode + "ITlvStructureFields");
        if (spec.IdConstant is { } idConstant)
        {
            writer.Line("/// <summary>The id of this " + (idConstant == "EventId" ? "event" : "command") + " in its cluster.</summary>");
            writer.Line("public const uint " + idConstant + " = " + Literals.Hex(spec.Id) + ";");
            writer.Line();
        }

        foreach (var field in fields)
        {
            EmitProperty(writer, field);
        }

        foreach (var leftOut in spec.Fields.Where(f => mapper.Map(f.Type.Name) is null))
        {
            writer.Line("// Left out: field " + leftOut.Name + " (id " + leftOut.Id.ToString(CultureInfo.InvariantCulture) + ") has type '" + leftOut.Type.Name + "', which no definition file defines (MG0003).");
            writer.Line();
        }

        if (omission)
        {
            SensitiveFieldOmission.EmitProperty(writer);
        }

        EmitEquality(writer, spec.TypeName, fields, omission);
        EmitEncode(writer, fields, omission);
        EmitDecode(writer, spec.TypeName, fields, omission);
        writer.Line();
        MessageDecodeEmitter.Emit(writer, spec.TypeName, fields);
        writer.Close();
    }

    /// <summary>The fields a record of <paramref name="spec"/> has, with their property names and types.</summary>
    public static List<FieldPlan> Plan(RecordSpec spec, TypeMapper mapper, CancellationToken cancellationToken)
    {
        var scope = new NameScope(new[] { spec.TypeName }.Concat(NameScope.ObjectMembers).Concat(RecordMembers));
        var plans = new List<FieldPlan>();
        var ids = new HashSet<uint>();
        var sourceFields = spec.Fields.OrderBy(f => f.Id).ToList();
        if (spec.AddFabricIndex && sourceFields.All(f => f.Id != FabricIndexId))
        {
            sourceFields.Add(new FieldModel(FabricIndexId, "FabricIndex", new TypeReference("fabric_idx", false), false, true, false, null, Constraint.None, Model.Maturity.Stable, "The fabric this entry belongs to; servers fill it in, clients leave it out."));
        }

        foreach (var field in sourceFields)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // A context tag holds 0 to 255; the resolver reports duplicate ids, the first one wins here.
            if (field.Id > byte.MaxValue || !ids.Add(field.Id) || mapper.Map(field.Type.Name) is not { } type)
            {
                continue;
            }

            var deprecated = Docs.IsDeprecated(field.Maturity);
            plans.Add(new FieldPlan(field, scope.Claim(Identifier.FromName(field.Name)), type, deprecated));
        }

        return plans;
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
        Docs.Summary(writer, f.Description, "The " + f.Name + " field (id " + f.Id.ToString(CultureInfo.InvariantCulture) + ").");
        var required = field.Shape is FieldShape.Mandatory or FieldShape.Nullable;
        var bounds = ReferenceBounds.Describe(f.Constraint);
        var note = meaning is null ? bounds : bounds is null ? meaning : meaning + " " + bounds;
        Docs.Maturity(writer, Docs.IsProvisional(f.Maturity), field.IsDeprecated, allowObsolete: !required, note: note);
        writer.Line("public " + (required ? "required " : string.Empty) + field.PropertyType + " " + field.PropertyName + " { get; init; }");
        writer.Line();
    }

    private static void EmitEquality(CodeWriter writer, string typeName, List<FieldPlan> fields, bool omission)
    {
        writer.Line("/// <summary>Equal when every field is equal; lists and byte strings compare by content.</summary>");
        writer.Line("/// <param name=\"other\">The record to compare with.</param>");
        writer.Block("public bool Equals(" + typeName + "? other)");
        if (fields.Count == 0)
        {
            writer.Line("return other is not null;");
        }
        else
        {
            writer.Line("return other is not null");
            if (omission)
            {
                writer.Line("    && " + SensitiveFieldOmission.Flag + " == other." + SensitiveFieldOmission.Flag);
            }

            foreach (var field in fields)
            {
                // An omitted fabric-sensitive field holds no data: with the flags equal, only a present one counts.
                var compare = EqualityCall(field) + "(" + field.PropertyName + ", other." + field.PropertyName + ")";
                if (SensitiveFieldOmission.Omits(omission, field))
                {
                    compare = "(" + SensitiveFieldOmission.Flag + " || " + compare + ")";
                }

                writer.Line("    && " + compare + (field == fields[fields.Count - 1] ? ";" : string.Empty));
            }
        }

        writer.Close();
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Block("public override int GetHashCode()");
        writer.Line("var hash = new global::System.HashCode();");
        if (omission)
        {
            writer.Line("hash.Add(" + SensitiveFieldOmission.Flag + ");");
        }

        foreach (var field in fields)
        {
            var add = field.NeedsContentEquality
                ? "hash.Add(" + ValueCodec.GeneratedCode + "ValueEquality.Hash(" + field.PropertyName + "));"
                : "hash.Add(" + field.PropertyName + ");";
            writer.Line(SensitiveFieldOmission.Omits(omission, field) ? "if (!" + SensitiveFieldOmission.Flag + ") " + add : add);
        }

        writer.Line("return hash.ToHashCode();");
        writer.Close();
        writer.Line();
    }

    // Lists and byte strings compare by content; everything else by its own equality, without boxing.
    private static string EqualityCall(FieldPlan field) => field.NeedsContentEquality
        ? ValueCodec.GeneratedCode + "ValueEquality.Equal"
        : "global::System.Collections.Generic.EqualityComparer<" + field.PropertyType + ">.Default.Equals";

    private static void EmitEncode(CodeWriter writer, List<FieldPlan> fields, bool omission)
    {
        writer.Line("/// <summary>Writes this value as a TLV structure, fields in id order; absent fields are left out.</summary>");
        writer.Line("/// <param name=\"writer\">The writer.</param>");
        writer.Line("/// <param name=\"tag\">The structure's tag (anonymous for a command or event payload).</param>");
        writer.Line("/// <exception cref=\"global::MatterGen.Tlv.TlvException\">A field breaks its constraints.</exception>");
        writer.Block("public void Encode(ref " + ValueCodec.Tlv + "TlvWriter writer, " + ValueCodec.Tlv + "TlvTag tag)");
        writer.Block("if (writer.TryBeginStructure(tag, out var destination, out var at))");
        writer.Line("writer.EndStructure(EncodeTlvFields(destination, at));");
        writer.Close();
        writer.Block("else");
        writer.Line("writer.WriteStructure(tag, this);");
        writer.Close();
        writer.Close();
        writer.Line();

        // A whole payload straight into a span: no writer state, as Decode(ReadOnlySpan<byte>) reads one.
        writer.Line("/// <summary>Writes this value as a whole message: one anonymous TLV structure, fields in id order.</summary>");
        writer.Line("/// <param name=\"destination\">The span to write into, from its start.</param>");
        writer.Line("/// <returns>The number of bytes written.</returns>");
        writer.Line("/// <exception cref=\"global::MatterGen.Tlv.TlvException\">A field breaks its constraints, or the message does not fit (<see cref=\"global::MatterGen.Tlv.TlvError.BufferTooSmall\"/>); what the destination holds is then unspecified.</exception>");
        writer.Block("public int Encode(global::System.Span<byte> destination)");
        writer.Line("var at = " + ValueCodec.FieldWriter + "StartStructure(destination, 0, " + ValueCodec.FieldWriter + "Anonymous);");
        writer.Line("return " + ValueCodec.FieldWriter + "EndContainer(destination, EncodeTlvFields(destination, at));");
        writer.Close();
        writer.Line();

        // The fields go straight into the span with the offset in a local: no writer state per element.
        writer.Line("/// <inheritdoc/>");
        writer.Block("public int EncodeTlvFields(global::System.Span<byte> destination, int at)");
        var index = 0;
        foreach (var field in fields)
        {
            var tag = field.Field.Id.ToString(CultureInfo.InvariantCulture);
            var writeNull = "at = " + ValueCodec.FieldWriter + "WriteNull(destination, at, " + tag + ");";
            var unique = index.ToString(CultureInfo.InvariantCulture);
            var local = "present" + unique;
            var name = field.Field.Name;
            var omits = SensitiveFieldOmission.Omits(omission, field);
            if (omits)
            {
                writer.Block("if (!" + SensitiveFieldOmission.Flag + ")");
            }

            switch (field.Shape)
            {
                case FieldShape.Mandatory:
                    ValueCodec.WriteField(writer, field.Type, field.IsList, field.PropertyName, tag, name, field.Field.Constraint, unique);
                    break;
                case FieldShape.Nullable:
                    writer.Block("if (" + field.PropertyName + " is { } " + local + ")");
                    ValueCodec.WriteField(writer, field.Type, field.IsList, local, tag, name, field.Field.Constraint, unique);
                    writer.Close();
                    writer.Block("else");
                    writer.Line(writeNull);
                    writer.Close();
                    break;
                case FieldShape.Optional:
                    writer.Block("if (" + field.PropertyName + " is { } " + local + ")");
                    ValueCodec.WriteField(writer, field.Type, field.IsList, local, tag, name, field.Field.Constraint, unique);
                    writer.Close();
                    break;
                default:
                    writer.Block("if (" + field.PropertyName + ".HasValue)");
                    writer.Block("if (" + field.PropertyName + ".Value is { } " + local + ")");
                    ValueCodec.WriteField(writer, field.Type, field.IsList, local, tag, name, field.Field.Constraint, unique);
                    writer.Close();
                    writer.Block("else");
                    writer.Line(writeNull);
                    writer.Close();
                    writer.Close();
                    break;
            }

            if (omits)
            {
                writer.Close();
            }

            writer.Line();
            index++;
        }

        writer.Line("return at;");
        writer.Close();
        writer.Line();
    }

    private static void EmitDecode(CodeWriter writer, string typeName, List<FieldPlan> fields, bool omission)
    {
        writer.Line("/// <summary>Reads a value from the TLV structure the reader is on (as after <c>Read()</c>), through its end.</summary>");
        writer.Line("/// <param name=\"reader\">The reader, positioned on the structure.</param>");
        writer.Line("/// <returns>The value; unknown fields and fields with non-context tags are skipped.</returns>");
        writer.Line("/// <exception cref=\"global::MatterGen.Tlv.TlvException\">The input is malformed, a mandatory field is missing, or a field has the wrong type or breaks its constraints.</exception>");
        writer.Block("public static " + typeName + " Decode(ref " + ValueCodec.Tlv + "TlvReader reader)");
        writer.Line("reader.ExpectType(" + ValueCodec.Tlv + "TlvElementType.Structure, null);");
        if (fields.Any(f => f.IsTracked))
        {
            writer.Line("var start = reader.ElementOffset;");
        }

        DeclareFieldLocals(writer, fields);

        // Fields in id order, each of its type, are read without the tag dispatch: scalars straight from the
        // input on a local offset (no reader state per element), the others through the reader. The loop reads
        // whatever did not match, in any order.
        if (fields.Any(ScalarFieldReads.Applies))
        {
            writer.Line("var input = reader.Input;");
        }

        writer.Line("var at = reader.BytesConsumed;");
        for (var i = 0; i < fields.Count; i++)
        {
            if (ScalarFieldReads.Applies(fields[i]))
            {
                ScalarFieldReads.Emit(writer, fields[i], i);
                continue;
            }

            var field = fields[i];
            var id = field.Field.Id.ToString(CultureInfo.InvariantCulture);
            var condition = "reader.TryReadContext(" + id + ", " + ValueCodec.WireElementType(field.Type, field.IsList) + ")";
            if (field.Shape is FieldShape.Nullable or FieldShape.NullableOptional)
            {
                condition += " || reader.TryReadContext(" + id + ", " + ValueCodec.Tlv + "TlvElementType.Null)";
            }

            writer.Line("reader.AdvanceInStructure(at);");
            writer.Block("if (" + condition + ")");
            EmitFieldRead(writer, field, i, typeChecked: true);
            writer.Close();
            writer.Line();
            writer.Line("at = reader.BytesConsumed;");
        }

        // Usually all fields were read in order and the structure's end comes next.
        writer.Block("if (!reader.TryEndStructure(at))");
        writer.Block("while (reader.Read() && reader.ElementType != " + ValueCodec.Tlv + "TlvElementType.EndOfContainer)");
        writer.Block("if (reader.Tag.Kind != " + ValueCodec.Tlv + "TlvTagKind.Context)");
        writer.Line("reader.Skip();");
        writer.Line("continue;");
        writer.Close();
        writer.Line();
        writer.Block("switch (reader.Tag.Number)");
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            writer.Line("case " + field.Field.Id.ToString(CultureInfo.InvariantCulture) + ":");
            writer.Open();
            writer.Block("if (" + Seen(field, i) + ")");
            writer.Line("throw " + ValueCodec.Tlv + "TlvException.DuplicateField(" + Literals.String(field.Field.Name) + ", reader.ElementOffset);");
            writer.Close();
            writer.Line();
            EmitFieldRead(writer, field, i, typeChecked: false);
            writer.Line("break;");
            writer.Close();
        }

        writer.Line("default:");
        writer.Line("    reader.Skip();");
        writer.Line("    break;");
        writer.Close();
        writer.Close();
        writer.Close();
        writer.Line();
        EmitMissingFieldChecks(writer, fields.Select((f, i) => (f, i)).Where(x => !SensitiveFieldOmission.Omits(omission, x.f)));
        if (omission)
        {
            // Another fabric's entry comes without any fabric-sensitive field; one with some of them must have all.
            writer.Line("var omitted = " + SensitiveFieldOmission.NoneSeen(fields) + ";");
            writer.Block("if (!omitted)");
            EmitMissingFieldChecks(writer, fields.Select((f, i) => (f, i)).Where(x => SensitiveFieldOmission.Omits(omission, x.f)));
            writer.Close();
            writer.Line();
        }

        EmitReturn(writer, typeName, fields, omission ? "omitted" : null);
        writer.Close();
    }

    private static void EmitMissingFieldChecks(CodeWriter writer, IEnumerable<(FieldPlan Field, int Index)> fields)
    {
        foreach (var (field, i) in fields)
        {
            if (field.IsTracked)
            {
                writer.Block("if (!has" + i.ToString(CultureInfo.InvariantCulture) + ")");
                writer.Line("throw " + ValueCodec.Tlv + "TlvException.MissingField(" + Literals.String(field.Field.Name) + ", start);");
                writer.Close();
                writer.Line();
            }
        }
    }

    /// <summary>Declares <c>field{i}</c> for every field and <c>has{i}</c> for those decoding must see.</summary>
    internal static void DeclareFieldLocals(CodeWriter writer, List<FieldPlan> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            writer.Line(field.PropertyType + " field" + i.ToString(CultureInfo.InvariantCulture) + " = default" + (field.IsValueTypeProperty ? string.Empty : "!") + ";");
            if (field.IsTracked)
            {
                writer.Line("var has" + i.ToString(CultureInfo.InvariantCulture) + " = false;");
            }
        }
    }

    /// <summary>Returns the record made from the <c>field{i}</c> locals (and the omission flag from <paramref name="omitted"/>, when given).</summary>
    internal static void EmitReturn(CodeWriter writer, string typeName, List<FieldPlan> fields, string? omitted = null)
    {
        if (fields.Count == 0)
        {
            writer.Line("return new " + typeName + "();");
            return;
        }

        writer.Line("return new " + typeName);
        writer.Open();
        for (var i = 0; i < fields.Count; i++)
        {
            writer.Line(fields[i].PropertyName + " = field" + i.ToString(CultureInfo.InvariantCulture) + ",");
        }

        if (omitted is not null)
        {
            writer.Line(SensitiveFieldOmission.Flag + " = " + omitted + ",");
        }

        writer.Close(";");
    }

    /// <summary>A condition that is true once field <paramref name="i"/> has been read: a structure's members have distinct tags, so a second one is an error.</summary>
    private static string Seen(FieldPlan field, int i)
    {
        var unique = i.ToString(CultureInfo.InvariantCulture);
        return field.Shape switch
        {
            FieldShape.Optional => "field" + unique + " is not null",
            FieldShape.NullableOptional => "field" + unique + ".HasValue",
            _ => "has" + unique,
        };
    }

    /// <summary>
    /// The statements that read the field the reader is on into its local and mark it seen; with
    /// <paramref name="typeChecked"/> the reader matched the field's wire type (or null) already.
    /// </summary>
    private static void EmitFieldRead(CodeWriter writer, FieldPlan field, int i, bool typeChecked)
    {
        var unique = i.ToString(CultureInfo.InvariantCulture);
        var target = "field" + unique;

        // Only a nullable field may hold a TLV null; elsewhere the type check rejects it, naming the field.
        if (field.Shape is FieldShape.Mandatory or FieldShape.Optional)
        {
            ValueCodec.Read(writer, field.Type, field.IsList, target, field.Field.Name, field.Field.Constraint, unique, typeChecked: typeChecked);
        }
        else
        {
            var nullValue = field.Shape == FieldShape.NullableOptional ? "new " + field.PropertyType + "(null)" : "null";
            writer.Block("if (reader.IsNull)");
            writer.Line(target + " = " + nullValue + ";");
            writer.Close();
            writer.Block("else");
            var wrapper = field.Shape == FieldShape.NullableOptional ? field.PropertyType : null;
            ValueCodec.Read(writer, field.Type, field.IsList, target, field.Field.Name, field.Field.Constraint, unique, wrapper, typeChecked);
            writer.Close();
        }

        ScalarFieldReads.MarkSeen(writer, field, unique);
    }
}
