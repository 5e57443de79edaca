using System;
using System.IO;
using System.Linq;
using System.Threading;
using BenchmarkDotNet.Attributes;
using MatterGen.Generator.Pipeline;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MatterGen.Benchmarks.Generator;

/// <summary>
/// The generator kept warm, as in the IDE, over our own definitions (spec/, the Energy EVSE cluster included)
/// and four <c>[MatterServer]</c> declarations (three Energy EVSE feature sets and a Descriptor): the cost of
/// one run after an edit to one server declaration (its feature list toggles, so that server is specialized
/// and emitted again and everything else stays cached), and after an edit to an unrelated C# file.
/// </summary>
[MemoryDiagnoser]
public class IncrementalRerunBenchmarks
{
    private const string OtherServers = """
        namespace Charging;

        [MatterGen.MatterServer("Energy EVSE", Features = "ChargingPreferences, SoCReporting, RFID")]
        public partial class FullCharger { }

        [MatterGen.MatterServer("Energy EVSE", Features = "ChargingPreferences")]
        public partial class PlainCharger { }

        [MatterGen.MatterServer("Descriptor", Features = "TagList")]
        public partial class Parts { }
        """;

    private Compilation withRfid = null!;
    private Compilation withoutRfid = null!;
    private GeneratorDriver driver = null!;
    private bool rfid;
    private int edit;

    [GlobalSetup]
    public void Setup()
    {
        var files = Directory.GetFiles(Path.Combine(GeneratorInputs.RepositoryRoot(), "spec"), "*.xml")
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (AdditionalText)new GeneratorInputs.FileText(path, File.ReadAllText(path)))
            .ToArray();
        var references = GeneratorInputs.References();
        var others = CSharpSyntaxTree.ParseText(OtherServers, path: "Others.cs");
        withRfid = CSharpCompilation.Create("Bench", [others, EditedServer(rfid: true)], references);
        withoutRfid = withRfid.ReplaceSyntaxTree(withRfid.SyntaxTrees.Last(), EditedServer(rfid: false));
        driver = CSharpGeneratorDriver.Create([new ClusterGenerator().AsSourceGenerator()], files).RunGenerators(withRfid);
        var errors = driver.GetRunResult().Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0 || driver.GetRunResult().GeneratedTrees.Length == 0)
        {
            throw new InvalidOperationException("The benchmark's input does not generate cleanly: " + string.Join("; ", errors));
        }

        rfid = true;
    }

    /// <summary>One server declaration's feature list changes: that server is specialized and emitted again.</summary>
    [Benchmark]
    public GeneratorDriver RerunAfterEditingOneServer()
    {
        rfid = !rfid;
        driver = driver.RunGenerators(rfid ? withRfid : withoutRfid);
        return driver;
    }

    /// <summary>An unrelated C# file changes: every step is cached.</summary>
    [Benchmark]
    public GeneratorDriver RerunAfterUnrelatedEdit()
    {
        var edited = (rfid ? withRfid : withoutRfid).AddSyntaxTrees(CSharpSyntaxTree.ParseText($"class Edit{Interlocked.Increment(ref edit)} {{ }}"));
        return driver.RunGenerators(edited);
    }

    private static SyntaxTree EditedServer(bool rfid) => CSharpSyntaxTree.ParseText(
        $$"""
        namespace Charging;

        [MatterGen.MatterServer("Energy EVSE", Features = "{{(rfid ? "ChargingPreferences, RFID" : "ChargingPreferences, SoCReporting")}}")]
        public partial class Charger { }
        """,
        path: "Charger.cs");
}
