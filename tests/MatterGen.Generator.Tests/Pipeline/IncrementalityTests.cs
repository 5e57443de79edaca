using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using MatterGen.Generator.Pipeline;
using MatterGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace MatterGen.Generator.Tests.Pipeline;

/// <summary>
/// An edit that does not touch an input leaves every step derived from it Cached or Unchanged, and no step
/// output holds a symbol, compilation or syntax node (they would defeat caching and keep compilations alive).
/// </summary>
public sealed class IncrementalityTests
{
    private const string ServerSource = """
        namespace Charging;

        [MatterGen.MatterServer("Energy EVSE", Features = "ChargingPreferences, RFID")]
        public partial class Charger { }
        """;

    private static readonly string[] TrackedSteps =
    [
        TrackingNames.Settings, TrackingNames.ParseDefinitionFile, TrackingNames.FileDiagnostics, TrackingNames.BuildCatalog,
        TrackingNames.ClusterUnits, TrackingNames.PlanCluster, TrackingNames.GlobalTypes, TrackingNames.PlanGlobals, TrackingNames.CatalogDiagnostics,
        TrackingNames.ServerDeclarations, TrackingNames.SpecializeServer, TrackingNames.PlanServer, TrackingNames.SelectCorpus,
    ];

    private static readonly string[] ManifestSteps = [.. TrackedSteps, TrackingNames.ParseManifest];

    [Fact]
    public void Running_again_with_nothing_changed_leaves_every_step_cached()
    {
        var (driver, compilation) = FirstRun(GeneratorHarness.SpecFiles());

        driver = driver.RunGenerators(compilation.Clone());

        AssertAllCachedOrUnchanged(driver.GetRunResult(), TrackedSteps);
    }

    [Fact]
    public void Editing_an_unrelated_csharp_file_leaves_every_step_cached()
    {
        var (driver, compilation) = FirstRun(GeneratorHarness.SpecFiles());

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { int x = 1; }", GeneratorHarness.ParseOptions));
        driver = driver.RunGenerators(edited);

        AssertAllCachedOrUnchanged(driver.GetRunResult(), TrackedSteps);
    }

    [Fact]
    public void Editing_an_unrelated_xml_file_leaves_the_untouched_clusters_and_servers_unchanged()
    {
        var files = GeneratorHarness.SpecFiles().Append(new InMemoryAdditionalText("/extra/widget.xml", WidgetXml(0))).ToList();
        var (driver, compilation) = FirstRun(files);

        var edited = files.Take(files.Count - 1).Append(new InMemoryAdditionalText("/extra/widget.xml", WidgetXml(1))).ToList();
        driver = driver.ReplaceAdditionalText(files[^1], edited[^1]).RunGenerators(compilation.Clone());
        var result = driver.GetRunResult().Results.Single();

        // Parsing: only the edited file is parsed again.
        var parsed = result.TrackedSteps[TrackingNames.ParseDefinitionFile].SelectMany(step => step.Outputs).ToList();
        Assert.Equal(files.Count, parsed.Count);
        Assert.Equal(files.Count - 1, parsed.Count(output => output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));

        // Per-cluster units: the widget changed; every spec/ cluster is unchanged, so its file is not emitted again.
        var units = result.TrackedSteps[TrackingNames.ClusterUnits].SelectMany(step => step.Outputs).ToList();
        var changed = units.Where(output => output.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged)).ToList();
        Assert.Single(changed);
        Assert.Contains("Widget", ((Model.ClusterUnit)changed[0].Value).TypeName, StringComparison.Ordinal);

