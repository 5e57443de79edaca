using System.Linq;
using static MatterGen.Generator.Emit.RuntimeNames;

namespace MatterGen.Generator.Emit;

/// <summary>
/// A record's <c>Decode(ReadOnlySpan&lt;byte&gt; message)</c>: the whole of a command, event or attribute
/// payload as one anonymous structure. When every field is a scalar, a message whose fields come in id order,
/// each valid, is read in one pass over the span with no reader at all; any other message (fields out of order,
/// unknown or repeated fields, anything malformed) goes to the reader-based <c>Decode</c>, which accepts and
/// rejects exactly as it always does, so the shortcut can change speed but never a result.
/// </summary>
internal static class MessageDecodeEmitter
{
    /// <summary>Writes the method.</summary>
    /// <param name="writer">Where to write the code.</param>
    /// <param name="plan">The record.</param>
    public static void Emit(CodeWriter writer, RecordPlan plan)
    {
        var typeName = plan.TypeName;
        var fields = plan.Fields;
        writer.Line("/// <summary>Reads a whole message: a value as one anonymous TLV structure with nothing after it.</summary>");
        writer.Line("/// <param name=\"message\">The encoded message.</param>");
        writer.Line("/// <returns>The value; unknown fields and fields with non-context tags are skipped.</returns>");
        writer.Line("/// <exception cref=\"global::MatterGen.Tlv.TlvException\">The message is malformed or has bytes after the structure, a mandatory field is missing, or a field has the wrong type or breaks its constraints.</exception>");
        writer.Block("public static " + typeName + " Decode(global::System.ReadOnlySpan<byte> message)");
        if (fields.All(ScalarFieldReads.Applies))
        {
            EmitSinglePass(writer, plan);
        }

        writer.Line("var reader = new " + Tlv + "TlvReader(message);");
        writer.Line("var value = Decode(ref reader);");
        writer.Line("reader.ExpectEnd();");
        writer.Line("return value;");
        writer.Close();
    }

    private static void EmitSinglePass(CodeWriter writer, RecordPlan plan)
    {
        var fields = plan.Fields;
        writer.Line("var input = message;");
        writer.Block("if (" + FieldReader + "TryStartMessage(input, out var at))");
        RecordDecodeEmitter.DeclareFieldLocals(writer, plan);
        foreach (var field in fields)
        {
            ScalarFieldReads.Emit(writer, field);
        }

        var complete = string.Join(" && ", fields
            .Where(field => field.IsTracked)
            .Select(field => field.SeenFlag)
            .Concat([FieldReader + "IsEndOfMessage(input, at)"]));
        writer.Block("if (" + complete + ")");
        RecordDecodeEmitter.EmitReturn(writer, plan);
        writer.Close();
        writer.Close();
        writer.Line();
    }
}
