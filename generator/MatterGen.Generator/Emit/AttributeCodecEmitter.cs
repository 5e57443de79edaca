using System.Threading;
using MatterGen.Generator.Model;

namespace MatterGen.Generator.Emit;

/// <summary>
/// Emits the nested <c>AttributeCodecs</c> class: for each attribute an <c>Encode{Name}</c> and a
/// <c>Decode{Name}</c> method. An attribute value is one element on the wire, with the tag the caller gives.
/// </summary>
internal static class AttributeCodecEmitter
{
    /// <summary>Writes the class.</summary>
    public static void Emit(CodeWriter writer, ClusterModel cluster, TypeMapper mapper, ClusterMemberNames memberNames, CancellationToken cancellationToken)
    {
        writer.Line("/// <summary>TLV codecs for attribute values: each value is one element on the wire.</summary>");
        writer.Line(Docs.GeneratedCode);
        writer.Block("public static class AttributeCodecs");
        var first = true;
        for (var i = 0; i < cluster.Attributes.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var attribute = cluster.Attributes[i];
            if (mapper.Map(attribute.Type.Name) is not { } type || memberNames.AttributeCodecNames[i] is not var (encode, decode))
            {
                writer.Line("// Left out: attribute " + attribute.Name + " (" + Docs.Id(attribute.Id) + ") has type '" + attribute.Type.Name + "', which no definition file defines (MG0003).");
                continue;
            }

            if (!first)
            {
                writer.Line();
            }

            first = false;
            var shape = attribute.IsNullable ? FieldShape.Nullable : FieldShape.Mandatory;
            var valueType = TypeText.Property(type, attribute.Type.IsList, shape);
            var provisional = Docs.IsProvisional(attribute.Maturity, attribute.Conformance);
            var deprecated = Docs.IsDeprecated(attribute.Maturity, attribute.Conformance);
            var unique = "0";

            writer.Line("/// <summary>Writes a value of the " + Literals.Xml(attribute.Name) + " attribute (" + Docs.Id(attribute.Id) + ").</summary>");
            writer.Line("/// <param name=\"writer\">The writer.</param>");
            writer.Line("/// <param name=\"tag\">The element's tag.</param>");
            writer.Line("/// <param name=\"value\">The value" + (attribute.IsNullable ? "; null is written as a TLV null" : string.Empty) + ".</param>");
            writer.Line("/// <exception cref=\"global::MatterGen.Tlv.TlvException\">The value breaks the attribute's constraints.</exception>");
            Docs.Maturity(writer, provisional, deprecated);
            writer.Block("public static void " + encode + "(ref " + ValueCodec.Tlv + "TlvWriter writer, " + ValueCodec.Tlv + "TlvTag tag, " + valueType + " value)");
            if (attribute.IsNullable)
            {
                writer.Block("if (value is { } present" + unique + ")");
                ValueCodec.Write(writer, type, attribute.Type.IsList, "present" + unique, "tag", attribute.Name, attribute.Constraint, unique);
                writer.Close();
                writer.Block("else");
                writer.Line("writer.WriteNull(tag);");
                writer.Close();
            }
            else
            {
                ValueCodec.Write(writer, type, attribute.Type.IsList, "value", "tag", attribute.Name, attribute.Constraint, unique);
            }

            writer.Close();
            writer.Line();
            writer.Line("/// <summary>Reads a value of the " + Literals.Xml(attribute.Name) + " attribute (" + Docs.Id(attribute.Id) + ") from the element the reader is on.</summary>");
            writer.Line("/// <param name=\"reader\">The reader, positioned on the element (as after <c>Read()</c>).</param>");
            writer.Line("/// <returns>The value" + (attribute.IsNullable ? "; null for a TLV null" : string.Empty) + ".</returns>");
            writer.Line("/// <exception cref=\"global::MatterGen.Tlv.TlvException\">The element has the wrong type or breaks the attribute's constraints.</exception>");
            Docs.Maturity(writer, provisional, deprecated);
            writer.Block("public static " + valueType + " " + decode + "(ref " + ValueCodec.Tlv + "TlvReader reader)");
            if (attribute.IsNullable)
            {
                writer.Block("if (reader.IsNull)");
                writer.Line("return null;");
                writer.Close();
                writer.Line();
            }

            writer.Line(valueType + " result;");
            ValueCodec.Read(writer, type, attribute.Type.IsList, "result", attribute.Name, attribute.Constraint, unique);
            writer.Line("return result;");
            writer.Close();
        }

        writer.Close();
    }
}
