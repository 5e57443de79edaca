using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using MatterGen.Generator.Model;
using MatterGen.Generator.Parsing;
using MatterGen.Generator.Resolution;
using MatterGen.Generator.Specialization;
using MatterGen.Generator.Tests.Infrastructure;
using MatterGen.Tests;
using Xunit;
using Xunit.Abstractions;

namespace MatterGen.Generator.Tests.Corpus;

/// <summary>
/// The whole reference corpus (every cluster file of the reference SDK, shared types included) goes through
/// the generator, in the complete view and with a server of every cluster in a minimal legal feature set,
/// and the result compiles with zero errors and zero warnings.
/// </summary>
public sealed class CorpusTests(ITestOutputHelper output)
{
    [SharedFact]
    public void Every_cluster_generates_and_compiles_in_the_complete_view_and_a_minimal_feature_set()
    {
        var files = Directory.GetFiles(SharedMaterial.ChipClusterDirectory, "*.xml").OrderBy(path => path, StringComparer.Ordinal).ToList();
        var catalog = ClusterCatalog.Build(files.Select(path => DefinitionParser.Parse(path, File.ReadAllText(path), CancellationToken.None)).ToImmutableArray(), CancellationToken.None);
        var servers = new StringBuilder("namespace CorpusServers;\n");
        var noLegalSet = new List<string>();
        foreach (var unit in catalog.Clusters)
        {
            var features = MinimalLegalFeatureSet(unit);
            if (features is null)
            {
                noLegalSet.Add(unit.Cluster.Name);
                continue;
            }

            servers.Append($"[MatterGen.MatterServer(\"0x{unit.Cluster.Code:X4}\", Features = \"{string.Join(", ", features)}\")] public partial class {unit.TypeName}Server {{ }}\n");
        }

        var stopwatch = Stopwatch.StartNew();
        var run = GeneratorHarness.Run([servers.ToString()], files.Select(GeneratorHarness.FromFile));
        stopwatch.Stop();

        var generated = run.GeneratedSources;
        var lines = generated.Values.Sum(text => text.Count(c => c == '\n'));
        output.WriteLine($"{files.Count} files, {catalog.Clusters.Count} clusters, {generated.Count} generated files, {lines} generated lines, generator + compile {stopwatch.ElapsedMilliseconds} ms");
        Assert.True(files.Count >= 141, $"expected the 141 reference files, found {files.Count}");
        Assert.Empty(noLegalSet);
        Assert.Empty(run.Problems.Select(diagnostic => diagnostic.ToString()).Take(50));
        Assert.True(catalog.Clusters.Count >= 100, $"only {catalog.Clusters.Count} clusters");
        Assert.Equal(catalog.Clusters.Count * 2 + 1, generated.Count);
    }

    /// <summary>The smallest feature set the cluster allows: mandatory features plus as few more as its choices need.</summary>
    internal static IReadOnlyList<string>? MinimalLegalFeatureSet(ClusterUnit unit)
    {
        var codes = unit.Cluster.Features.Select(feature => feature.Code).ToList();
        for (var size = 0; size <= Math.Min(4, codes.Count); size++)
        {
            foreach (var subset in Subsets(codes, size))
            {
                var declaration = new ServerDeclaration(null, "Probe", EquatableArray<string>.Empty, "public", true, unit.Cluster.Name,
                    subset.ToEquatableArray(), EquatableArray<string>.Empty, EquatableArray<AttributeDefaultOverride>.Empty,
                    EquatableArray<AttributeConstraintOverride>.Empty, new SourcePosition("probe.cs", 1, 1));
                if (ServerSpecializer.Specialize(declaration, unit).Cluster is not null)
                {
                    return subset;
                }
            }
        }

        return null;
    }

    private static IEnumerable<IReadOnlyList<string>> Subsets(IReadOnlyList<string> items, int size, int start = 0)
    {
        if (size == 0)
        {
            yield return Array.Empty<string>();
            yield break;
        }

        for (var i = start; i <= items.Count - size; i++)
        {
            foreach (var rest in Subsets(items, size - 1, i + 1))
            {
                yield return new[] { items[i] }.Concat(rest).ToList();
            }
        }
    }
}
