using MatterGen.Generator.Model;
using MatterGen.Generator.Naming;

namespace MatterGen.Generator.Planning;

/// <summary>How a server holds one attribute: what the other server emitters need to read and write it.</summary>
/// <param name="Attribute">The attribute, with the user's default and constraint applied.</param>
/// <param name="Type">Its mapped element type.</param>
/// <param name="Property">The public property's name.</param>
/// <param name="Field">The backing field's name.</param>
/// <param name="PropertyType">The property's C# type.</param>
/// <param name="NullableStorage">True when the storage may hold null (nullable attributes, and structs before the device sets one).</param>
/// <param name="Codecs">
/// The cluster's codec methods that read and write it by id (those of the first attribute with its id); null when
/// that one's type does not map, so the server stores the attribute but does not read or write it by id.
/// </param>
internal sealed record StoredAttribute(AttributeModel Attribute, MappedType Type, string Property, string Field, string PropertyType, bool NullableStorage, CodecMethodNames? Codecs)
{
    /// <summary>True when the value stored may be null although the attribute is not nullable (a struct not set yet).</summary>
    public bool MayBeUnset => NullableStorage && !Attribute.IsNullable;
}