        // The Energy EVSE server's specialization is unchanged.
        AssertAllCachedOrUnchanged(driver.GetRunResult(), [TrackingNames.ServerDeclarations, TrackingNames.SpecializeServer, TrackingNames.Settings]);
    }

    [Fact]
    public void Editing_a_server_declaration_specializes_it_again_and_leaves_every_cluster_plan_cached()
    {
        var (driver, compilation) = FirstRun(GeneratorHarness.SpecFiles());
        var declaration = compilation.SyntaxTrees.Single(tree => tree.ToString().Contains("MatterServer", StringComparison.Ordinal));

        var edited = compilation.ReplaceSyntaxTree(declaration, CSharpSyntaxTree.ParseText(
            ServerSource.Replace("ChargingPreferences, RFID", "ChargingPreferences, SoCReporting", StringComparison.Ordinal), GeneratorHarness.ParseOptions, declaration.FilePath));
        driver = driver.RunGenerators(edited);
        var result = driver.GetRunResult().Results.Single();

        // The edit reached the server: its specialization and its plan pairing ran again and changed ...
        Assert.Contains(result.TrackedSteps[TrackingNames.SpecializeServer].SelectMany(step => step.Outputs), output => output.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains(result.TrackedSteps[TrackingNames.PlanServer].SelectMany(step => step.Outputs), output => output.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("StateOfCharge", result.GeneratedSources.Single(source => source.HintName.EndsWith("Charger.MatterServer.g.cs", StringComparison.Ordinal)).SourceText.ToString(), StringComparison.Ordinal);

        // ... and no cluster was planned again: every plan is the cached one.
        var plans = result.TrackedSteps[TrackingNames.PlanCluster].SelectMany(step => step.Outputs).ToList();
        Assert.NotEmpty(plans);
        Assert.All(plans, output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
        AssertAllCachedOrUnchanged(driver.GetRunResult(), [TrackingNames.BuildCatalog, TrackingNames.ClusterUnits, TrackingNames.GlobalTypes, TrackingNames.PlanGlobals]);
    }

    [Fact]
    public void Editing_one_cluster_xml_plans_only_that_cluster_again()
    {
        var files = GeneratorHarness.SpecFiles().Append(new InMemoryAdditionalText("/extra/widget.xml", WidgetXml(0))).ToList();
        var (driver, compilation) = FirstRun(files);

        driver = driver.ReplaceAdditionalText(files[^1], new InMemoryAdditionalText("/extra/widget.xml", WidgetXml(1))).RunGenerators(compilation.Clone());
        var result = driver.GetRunResult().Results.Single();

        var plans = result.TrackedSteps[TrackingNames.PlanCluster].SelectMany(step => step.Outputs).ToList();
        var replanned = plans.Where(output => output.Reason != IncrementalStepRunReason.Cached).ToList();
        var widget = Assert.Single(replanned);
        Assert.Equal(IncrementalStepRunReason.Modified, widget.Reason);
        Assert.Equal("Widget", ((Generator.Planning.ClusterPlan)widget.Value).Unit.TypeName);
        Assert.Equal(result.TrackedSteps[TrackingNames.ClusterUnits].SelectMany(step => step.Outputs).Count(), plans.Count);

        // The Energy EVSE server is paired with its own (cached) plan again and comes out the same: not emitted again.
        AssertAllCachedOrUnchanged(driver.GetRunResult(), [TrackingNames.SpecializeServer, TrackingNames.PlanServer]);
    }

    [Fact]
    public void A_manifest_driven_build_stays_cached_when_an_unrelated_csharp_file_changes()
    {
        var files = GeneratorHarness.SpecFiles().Concat(Trees.LegacyTree.Files()).ToList();
        var (driver, compilation) = FirstRun(files);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { int x = 1; }", GeneratorHarness.ParseOptions));
        driver = driver.RunGenerators(edited);

        AssertAllCachedOrUnchanged(driver.GetRunResult(), ManifestSteps);
    }

    [Fact]
    public void Editing_a_file_the_manifest_does_not_list_changes_nothing_downstream()
    {
        var files = GeneratorHarness.SpecFiles().Concat(Trees.LegacyTree.Files()).ToList();
        var (driver, compilation) = FirstRun(files);
        var broken = files.Single(f => f.Path.EndsWith("broken.xml", StringComparison.Ordinal));

        driver = driver.ReplaceAdditionalText(broken, new InMemoryAdditionalText(broken.Path, "<configurator><cluster><name>Still broken")).RunGenerators(compilation.Clone());

        AssertAllCachedOrUnchanged(driver.GetRunResult(), [TrackingNames.SelectCorpus, TrackingNames.BuildCatalog, TrackingNames.ClusterUnits,
            TrackingNames.GlobalTypes, TrackingNames.CatalogDiagnostics, TrackingNames.SpecializeServer]);
        Assert.DoesNotContain(driver.GetRunResult().Diagnostics, d => d.Id == "MG0001");
    }

    [Fact]
    public void Reformatting_the_manifest_changes_nothing_downstream()
    {
        var files = GeneratorHarness.SpecFiles().Concat(Trees.LegacyTree.Files()).ToList();
        var (driver, compilation) = FirstRun(files);
        var manifest = files.Single(f => f.Path.EndsWith("zcl.json", StringComparison.Ordinal));
        var reformatted = manifest.GetText()!.ToString().Replace("\n", "\n\n", StringComparison.Ordinal).Replace("\"test\"", "\"test, again\"", StringComparison.Ordinal);

        driver = driver.ReplaceAdditionalText(manifest, new InMemoryAdditionalText(manifest.Path, reformatted)).RunGenerators(compilation.Clone());

        // The entries' lines moved, so the "not found" warning's position changes; the corpus does not.
        AssertAllCachedOrUnchanged(driver.GetRunResult(), [TrackingNames.BuildCatalog, TrackingNames.ClusterUnits, TrackingNames.GlobalTypes,
            TrackingNames.CatalogDiagnostics, TrackingNames.SpecializeServer]);
    }

    [Fact]
    public void Step_outputs_hold_no_symbols_compilations_or_syntax()
    {
        var (driver, _) = FirstRun(GeneratorHarness.SpecFiles());

        var tracked = driver.GetRunResult().Results.Single().TrackedSteps;
        foreach (var name in TrackedSteps)
        {
            foreach (var output in tracked[name].SelectMany(step => step.Outputs))
            {
                AssertPlainData(output.Value, name, new HashSet<object>(ReferenceEqualityComparer.Instance), 0);
            }
        }
    }

    private static (GeneratorDriver Driver, Compilation Compilation) FirstRun(IReadOnlyList<AdditionalText> files)
    {
        var compilation = GeneratorHarness.CreateCompilation([ServerSource]);
        var driver = GeneratorHarness.CreateDriver(files).RunGenerators(compilation);
        var outputs = driver.GetRunResult();
        Assert.Empty(outputs.Diagnostics.Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));
        Assert.NotEmpty(outputs.GeneratedTrees);
        return (driver, compilation);
    }

    private static void AssertAllCachedOrUnchanged(GeneratorDriverRunResult run, IEnumerable<string> stepNames)
    {
        var steps = run.Results.Single().TrackedSteps;
        foreach (var name in stepNames)
        {
            Assert.True(steps.ContainsKey(name), $"step {name} was not tracked");
            foreach (var output in steps[name].SelectMany(step => step.Outputs))
            {
                Assert.True(
                    output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                    $"step {name} was {output.Reason}");
            }
        }
    }

    private static void AssertPlainData(object? value, string step, HashSet<object> seen, int depth)
    {
        if (value is null || depth > 12 || value is string || value.GetType().IsPrimitive || value is Enum || !seen.Add(value))
        {
            return;
        }

        Assert.False(value is ISymbol or Compilation or SyntaxNode or SyntaxTree or SemanticModel or Location or AdditionalText,
            $"step {step} holds a {value.GetType().Name}");
        if (value is IEnumerable items)
        {
            foreach (var item in items)
            {
                AssertPlainData(item, step, seen, depth + 1);
            }

            return;
        }

        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            AssertPlainData(property.GetValue(value), step, seen, depth + 1);
        }
    }

    private static string WidgetXml(int revision) => $"""
        <?xml version="1.0"?>
        <configurator>
          <cluster>
            <name>Widget</name>
            <domain>Test</domain>
            <code>0xFFF1FC20</code>
            <description>A cluster edited between runs.</description>
            <globalAttribute side="either" code="0xFFFD" value="{revision + 1}"/>
            <attribute side="server" code="0x0000" name="Level" type="int8u"><mandatoryConform/></attribute>
          </cluster>
        </configurator>
        """;
}
