namespace MatterGen.Generator.Model;

/// <summary>
/// A cluster resolved against every definition file and ready to emit: the cluster, the named types that
/// belong to it (emitted nested in its class) and the global types it uses (emitted once, in the globals class).
/// Value-equal, so an edit elsewhere leaves this unit, and the file emitted from it, cached.
/// </summary>
/// <param name="Cluster">The cluster.</param>
/// <param name="TypeName">The C# identifier of the cluster's class (<c>EnergyEvse</c>).</param>
/// <param name="LocalTypes">Types that name this cluster in their <c>&lt;cluster code&gt;</c>.</param>
/// <param name="GlobalTypes">Global types (no cluster code) that the cluster's elements or local types use.</param>
internal sealed record ClusterUnit(
    ClusterModel Cluster,
    string TypeName,
    EquatableArray<DataTypeModel> LocalTypes,
    EquatableArray<DataTypeModel> GlobalTypes);

/// <summary>The global types of all definition files, emitted once into the globals class.</summary>
internal sealed record GlobalTypesUnit(EquatableArray<DataTypeModel> Types);

/// <summary>Settings the generator reads from MSBuild (<c>build_property.*</c>).</summary>
/// <param name="RootNamespace">Namespace of the generated cluster types (MatterGenNamespace, default <c>MatterGen.Clusters</c>).</param>
/// <param name="StrictConformance">
/// MatterGenStrictConformance: choices that certification rejects (a deprecated feature) are errors, not warnings.
/// </param>
internal sealed record GeneratorSettings(string RootNamespace, bool StrictConformance = false)
{
    public const string DefaultNamespace = "MatterGen.Clusters";

    public static GeneratorSettings Default { get; } = new(DefaultNamespace);
}
