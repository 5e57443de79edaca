using System.Linq;
using MatterGen.Generator.Planning;
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
        writer.Lines($$"""
            /// <summary>Reads a whole message: a value as one anonymous TLV structure with nothing after it.</summary>
            /// <param name="message">The encoded message.</param>
            /// <returns>The value; unknown fields and fields with non-context tags are skipped.</returns>
            /// <exception cref="global::MatterGen.Tlv.TlvException">The message is malformed or has bytes after the structure, a mandatory field is missing, or a field has the wrong type or breaks its constraints.</exception>
            public static {{plan.TypeName}} Decode(global::System.ReadOnlySpan<byte> message)
            {
            """);
        writer.Indent();
        if (plan.Fields.All(field => field.IsScalar))
        {
            EmitSinglePass(writer, plan);
        }

        writer.Lines($$"""
            var reader = new {{Tlv}}TlvReader(message);
            var value = Decode(ref reader);
            reader.ExpectEnd();
            return value;
            """);
        writer.Close();
    }

    private static void EmitSinglePass(CodeWriter writer, RecordPlan plan)
    {
        writer.Lines($$"""
            var input = message;
            if ({{FieldReader}}TryStartMessage(input, out var at))
            {
            """);
        writer.Indent();
        RecordDecodeEmitter.DeclareFieldLocals(writer, plan);
        foreach (var field in plan.Fields)
        {
            ScalarFieldReads.Emit(writer, field);
        }

        var complete = string.Join(" && ", plan.Fields
            .Where(field => field.IsTracked)
            .Select(field => field.SeenFlag)
            .Concat([FieldReader + "IsEndOfMessage(input, at)"]));
        writer.Lines($$"""
            if ({{complete}})
            {
            """);
        writer.Indent();
        RecordDecodeEmitter.EmitReturn(writer, plan);
        writer.Close();
        writer.Close();
        writer.Line();
    }
}
