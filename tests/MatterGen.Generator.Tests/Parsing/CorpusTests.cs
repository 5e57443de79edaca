using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using MatterGen.Generator.Model;
using MatterGen.Generator.Parsing;
using MatterGen.Generator.Resolution;
using MatterGen.Tests;
using Xunit;
using Xunit.Abstractions;

namespace MatterGen.Generator.Tests.Parsing;

/// <summary>Every upstream definition file parses, and the whole set resolves, without an error.</summary>
public sealed class CorpusTests
{
    private readonly ITestOutputHelper output;

    public CorpusTests(ITestOutputHelper output) => this.output = output;

    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        if (SharedMaterial.Directory is not null)
        {
            foreach (var path in Directory.GetFiles(SharedMaterial.ChipClusterDirectory, "*.xml").OrderBy(p => p, System.StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(path));
            }
        }
        else
        {
            data.Add("(shared material missing)");
        }

        return data;
    }

    [SharedTheory]
    [MemberData(nameof(CorpusFiles))]
    public void Each_upstream_file_parses_without_errors(string fileName)
    {
        var path = Path.Combine(SharedMaterial.ChipClusterDirectory, fileName);
        var file = DefinitionParser.Parse(path, File.ReadAllText(path), CancellationToken.None);
        var errors = file.Diagnostics.Where(ParseHelpers.IsError).ToList();
        Assert.True(errors.Count == 0, ParseHelpers.Describe(errors));
    }

    [SharedFact]
    public void The_whole_corpus_resolves_without_errors()
    {
        var texts = Directory.GetFiles(SharedMaterial.ChipClusterDirectory, "*.xml")
            .Select(p => (Path: p, Text: File.ReadAllText(p)))
            .ToList();

        var stopwatch = Stopwatch.StartNew();
        var files = texts.Select(t => DefinitionParser.Parse(t.Path, t.Text, CancellationToken.None)).ToImmutableArray();
        var parsed = stopwatch.Elapsed;
        var catalog = ClusterCatalog.Build(files, CancellationToken.None);
        var total = stopwatch.Elapsed;

        output.WriteLine($"{texts.Count} files, {catalog.Clusters.Count} clusters, {catalog.Globals.Types.Count} global types; parse {parsed.TotalMilliseconds:F0} ms, parse + catalog {total.TotalMilliseconds:F0} ms (first run, JIT included)");
        var warm = Stopwatch.StartNew();
        var again = ClusterCatalog.Build(texts.Select(t => DefinitionParser.Parse(t.Path, t.Text, CancellationToken.None)).ToImmutableArray(), CancellationToken.None);
        output.WriteLine($"second run: parse + catalog {warm.Elapsed.TotalMilliseconds:F0} ms");

        Assert.True(catalog.Diagnostics.Count == 0, ParseHelpers.Describe(catalog.Diagnostics));
        Assert.True(files.SelectMany(f => f.Diagnostics).All(d => !ParseHelpers.IsError(d)));
        Assert.InRange(catalog.Clusters.Count, 120, 160);

        // Value equality: the same input gives an equal result, so incremental steps cache.
        Assert.Equal(catalog, again);

        // Deterministic order: clusters by id, every cluster's local types by name.
        Assert.Equal(catalog.Clusters.Select(c => c.Cluster.Code).OrderBy(c => c), catalog.Clusters.Select(c => c.Cluster.Code));
        foreach (var unit in catalog.Clusters)
        {
            Assert.Equal(unit.LocalTypes.Select(t => t.Name).OrderBy(n => n, System.StringComparer.Ordinal), unit.LocalTypes.Select(t => t.Name));
        }
    }

    [SharedFact]
    public void Cluster_extensions_are_merged_into_their_clusters()
    {
        var catalog = ClusterCatalog.Build(
            Directory.GetFiles(SharedMaterial.ChipClusterDirectory, "*.xml")
                .Select(p => DefinitionParser.Parse(p, File.ReadAllText(p), CancellationToken.None))
                .ToImmutableArray(),
            CancellationToken.None);

        var basic = catalog.Clusters.Single(c => c.Cluster.Code == 0x0028).Cluster;
        Assert.Contains(basic.Commands, c => c.Name == "MfgSpecificPing" && c.Direction == CommandDirection.ClientToServer);

        var color = catalog.Clusters.Single(c => c.Cluster.Code == 0x0300).Cluster;
        Assert.Contains(color.Attributes, a => a.Id == 0x4000 && a.Name == "EnhancedCurrentHue");
        Assert.Equal(color.Attributes.Select(a => a.Id).OrderBy(i => i), color.Attributes.Select(a => a.Id));
    }

    [SharedFact]
    public void Global_types_used_by_a_cluster_are_listed_with_it()
    {
        var catalog = ClusterCatalog.Build(
            Directory.GetFiles(SharedMaterial.ChipClusterDirectory, "*.xml")
                .Select(p => DefinitionParser.Parse(p, File.ReadAllText(p), CancellationToken.None))
                .ToImmutableArray(),
            CancellationToken.None);

        var globalNames = catalog.Globals.Types.Select(t => t.Name).ToHashSet();
        foreach (var unit in catalog.Clusters)
        {
            Assert.All(unit.GlobalTypes, t => Assert.Contains(t.Name, globalNames));
            Assert.All(unit.LocalTypes, t => Assert.Contains(unit.Cluster.Code, t.ClusterCodes));
        }

        Assert.Contains(catalog.Clusters, u => u.GlobalTypes.Count > 0);
    }
}
