using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using BenchmarkDotNet.Attributes;
using MatterGen.Generator.Pipeline;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MatterGen.Benchmarks.Generator;

/// <summary>
/// Generation time for the whole reference corpus (../shared/chip-zcl): cold (a new driver, as at the first
/// build) and warm (the driver kept, as in the IDE, after an edit to an unrelated C# file). With
/// <see cref="ZclJson"/> the build is driven by the tree's zcl.json (every XML file of the tree plus the
/// manifest, which picks the files and their order), as a user pinned at a connectedhomeip release builds.
/// </summary>
[MemoryDiagnoser]
public class GenerationBenchmarks
{
    private ImmutableArray<AdditionalText> files;
    private CSharpCompilation compilation = null!;
    private GeneratorDriver warmDriver = null!;
    private int edit;

    /// <summary>False: the chip/*.xml files alone. True: the whole tree with its zcl.json.</summary>
    [Params(false, true)]
    public bool ZclJson { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var tree = Path.Combine(GeneratorInputs.RepositoryRoot(), "..", "shared", "chip-zcl");
        var paths = ZclJson
            ? Directory.GetFiles(tree, "*.xml", SearchOption.AllDirectories).Append(Path.Combine(tree, "zcl.json"))
            : Directory.GetFiles(Path.Combine(tree, "data-model", "chip"), "*.xml");
        files = paths.OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (AdditionalText)new GeneratorInputs.FileText(path, File.ReadAllText(path)))
            .ToImmutableArray();
        compilation = CSharpCompilation.Create("Bench", [CSharpSyntaxTree.ParseText("class User { }")], [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)]);
        warmDriver = NewDriver().RunGenerators(compilation);
    }

    /// <summary>The first build: every file parsed, every cluster emitted.</summary>
    [Benchmark]
    public GeneratorDriver WholeCorpusCold() => NewDriver().RunGenerators(compilation);

    /// <summary>An IDE keystroke in an unrelated file: every step should be cached.</summary>
    [Benchmark]
    public GeneratorDriver WarmAfterUnrelatedEdit()
    {
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText($"class Edit{Interlocked.Increment(ref edit)} {{ }}"));
        return warmDriver.RunGenerators(edited);
    }

    private GeneratorDriver NewDriver() => CSharpGeneratorDriver.Create([new ClusterGenerator().AsSourceGenerator()], files);
}
