using System.Collections.Generic;
using MatterGen.Generator.Planning;
using static MatterGen.Generator.Emit.RuntimeNames;

namespace MatterGen.Generator.Emit.Server;

/// <summary>
/// Emits reads and writes of attributes by id: <c>WriteAttributeValue</c> encodes the stored value with the
/// cluster's attribute codec; <c>StoreAttributeValue</c> decodes one, checks this server's constraint (the
/// user's tightened one included) and sets the property, which raises the change.
/// </summary>
internal static class AttributeAccessEmitter
{
    private const string Status = Interaction + "MatterStatus.";

    public static void Emit(CodeWriter writer, IReadOnlyList<StoredAttribute> stored, string clusterClass)
    {
        var codecs = clusterClass + ".AttributeCodecs.";

        writer.Lines($$"""
            /// <inheritdoc/>
            protected override void WriteAttributeValue(uint attributeId, ref {{Tlv}}TlvWriter writer)
            {
                switch (attributeId)
                {
            """);
        writer.Indent(2);
        foreach (var held in stored)
        {
            var attribute = held.Attribute;
            if (held.Codecs is not { } codec)
            {
                continue;
            }

            var value = held.MayBeUnset
                ? $"{held.Field} ?? throw new {Interaction}MatterStatusException({Status}Failure, {Literals.String(attribute.Name + " has no value yet.")})"
                : held.Field;
            writer.Lines($$"""
                case {{Literals.Hex(attribute.Id)}}:
                    {{codecs}}{{codec.Encode}}(ref writer, {{Tlv}}TlvTag.Anonymous, {{value}});
                    break;
                """);
        }

        writer.Lines("""
            default:
                throw new global::System.ArgumentOutOfRangeException(nameof(attributeId), attributeId, "Not an attribute of this server.");
            """);
        writer.Close();
        writer.Close();
        writer.Lines($$"""

            /// <inheritdoc/>
            protected override {{Interaction}}MatterStatus StoreAttributeValue(uint attributeId, ref {{Tlv}}TlvReader reader)
            {
                switch (attributeId)
                {
            """);
        writer.Indent(2);
        foreach (var held in stored)
        {
            var attribute = held.Attribute;
            if (held.Codecs is not { } codec)
            {
                continue;
            }

            writer.Lines($$"""
                case {{Literals.Hex(attribute.Id)}}:
                {
                    var value = {{codecs}}{{codec.Decode}}(ref reader);
                    reader.ExpectEnd();
                """);
            writer.Indent();
            var check = ConstraintCheck.Condition(held.Type, attribute.Type.IsList, attribute.IsNullable, attribute.Constraint)?.Condition
                ?? ConstraintCheck.EnumRange(held.Type, attribute.Type.IsList, attribute.IsNullable, attribute.Constraint);
            if (check is not null)
            {
                writer.Guard(check, $"return {Status}ConstraintError;");
            }

            writer.Lines($$"""
                {{held.Property}} = value;
                return {{Status}}Success;
                """);
            writer.Close();
        }

        writer.Lines($$"""
            default:
                return {{Status}}UnsupportedAttribute;
            """);
        writer.Close();
        writer.Close();
        writer.Line();
    }
}
