namespace MatterGen.Generator.Pipeline;

/// <summary>
/// Names of the incremental steps, so tests can prove an unrelated edit leaves each one cached.
/// </summary>
internal static class TrackingNames
{
    public const string Settings = nameof(Settings);
    public const string ParseDefinitionFile = nameof(ParseDefinitionFile);
    public const string ParseManifest = nameof(ParseManifest);
    public const string SelectCorpus = nameof(SelectCorpus);
    public const string FileDiagnostics = nameof(FileDiagnostics);
    public const string BuildCatalog = nameof(BuildCatalog);
    public const string ClusterUnits = nameof(ClusterUnits);
    public const string PlanCluster = nameof(PlanCluster);
    public const string GlobalTypes = nameof(GlobalTypes);
    public const string PlanGlobals = nameof(PlanGlobals);
    public const string CatalogDiagnostics = nameof(CatalogDiagnostics);
    public const string ServerDeclarations = nameof(ServerDeclarations);
    public const string SpecializeServer = nameof(SpecializeServer);
    public const string PlanServer = nameof(PlanServer);
}
