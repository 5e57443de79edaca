using System.Collections.Generic;
using MatterGen.Generator.Naming;

namespace MatterGen.Generator.Emit.Server;

/// <summary>
/// Emits reads and writes of attributes by id: <c>WriteAttributeValue</c> encodes the stored value with the
/// cluster's attribute codec; <c>StoreAttributeValue</c> decodes one, checks this server's constraint (the
/// user's tightened one included) and sets the property, which raises the change.
/// </summary>
internal static class AttributeAccessEmitter
{
    private const string Tlv = "global::MatterGen.Tlv.";
    private const string Status = "global::MatterGen.Interaction.MatterStatus.";

    public static void Emit(CodeWriter writer, IReadOnlyList<StoredAttribute> stored, ClusterMemberNames names, string clusterClass)
    {
        var codecs = clusterClass + ".AttributeCodecs.";

        writer.Line("/// <inheritdoc/>");
        writer.Block("protected override void WriteAttributeValue(uint attributeId, ref " + Tlv + "TlvWriter writer)");
        writer.Block("switch (attributeId)");
        foreach (var held in stored)
        {
            var attribute = held.Attribute;
            if (!names.AttributeCodecs.TryGetValue(attribute.Id, out var codec))
            {
                continue;
            }

            var value = held.MayBeUnset
                ? held.Field + " ?? throw new global::MatterGen.Interaction.MatterStatusException(" + Status + "Failure, " + Literals.String(attribute.Name + " has no value yet.") + ")"
                : held.Field;
            writer.Line("case " + Literals.Hex(attribute.Id) + ":");
            writer.Line("    " + codecs + codec.Encode + "(ref writer, " + Tlv + "TlvTag.Anonymous, " + value + ");");
            writer.Line("    break;");
        }

        writer.Line("default:");
        writer.Line("    throw new global::System.ArgumentOutOfRangeException(nameof(attributeId), attributeId, \"Not an attribute of this server.\");");
        writer.Close();
        writer.Close();
        writer.Line();

        writer.Line("/// <inheritdoc/>");
        writer.Block("protected override global::MatterGen.Interaction.MatterStatus StoreAttributeValue(uint attributeId, ref " + Tlv + "TlvReader reader)");
        writer.Block("switch (attributeId)");
        foreach (var held in stored)
        {
            var attribute = held.Attribute;
            if (!names.AttributeCodecs.TryGetValue(attribute.Id, out var codec))
            {
                continue;
            }

            writer.Line("case " + Literals.Hex(attribute.Id) + ":");
            writer.Open();
            writer.Line("var value = " + codecs + codec.Decode + "(ref reader);");
            writer.Line("reader.ExpectEnd();");
            var check = ConstraintCheck.Condition(held.Type, attribute.Type.IsList, attribute.IsNullable, attribute.Constraint)?.Condition
                ?? ConstraintCheck.EnumRange(held.Type, attribute.Type.IsList, attribute.IsNullable, attribute.Constraint);
            if (check is not null)
            {
                writer.Line("if (" + check + ")");
                writer.Open();
                writer.Line("return " + Status + "ConstraintError;");
                writer.Close();
                writer.Line();
            }

            writer.Line(held.Property + " = value;");
            writer.Line("return " + Status + "Success;");
            writer.Close();
        }

        writer.Line("default:");
        writer.Line("    return " + Status + "UnsupportedAttribute;");
        writer.Close();
        writer.Close();
        writer.Line();
    }
}
