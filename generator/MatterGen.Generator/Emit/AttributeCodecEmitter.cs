using System.Linq;
using System.Threading;
using MatterGen.Generator.Emit.Values;
using MatterGen.Generator.Planning;
using static MatterGen.Generator.Emit.RuntimeNames;

namespace MatterGen.Generator.Emit;

/// <summary>
/// Emits the nested <c>AttributeCodecs</c> class: for each attribute an <c>Encode{Name}</c> and a
/// <c>Decode{Name}</c> method. An attribute value is one element on the wire, with the tag the caller gives.
/// </summary>
internal static class AttributeCodecEmitter
{
    /// <summary>Writes the class.</summary>
    public static void Emit(CodeWriter writer, ClusterPlan plan, CancellationToken cancellationToken)
    {
        writer.Lines($$"""
            /// <summary>TLV codecs for attribute values: each value is one element on the wire.</summary>
            {{Docs.GeneratedCode}}
            public static class AttributeCodecs
            {
            """);
        writer.Indent();
        var first = true;
        foreach (var (attribute, codec) in plan.Attributes.Select(attributePlan => (attributePlan.Attribute, attributePlan.Codec)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (codec is null)
            {
                writer.Line("// Left out: attribute " + attribute.Name + " (" + Docs.Id(attribute.Id) + ") has type '" + attribute.Type.Name + "', which no definition file defines (MG0003).");
                continue;
            }

            if (!first)
            {
                writer.Line();
            }

            first = false;
            var (type, valueType, (encode, decode)) = (codec.Type, codec.ValueType, codec.Methods);
            var provisional = MaturityMarks.IsProvisional(attribute.Maturity, attribute.Conformance);
            var deprecated = MaturityMarks.IsDeprecated(attribute.Maturity, attribute.Conformance);
            var unique = "0";

            writer.Lines($$"""
                /// <summary>Writes a value of the {{Literals.Xml(attribute.Name)}} attribute ({{Docs.Id(attribute.Id)}}).</summary>
                /// <param name="writer">The writer.</param>
                /// <param name="tag">The element's tag.</param>
                /// <param name="value">The value{{(attribute.IsNullable ? "; null is written as a TLV null" : string.Empty)}}.</param>
                /// <exception cref="global::MatterGen.Tlv.TlvException">The value breaks the attribute's constraints.</exception>
                """);
            Docs.Maturity(writer, provisional, deprecated);
            writer.Block($"public static void {encode}(ref {Tlv}TlvWriter writer, {Tlv}TlvTag tag, {valueType} value)");
            if (attribute.IsNullable)
            {
                writer.Block($$"""if (value is { } present{{unique}})""");
                ValueEncoding.Write(writer, ValueWriter.Stream, type, attribute.Type.IsList, "present" + unique, "tag", attribute.Name, attribute.Constraint, unique);
                writer.Close();
                writer.Lines("""
                    else
                    {
                        writer.WriteNull(tag);
                    }
                    """);
            }
            else
            {
                ValueEncoding.Write(writer, ValueWriter.Stream, type, attribute.Type.IsList, "value", "tag", attribute.Name, attribute.Constraint, unique);
            }

            writer.Close();
            writer.Lines($$"""

                /// <summary>Reads a value of the {{Literals.Xml(attribute.Name)}} attribute ({{Docs.Id(attribute.Id)}}) from the element the reader is on.</summary>
                /// <param name="reader">The reader, positioned on the element (as after <c>Read()</c>).</param>
                /// <returns>The value{{(attribute.IsNullable ? "; null for a TLV null" : string.Empty)}}.</returns>
                /// <exception cref="global::MatterGen.Tlv.TlvException">The element has the wrong type or breaks the attribute's constraints.</exception>
                """);
            Docs.Maturity(writer, provisional, deprecated);
            writer.Block($"public static {valueType} {decode}(ref {Tlv}TlvReader reader)");
            if (attribute.IsNullable)
            {
                writer.Lines("""
                    if (reader.IsNull)
                    {
                        return null;
                    }

                    """);
            }

            writer.Line(valueType + " result;");
            ValueDecoding.Read(writer, type, attribute.Type.IsList, "result", attribute.Name, attribute.Constraint, unique);
            writer.Line("return result;");
            writer.Close();
        }

        writer.Close();
    }
}
