using MatterGen.Generator.Model;
using MatterGen.Generator.Naming;

namespace MatterGen.Generator.Planning;

/// <summary>One attribute of a cluster as its file declares it: the attribute and, when its type maps, its codec.</summary>
/// <param name="Attribute">The attribute.</param>
/// <param name="Codec">Its codec in <c>AttributeCodecs</c>; null when its type does not map (the catalog reported it, MG0003).</param>
internal sealed record AttributePlan(AttributeModel Attribute, AttributeCodecPlan? Codec)
{
    /// <summary>Plans the attribute at <paramref name="position"/> of the cluster.</summary>
    public static AttributePlan Resolve(AttributeModel attribute, int position, TypeMapper mapper, ClusterMemberNames names) =>
        new(attribute, mapper.Map(attribute.Type.Name) is { } type && names.AttributeCodecNames[position] is { } methods
            ? new AttributeCodecPlan(type, TypeText.Property(type, attribute.Type.IsList, attribute.IsNullable ? FieldShape.Nullable : FieldShape.Mandatory), methods)
            : null);
}

/// <summary>The codec of one attribute's values.</summary>
/// <param name="Type">The attribute's mapped element type.</param>
/// <param name="ValueType">The C# type of a value (a list, nullable where the attribute is).</param>
/// <param name="Methods">The encode and decode methods' names.</param>
internal sealed record AttributeCodecPlan(MappedType Type, string ValueType, CodecMethodNames Methods);
