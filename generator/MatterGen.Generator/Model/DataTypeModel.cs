namespace MatterGen.Generator.Model;

/// <summary>An enum item or bitmap field: a name and its value (an enum value, or a bitmap mask).</summary>
internal sealed record NamedValue(string Name, ulong Value, string? Description);

/// <summary>
/// A named enum, bitmap or struct declared in a definition file. <see cref="ClusterCodes"/> lists the
/// clusters it belongs to; empty means a global type shared by every cluster.
/// </summary>
/// <param name="Name">Type name as written.</param>
/// <param name="Kind">Enum, bitmap or struct.</param>
/// <param name="BaseType">For enums and bitmaps, the base type (<c>enum8</c>, <c>bitmap32</c>); for structs, <c>struct</c>.</param>
/// <param name="ClusterCodes">The clusters this type belongs to.</param>
/// <param name="Values">Enum items or bitmap fields.</param>
/// <param name="Fields">Struct fields.</param>
/// <param name="IsFabricScoped">Struct is fabric-scoped (carries the FabricIndex field, tag 0xFE).</param>
/// <param name="Maturity">API maturity.</param>
/// <param name="Description">Description for the doc comment.</param>
/// <param name="Position">Where it is declared.</param>
internal sealed record DataTypeModel(
    string Name,
    DataTypeKind Kind,
    string BaseType,
    EquatableArray<uint> ClusterCodes,
    EquatableArray<NamedValue> Values,
    EquatableArray<FieldModel> Fields,
    bool IsFabricScoped,
    Maturity Maturity,
    string? Description,
    SourcePosition Position);
