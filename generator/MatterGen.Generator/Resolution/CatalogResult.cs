using MatterGen.Generator.Model;

namespace MatterGen.Generator.Resolution;

/// <summary>Every cluster resolved across all definition files, the global types, and the cross-file problems found.</summary>
/// <param name="Clusters">Resolved clusters, in cluster id order.</param>
/// <param name="Globals">Global types (no cluster code), in name order.</param>
/// <param name="Diagnostics">
/// Problems only visible across files (duplicate cluster ids, unknown types, cycles). Each file's own
/// diagnostics stay in its <see cref="DefinitionFile.Diagnostics"/> and are not repeated here.
/// </param>
internal sealed record CatalogResult(
    EquatableArray<ClusterUnit> Clusters,
    GlobalTypesUnit Globals,
    EquatableArray<DiagnosticInfo> Diagnostics);
