using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using MatterGen.Generator.Diagnostics;
using MatterGen.Generator.Manifest;
using MatterGen.Generator.Model;
using MatterGen.Generator.Naming;

namespace MatterGen.Generator.Resolution;

/// <summary>
/// Resolves the clusters of all definition files against each other: merges cluster extensions, checks ids
/// and names across files, resolves every type reference and finds each cluster's local and global types.
/// </summary>
internal static class ClusterCatalog
{
    /// <summary>
    /// Builds the catalog. Files are taken in load order: a tree's zcl.json order when <paramref name="selection"/>
    /// comes from one (a later duplicate is then ignored with a warning, as ZAP's load order resolves it), else
    /// path order (a duplicate is an error), so "the second one" is well defined.
    /// </summary>
    public static CatalogResult Build(ImmutableArray<DefinitionFile> files, CancellationToken ct, CorpusSelection? selection = null)
    {
        var diagnostics = new List<DiagnosticInfo>();
        selection ??= CorpusSelection.None;
        var ordered = files.IsDefault ? new List<DefinitionFile>() : CorpusSelector.Order(files, f => f.FilePath, selection);
        var byLoadOrder = selection.IsManifestDriven;

        var clusters = CollectClusters(ordered, byLoadOrder, diagnostics, ct);
        MergeExtensions(ordered, clusters, diagnostics, ct);
        var (globals, locals) = CollectTypes(ordered, byLoadOrder, diagnostics, ct);
        var baseAliases = TreeBaseTypes.Aliases(ordered.SelectMany(f => f.BaseTypes));

        ReportCollidingGlobalTypeNames(globals.Values, diagnostics);
        var globalScope = new TypeScope(null, globals, baseAliases);
        var globalResolver = new ReferenceResolver(globalScope, diagnostics);
        var globalTypes = globals.Values.OrderBy(t => t.Name, StringComparer.Ordinal).Select(globalResolver.ResolveType).Select(t => SignedBounds.Apply(t, globalScope)).ToList();
        StructCycles.Report(globalTypes, globalScope, diagnostics);

        var units = new List<ClusterUnit>();
        var typeNames = new Dictionary<string, ClusterModel>(StringComparer.Ordinal);
        foreach (var cluster in clusters.Values.OrderBy(c => c.Code))
        {
            ct.ThrowIfCancellationRequested();
            var typeName = Identifier.FromName(cluster.Name);
            if (typeName == GlobalNames.ClassName)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.DuplicateName, cluster.Position, "Cluster type", typeName, "the generated code (the class of the global types is '" + GlobalNames.ClassName + "')"));
                continue;
            }

            if (typeNames.TryGetValue(typeName, out var first))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.DuplicateName, cluster.Position, "Cluster type", typeName, "the generated clusters ('" + first.Name + "' and '" + cluster.Name + "')"));
                continue;
            }

            typeNames.Add(typeName, cluster);
            units.Add(BuildUnit(cluster, typeName, locals, globals, baseAliases, diagnostics));
        }

        var distinct = diagnostics.Distinct()
            .OrderBy(d => d.Position?.FilePath ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(d => d.Position?.Line ?? 0)
            .ThenBy(d => d.Position?.Column ?? 0)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToEquatableArray();
        return new CatalogResult(units.ToEquatableArray(), new GlobalTypesUnit(globalTypes.ToEquatableArray()), distinct);
    }

    private static ClusterUnit BuildUnit(
        ClusterModel cluster,
        string typeName,
        Dictionary<uint, Dictionary<string, DataTypeModel>> locals,
        Dictionary<string, DataTypeModel> globals,
        Dictionary<string, string> baseAliases,
        List<DiagnosticInfo> diagnostics)
    {
        locals.TryGetValue(cluster.Code, out var localTypes);
        var scope = new TypeScope(localTypes, globals, baseAliases);
        var resolver = new ReferenceResolver(scope, diagnostics);
        var resolvedCluster = LegacyFeatures.Derive(
            SignedBounds.Apply(ConstraintReferences.Resolve(resolver.ResolveCluster(cluster), scope, diagnostics), scope),
            localTypes?.Values ?? Enumerable.Empty<DataTypeModel>());
        var resolvedLocals = (localTypes?.Values ?? Enumerable.Empty<DataTypeModel>())
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(resolver.ResolveType)
            .Select(t => SignedBounds.Apply(t, scope))
            .ToList();

        // Global types used, transitively: global structs may use further global types.
        var globalScope = new TypeScope(null, globals, baseAliases);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<DataTypeModel>(resolver.Referenced.Where(t => t.ClusterCodes.Count == 0));
        while (pending.Count > 0)
        {
            var type = pending.Dequeue();
            if (!used.Add(type.Name))
            {
                continue;
            }

            foreach (var field in type.Fields)
            {
                if (globalScope.Resolve(field.Type.Name)?.Named is { } next && !used.Contains(next.Name))
                {
                    pending.Enqueue(next);
                }
            }
        }

        StructCycles.Report(resolvedLocals, scope, diagnostics);
        var globalResolver = new ReferenceResolver(globalScope, new List<DiagnosticInfo>());
        var usedGlobals = used.OrderBy(n => n, StringComparer.Ordinal).Select(n => SignedBounds.Apply(globalResolver.ResolveType(globals[n]), globalScope)).ToEquatableArray();
        return new ClusterUnit(resolvedCluster, typeName, resolvedLocals.ToEquatableArray(), usedGlobals);
    }

    private static Dictionary<uint, ClusterModel> CollectClusters(List<DefinitionFile> files, bool byLoadOrder, List<DiagnosticInfo> diagnostics, CancellationToken ct)
    {
        var clusters = new Dictionary<uint, ClusterModel>();
        foreach (var file in files)
        {
            foreach (var cluster in file.Clusters)
            {
                ct.ThrowIfCancellationRequested();
                if (!clusters.TryGetValue(cluster.Code, out var first))
                {
                    clusters.Add(cluster.Code, cluster);
                }
                else if (first.Position.FilePath != cluster.Position.FilePath)
                {
                    // Duplicates within one file were reported when it was parsed.
                    diagnostics.Add(byLoadOrder
                        ? DiagnosticInfo.Create(DiagnosticIds.DuplicateDefinitionIgnored, cluster.Position, "Cluster " + DiagnosticInfo.IdText(cluster.Code), cluster.Name, first.Position.ToString())
                        : DiagnosticInfo.Create(DiagnosticIds.DuplicateId, cluster.Position, "Cluster", DiagnosticInfo.IdText(cluster.Code), first.Name, cluster.Name));
                }
            }
        }

        return clusters;
    }

    // Extensions of a cluster no file defines are ignored: the user may have added only some of the files.
    private static void MergeExtensions(List<DefinitionFile> files, Dictionary<uint, ClusterModel> clusters, List<DiagnosticInfo> diagnostics, CancellationToken ct)
    {
        foreach (var extension in files.SelectMany(f => f.ClusterExtensions))
        {
            ct.ThrowIfCancellationRequested();
            if (!clusters.TryGetValue(extension.Code, out var cluster))
            {
                continue;
            }

            var attributes = Merge(cluster.Attributes, extension.Attributes, a => a.Id, a => a.Name, a => a.Position, cluster.Name + " attribute", diagnostics);
            var requests = Merge(cluster.Commands.Where(IsRequest), extension.Commands.Where(IsRequest), c => c.Id, c => c.Name, c => c.Position, cluster.Name + " request", diagnostics);
            var responses = Merge(cluster.Commands.Where(c => !IsRequest(c)), extension.Commands.Where(c => !IsRequest(c)), c => c.Id, c => c.Name, c => c.Position, cluster.Name + " response", diagnostics);
            var events = Merge(cluster.Events, extension.Events, e => e.Id, e => e.Name, e => e.Position, cluster.Name + " event", diagnostics);
            clusters[extension.Code] = cluster with
            {
                Attributes = ElementOrder.Attributes(attributes),
                Commands = ElementOrder.Commands(requests.Concat(responses)),
                Events = ElementOrder.Events(events),
            };
        }

        static bool IsRequest(CommandModel command) => command.Direction == CommandDirection.ClientToServer;
    }

    private static List<T> Merge<T>(
        IEnumerable<T> existing,
        IEnumerable<T> added,
        Func<T, uint> id,
        Func<T, string> name,
        Func<T, SourcePosition> position,
        string what,
        List<DiagnosticInfo> diagnostics)
    {
        var result = existing.ToList();
        var byId = new Dictionary<uint, T>();
        foreach (var item in result)
        {
            byId[id(item)] = item;
        }

        foreach (var item in added)
        {
            if (byId.TryGetValue(id(item), out var first))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.DuplicateId, position(item), what, DiagnosticInfo.IdText(id(item)), name(first), name(item)));
                continue;
            }

            byId.Add(id(item), item);
            result.Add(item);
        }

        return result;
    }

    private static (Dictionary<string, DataTypeModel> Globals, Dictionary<uint, Dictionary<string, DataTypeModel>> Locals) CollectTypes(
        List<DefinitionFile> files, bool byLoadOrder, List<DiagnosticInfo> diagnostics, CancellationToken ct)
    {
        var globals = new Dictionary<string, DataTypeModel>(StringComparer.Ordinal);
        var locals = new Dictionary<uint, Dictionary<string, DataTypeModel>>();
        foreach (var type in files.SelectMany(f => f.DataTypes))
        {
            ct.ThrowIfCancellationRequested();
            if (type.ClusterCodes.Count == 0)
            {
                AddType(globals, type, "the global scope", byLoadOrder, diagnostics);
                continue;
            }

            foreach (var code in type.ClusterCodes)
            {
                if (!locals.TryGetValue(code, out var scope))
                {
                    locals.Add(code, scope = new Dictionary<string, DataTypeModel>(StringComparer.Ordinal));
                }

                AddType(scope, type, "cluster " + DiagnosticInfo.IdText(code), byLoadOrder, diagnostics);
            }
        }

        return (globals, locals);
    }

    // Global types are nested in one class under the C# name TypeMapper gives them; two that get the same
    // name would clash there.
    private static void ReportCollidingGlobalTypeNames(IEnumerable<DataTypeModel> globals, List<DiagnosticInfo> diagnostics)
    {
        var byCSharpName = new Dictionary<string, DataTypeModel>(StringComparer.Ordinal);
        var inDeclarationOrder = globals
            .OrderBy(t => t.Position.FilePath, StringComparer.Ordinal)
            .ThenBy(t => t.Position.Line)
            .ThenBy(t => t.Position.Column);
        foreach (var type in inDeclarationOrder)
        {
            var cSharpName = GlobalNames.TypeName(type.Name);
            if (byCSharpName.TryGetValue(cSharpName, out var first))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.DuplicateName, type.Position, "Global type", cSharpName, "the generated class '" + GlobalNames.ClassName + "' ('" + first.Name + "' and '" + type.Name + "')"));
                continue;
            }

            byCSharpName.Add(cSharpName, type);
        }
    }

    private static void AddType(Dictionary<string, DataTypeModel> scope, DataTypeModel type, string where, bool byLoadOrder, List<DiagnosticInfo> diagnostics)
    {
        if (!scope.TryGetValue(type.Name, out var first))
        {
            scope.Add(type.Name, type);
        }
        else if (first.Position.FilePath != type.Position.FilePath)
        {
            // Duplicates within one file were reported when it was parsed.
            diagnostics.Add(byLoadOrder
                ? DiagnosticInfo.Create(DiagnosticIds.DuplicateDefinitionIgnored, type.Position, "Type in " + where, type.Name, first.Position.ToString())
                : DiagnosticInfo.Create(DiagnosticIds.DuplicateName, type.Position, "Type", type.Name, where));
        }
    }
}
