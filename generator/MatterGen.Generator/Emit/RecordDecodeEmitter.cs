using System.Collections.Generic;
using System.Linq;
using MatterGen.Generator.Emit.Values;
using MatterGen.Generator.Planning;
using static MatterGen.Generator.Emit.RuntimeNames;

namespace MatterGen.Generator.Emit;

/// <summary>
/// A record's <c>Decode(ref TlvReader)</c>. Fields in id order, each of its type, are read without the tag
/// dispatch: scalars straight from the input on a local offset (no reader state per element), the others through
/// the reader. Whatever did not match, in any order, is read by the general loop, which names the field in its
/// error; so the fast path changes speed, never a result.
/// </summary>
internal static class RecordDecodeEmitter
{
    /// <summary>Writes the method.</summary>
    public static void Emit(CodeWriter writer, RecordPlan plan)
    {
        writer.Lines($$"""
            /// <summary>Reads a value from the TLV structure the reader is on (as after <c>Read()</c>), through its end.</summary>
            /// <param name="reader">The reader, positioned on the structure.</param>
            /// <returns>The value; unknown fields and fields with non-context tags are skipped.</returns>
            /// <exception cref="global::MatterGen.Tlv.TlvException">The input is malformed, a mandatory field is missing, or a field has the wrong type or breaks its constraints.</exception>
            public static {{plan.TypeName}} Decode(ref {{Tlv}}TlvReader reader)
            {
                reader.ExpectType({{Tlv}}TlvElementType.Structure, null);
            """);
        writer.Indent();
        if (plan.TracksFields)
        {
            writer.Line("var start = reader.ElementOffset;");
        }

        DeclareFieldLocals(writer, plan);
        if (plan.HasScalarFields)
        {
            writer.Line("var input = reader.Input;");
        }

        writer.Line("var at = reader.BytesConsumed;");
        foreach (var field in plan.Fields)
        {
            if (field.IsScalar)
            {
                ScalarFieldReads.Emit(writer, field);
                continue;
            }

            var condition = $"reader.TryReadContext({field.Tag}, {ValueDecoding.WireElementType(field.Type, field.IsList)})";
            if (field.Shape is FieldShape.Nullable or FieldShape.NullableOptional)
            {
                condition += $" || reader.TryReadContext({field.Tag}, {Tlv}TlvElementType.Null)";
            }

            writer.Line("reader.AdvanceInStructure(at);");
            writer.Block($"if ({condition})");
            EmitFieldRead(writer, field, typeChecked: true);
            writer.Close();
            writer.Lines("""

                at = reader.BytesConsumed;
                """);
        }

        // Usually all fields were read in order and the structure's end comes next.
        writer.Lines($$"""
            if (!reader.TryEndStructure(at))
            {
                while (reader.Read() && reader.ElementType != {{Tlv}}TlvElementType.EndOfContainer)
                {
                    if (reader.Tag.Kind != {{Tlv}}TlvTagKind.Context)
                    {
                        reader.Skip();
                        continue;
                    }

                    switch (reader.Tag.Number)
                    {
            """);
        writer.Indent(3);
        foreach (var field in plan.Fields)
        {
            writer.Lines($$"""
                case {{field.Tag}}:
                {
                    if ({{Seen(field)}})
                    {
                        throw {{Tlv}}TlvException.DuplicateField({{Literals.String(field.Field.Name)}}, reader.ElementOffset);
                    }

                """);
            writer.Indent();
            EmitFieldRead(writer, field, typeChecked: false);
            writer.Line("break;");
            writer.Close();
        }

        writer.Lines("""
            default:
                reader.Skip();
                break;
            """);
        writer.Close();
        writer.Close();
        writer.Close();
        writer.Line();
        EmitMissingFieldChecks(writer, plan.Fields.Where(field => !plan.Omits(field)));
        if (plan.OmitsSensitiveFields)
        {
            // Another fabric's entry comes without any fabric-sensitive field; one with some of them must have all.
            writer.Line($"var omitted = {SensitiveFieldOmissionEmitter.NoneSeen(plan)};");
            writer.Block("if (!omitted)");
            EmitMissingFieldChecks(writer, plan.Fields.Where(plan.Omits));
            writer.Close();
            writer.Line();
        }

        EmitReturn(writer, plan, plan.OmitsSensitiveFields ? "omitted" : null);
        writer.Close();
    }

    private static void EmitMissingFieldChecks(CodeWriter writer, IEnumerable<FieldPlan> fields)
    {
        foreach (var field in fields.Where(field => field.IsTracked))
        {
            writer.Lines($$"""
                if (!{{field.SeenFlag}})
                {
                    throw {{Tlv}}TlvException.MissingField({{Literals.String(field.Field.Name)}}, start);
                }

                """);
        }
    }

    /// <summary>Declares <c>field{i}</c> for every field and <c>has{i}</c> for those decoding must see.</summary>
    internal static void DeclareFieldLocals(CodeWriter writer, RecordPlan plan)
    {
        foreach (var field in plan.Fields)
        {
            writer.Line($"{field.PropertyType} {field.Local} = default{(field.IsValueTypeProperty ? string.Empty : "!")};");
            if (field.IsTracked)
            {
                writer.Line($"var {field.SeenFlag} = false;");
            }
        }
    }

    /// <summary>Returns the record made from the <c>field{i}</c> locals (and the omission flag from <paramref name="omitted"/>, when given).</summary>
    internal static void EmitReturn(CodeWriter writer, RecordPlan plan, string? omitted = null)
    {
        if (plan.Fields.Count == 0)
        {
            writer.Line($"return new {plan.TypeName}();");
            return;
        }

        writer.Line("return new " + plan.TypeName);
        writer.Open();
        foreach (var field in plan.Fields)
        {
            writer.Line($"{field.PropertyName} = {field.Local},");
        }

        if (omitted is not null)
        {
            writer.Line($"{SensitiveFieldOmission.Flag} = {omitted},");
        }

        writer.Close(";");
    }

    /// <summary>A condition that is true once the field has been read: a structure's members have distinct tags, so a second one is an error.</summary>
    internal static string Seen(FieldPlan field) => field.Shape switch
    {
        FieldShape.Optional => field.Local + " is not null",
        FieldShape.NullableOptional => field.Local + ".HasValue",
        _ => field.SeenFlag,
    };

    /// <summary>
    /// The statements that read the field the reader is on into its local and mark it seen; with
    /// <paramref name="typeChecked"/> the reader matched the field's wire type (or null) already.
    /// </summary>
    private static void EmitFieldRead(CodeWriter writer, FieldPlan field, bool typeChecked)
    {
        // Only a nullable field may hold a TLV null; elsewhere the type check rejects it, naming the field.
        if (field.Shape is FieldShape.Mandatory or FieldShape.Optional)
        {
            ValueDecoding.Read(writer, field.Type, field.IsList, field.Local, field.Field.Name, field.Field.Constraint, field.Unique, typeChecked: typeChecked);
        }
        else
        {
            var nullValue = field.Shape == FieldShape.NullableOptional ? $"new {field.PropertyType}(null)" : "null";
            writer.Lines($$"""
                if (reader.IsNull)
                {
                    {{field.Local}} = {{nullValue}};
                }
                else
                {
                """);
            writer.Indent();
            var wrapper = field.Shape == FieldShape.NullableOptional ? field.PropertyType : null;
            ValueDecoding.Read(writer, field.Type, field.IsList, field.Local, field.Field.Name, field.Field.Constraint, field.Unique, wrapper, typeChecked);
            writer.Close();
        }

        ScalarFieldReads.MarkSeen(writer, field);
    }
}
