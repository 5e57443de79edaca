using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using MatterGen.Generator.Manifest;
using MatterGen.Generator.Parsing;
using MatterGen.Generator.Resolution;
using MatterGen.Generator.Tests.Corpus;
using MatterGen.Generator.Tests.Infrastructure;
using MatterGen.Tests;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace MatterGen.Generator.Tests.Trees;

/// <summary>
/// Whole connectedhomeip release trees (their <c>zcl.json</c> and every XML file beside it) through the
/// generator, as a user pinned at that release builds them. The trees are not part of this repository (their
/// files carry another project's licence): point <c>MATTERGEN_CHIP_TREES</c> at a folder that holds one
/// checkout (or just its <c>src/app/zap-templates/zcl</c>) per release. Without it the test is skipped and
/// says so.
/// </summary>
public sealed class ChipTreeTests(ITestOutputHelper output)
{
    // Unknown type (a placeholder such as NO_DATA), a bound naming nothing, a listed file the tree lacks, a
    // definition shadowed by load order: each about the files themselves, never about the generated code.
    private static readonly HashSet<string> ExplainedWarnings = new(StringComparer.Ordinal) { "MG0003", "MG0012", "MG0014", "MG0015" };

    [ChipTreesFact]
    public void Every_release_tree_builds_with_zero_errors_and_only_explained_warnings()
    {
        var trees = ChipTrees.Find();
        Assert.NotEmpty(trees);
        AssertBuilds(trees);
    }

    /// <summary>The reference snapshot in ../shared is a tree too: built the way its zcl.json says.</summary>
    [SharedFact]
    public void The_reference_snapshot_builds_from_its_zcl_json_with_zero_errors_and_only_explained_warnings() =>
        AssertBuilds([new ChipTree("shared chip-zcl", SharedMaterial.PathOf("chip-zcl/zcl.json"))]);

    private void AssertBuilds(IReadOnlyList<ChipTree> trees)
    {
        var failures = new List<string>();
        foreach (var tree in trees)
        {
            var run = Build(tree);
            var errors = run.Problems.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            var warnings = run.Problems.Where(d => d.Severity == DiagnosticSeverity.Warning).ToList();
            output.WriteLine($"{tree.Name}: {run.GeneratedSources.Count} generated files, {errors.Count} errors, {warnings.Count} warnings");
            foreach (var diagnostic in errors.Concat(warnings).Take(200))
            {
                output.WriteLine("  " + diagnostic);
            }

            if (errors.Count > 0)
            {
                failures.Add($"{tree.Name}: {errors.Count} errors, first: {errors[0]}");
            }

            // A warning is acceptable only for what the tree's files leave undefined; the generated code has none.
            var unexplained = warnings.Where(d => !ExplainedWarnings.Contains(d.Id)).ToList();
            if (unexplained.Count > 0)
            {
                failures.Add($"{tree.Name}: {unexplained.Count} other warnings, first: {unexplained[0]}");
            }
        }

        Assert.Empty(failures);
    }

    // Every cluster in the complete view, and a server of each in the smallest feature set it allows.
    private GeneratorRun Build(ChipTree tree)
    {
        var files = tree.AdditionalFiles();
        var catalog = Catalog(files);
        var servers = new StringBuilder("namespace TreeUser;\n");
        foreach (var unit in catalog.Clusters)
        {
            if (CorpusTests.MinimalLegalFeatureSet(unit) is { } features)
            {
                servers.Append($"[MatterGen.MatterServer(\"0x{unit.Cluster.Code:X4}\", Features = \"{string.Join(", ", features)}\")] public partial class {unit.TypeName}Server {{ }}\n");
            }
            else
            {
                output.WriteLine($"  {tree.Name}: {unit.Cluster.Name} allows no feature set of up to four features; no server");
            }
        }

        return GeneratorHarness.Run([servers.ToString()], files);
    }

    /// <summary>The catalog the generator builds from these AdditionalFiles (manifest included).</summary>
    internal static CatalogResult Catalog(IReadOnlyList<AdditionalText> files)
    {
        var manifests = files.Where(f => ManifestParser.IsManifest(f.Path))
            .Select(f => ManifestParser.Parse(f.Path, f.GetText()!.ToString(), CancellationToken.None)).ToImmutableArray();
        var xml = files.Where(f => f.Path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)).ToList();
        var selection = CorpusSelector.Select(manifests, xml.Select(f => f.Path).ToImmutableArray());
        var parsed = xml.Select(f => DefinitionParser.Parse(f.Path, f.GetText()!.ToString(), CancellationToken.None)).ToImmutableArray();
        return ClusterCatalog.Build(parsed, CancellationToken.None, selection);
    }
}
