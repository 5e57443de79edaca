namespace MatterGen.Generator.Model;

/// <summary>A cluster as its definition states it: the complete view, before any feature is chosen.</summary>
/// <param name="Code">Cluster id.</param>
/// <param name="Name">Cluster name as written (<c>Energy EVSE</c>).</param>
/// <param name="Domain">Domain as written.</param>
/// <param name="Description">Description for the doc comment.</param>
/// <param name="Revision">ClusterRevision (global attribute 0xFFFD's value).</param>
/// <param name="Features">Feature bits.</param>
/// <param name="Attributes">Attributes, in id order.</param>
/// <param name="Commands">Commands (requests and responses), in direction then id order.</param>
/// <param name="Events">Events, in id order.</param>
/// <param name="Maturity">API maturity.</param>
/// <param name="Position">Where it is declared.</param>
internal sealed record ClusterModel(
    uint Code,
    string Name,
    string? Domain,
    string? Description,
    int Revision,
    EquatableArray<FeatureModel> Features,
    EquatableArray<AttributeModel> Attributes,
    EquatableArray<CommandModel> Commands,
    EquatableArray<EventModel> Events,
    Maturity Maturity,
    SourcePosition Position);

/// <summary>Everything one definition file declares, and what went wrong reading it.</summary>
/// <param name="FilePath">The file's path.</param>
/// <param name="Clusters">Clusters declared in the file.</param>
/// <param name="DataTypes">Enums, bitmaps and structs declared in the file.</param>
/// <param name="Diagnostics">Problems found while reading the file.</param>
/// <param name="ClusterExtensions">
/// Additions to clusters declared elsewhere (<c>&lt;clusterExtension code&gt;</c>), merged by the catalog.
/// </param>
/// <param name="BaseTypes">Base types the file declares (<c>&lt;atomic&gt;&lt;type&gt;</c>, a tree's <c>chip-types.xml</c>).</param>
internal sealed record DefinitionFile(
    string FilePath,
    EquatableArray<ClusterModel> Clusters,
    EquatableArray<DataTypeModel> DataTypes,
    EquatableArray<DiagnosticInfo> Diagnostics,
    EquatableArray<ClusterExtensionModel> ClusterExtensions = default,
    EquatableArray<BaseTypeDeclaration> BaseTypes = default);

/// <summary>
/// A base type as a tree's <c>chip-types.xml</c> declares it (<c>&lt;type name="utc" size="4" analog="true"/&gt;</c>).
/// </summary>
/// <param name="Name">The type's name.</param>
/// <param name="Size">Its size in bytes, when stated.</param>
/// <param name="Description">Its description (says whether an analog integer is signed).</param>
/// <param name="IsComposite">Declared composite (strings, lists, structs): no fixed-width encoding.</param>
/// <param name="Position">Where it is declared.</param>
internal sealed record BaseTypeDeclaration(string Name, int? Size, string? Description, bool IsComposite, SourcePosition Position);

/// <summary>Attributes, commands and events that a <c>&lt;clusterExtension&gt;</c> adds to an existing cluster.</summary>
/// <param name="Code">The id of the cluster extended.</param>
/// <param name="Attributes">Attributes added.</param>
/// <param name="Commands">Commands added.</param>
/// <param name="Events">Events added.</param>
/// <param name="Position">Where the extension is declared.</param>
internal sealed record ClusterExtensionModel(
    uint Code,
    EquatableArray<AttributeModel> Attributes,
    EquatableArray<CommandModel> Commands,
    EquatableArray<EventModel> Events,
    SourcePosition Position);
