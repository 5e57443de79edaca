namespace MatterGen.Generator.Model;

/// <summary>A field of a struct, a command or an event.</summary>
/// <param name="Id">Field id (the context tag on the wire).</param>
/// <param name="Name">The field's name as written.</param>
/// <param name="Type">The field's type.</param>
/// <param name="IsNullable">May be present and null.</param>
/// <param name="IsOptional">May be absent.</param>
/// <param name="IsFabricSensitive">Fabric-sensitive (visible only to its fabric).</param>
/// <param name="Default">Default value, if any.</param>
/// <param name="Constraint">Value constraints.</param>
/// <param name="Maturity">API maturity.</param>
/// <param name="Description">Description for the doc comment.</param>
/// <param name="Position">Where the field is declared, for diagnostics; null where unknown.</param>
internal sealed record FieldModel(
    uint Id,
    string Name,
    TypeReference Type,
    bool IsNullable,
    bool IsOptional,
    bool IsFabricSensitive,
    DefaultValue? Default,
    Constraint Constraint,
    Maturity Maturity,
    string? Description,
    SourcePosition? Position = null);

/// <summary>One feature of a cluster's feature map.</summary>
internal sealed record FeatureModel(int Bit, string Code, string Name, string? Summary, Conformance Conformance, SourcePosition Position);

/// <summary>An attribute of a cluster. <see cref="Define"/> is the ZAP macro name (<c>MIN_POWER</c>) that other
/// elements' constraints may use to refer to it.</summary>
internal sealed record AttributeModel(
    uint Id,
    string Name,
    TypeReference Type,
    bool IsNullable,
    bool IsWritable,
    bool MustUseTimedWrite,
    Access Access,
    AttributeQuality Quality,
    DefaultValue? Default,
    Constraint Constraint,
    Conformance Conformance,
    Maturity Maturity,
    string? Description,
    SourcePosition Position,
    string? Define = null);

/// <summary>A command of a cluster, either a request or a response.</summary>
internal sealed record CommandModel(
    uint Id,
    string Name,
    CommandDirection Direction,
    string? ResponseName,
    EquatableArray<FieldModel> Fields,
    bool MustUseTimedInvoke,
    bool IsFabricScoped,
    Access Access,
    Conformance Conformance,
    Maturity Maturity,
    string? Description,
    SourcePosition Position);

/// <summary>An event of a cluster.</summary>
internal sealed record EventModel(
    uint Id,
    string Name,
    EventPriority Priority,
    EquatableArray<FieldModel> Fields,
    bool IsFabricSensitive,
    Access Access,
    Conformance Conformance,
    Maturity Maturity,
    string? Description,
    SourcePosition Position);
