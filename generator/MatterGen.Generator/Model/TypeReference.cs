namespace MatterGen.Generator.Model;

/// <summary>
/// A reference to a data type as written in the XML: a base type (<c>int16u</c>, <c>epoch_s</c>) or a named
/// enum, bitmap or struct, optionally as a list of it.
/// </summary>
/// <param name="Name">The element type's name as written.</param>
/// <param name="IsList">True for <c>array="true"</c> or <c>type="array" entryType="..."</c>.</param>
internal sealed record TypeReference(string Name, bool IsList)
{
    public override string ToString() => IsList ? $"list[{Name}]" : Name;
}
