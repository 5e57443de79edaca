using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using MatterGen.Generator.Pipeline;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MatterGen.Generator.Tests.Infrastructure;

/// <summary>
/// Runs the generator the way the compiler does: C# sources and XML AdditionalFiles in, generated files,
/// generator diagnostics and the diagnostics of the finished compilation out.
/// </summary>
internal static class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    /// <summary>Reference assemblies: the running framework and the MatterGen runtime.</summary>
    public static ImmutableArray<MetadataReference> MetadataReferences => References.Value;

    /// <summary>A fresh compilation of the given sources (no generator).</summary>
    public static CSharpCompilation CreateCompilation(IEnumerable<string> sources, string assemblyName = "UserAssembly") =>
        CSharpCompilation.Create(
            assemblyName,
            sources.Select((source, index) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"Source{index}.cs")),
            MetadataReferences,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, generalDiagnosticOption: ReportDiagnostic.Default));

    /// <summary>A driver with step tracking on, for the given AdditionalFiles and MSBuild properties.</summary>
    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> additionalFiles, IReadOnlyDictionary<string, string>? properties = null) =>
        CSharpGeneratorDriver.Create(
            new[] { new ClusterGenerator().AsSourceGenerator() },
            additionalFiles,
            ParseOptions,
            new TestOptionsProvider(properties ?? new Dictionary<string, string>()),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator once and compiles the result.</summary>
    public static GeneratorRun Run(IEnumerable<string> sources, IEnumerable<AdditionalText> additionalFiles, IReadOnlyDictionary<string, string>? properties = null)
    {
        var compilation = CreateCompilation(sources);
        var driver = CreateDriver(additionalFiles, properties).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        return new GeneratorRun(driver, (CSharpCompilation)output, generatorDiagnostics, output.GetDiagnostics());
    }

    /// <summary>An AdditionalFile from disk (the real path is kept, for diagnostics).</summary>
    public static AdditionalText FromFile(string path) => new InMemoryAdditionalText(path, File.ReadAllText(path));

    /// <summary>Our own definitions in spec/.</summary>
    public static IReadOnlyList<AdditionalText> SpecFiles() =>
        Directory.GetFiles(Path.Combine(MatterGen.Tests.SharedMaterial.RepositoryRoot, "spec"), "*.xml")
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(FromFile)
            .ToList();

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return platform
            .Where(path => Path.GetFileName(path).StartsWith("System", StringComparison.Ordinal)
                || Path.GetFileName(path).Equals("netstandard.dll", StringComparison.Ordinal)
                || Path.GetFileName(path).Equals("mscorlib.dll", StringComparison.Ordinal))
            .Append(typeof(MatterServerAttribute).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }

    private sealed class TestOptionsProvider(IReadOnlyDictionary<string, string> properties) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(properties);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => DictionaryOptions.Empty;
    }

    private sealed class DictionaryOptions(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static DictionaryOptions Empty { get; } = new(new Dictionary<string, string>());

        public override bool TryGetValue(string key, out string value)
        {
            if (values.TryGetValue(key, out var found))
            {
                value = found;
                return true;
            }

            value = string.Empty;
            return false;
        }
    }
}

/// <summary>What one generator run produced.</summary>
internal sealed record GeneratorRun(
    GeneratorDriver Driver,
    CSharpCompilation Compilation,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    ImmutableArray<Diagnostic> CompilationDiagnostics)
{
    /// <summary>Generated files by hint name.</summary>
    public IReadOnlyDictionary<string, string> GeneratedSources =>
        Driver.GetRunResult().Results.SelectMany(result => result.GeneratedSources)
            .ToDictionary(source => source.HintName, source => source.SourceText.ToString(), StringComparer.Ordinal);

    /// <summary>Warnings and errors of the generator and the compiler together.</summary>
    public IReadOnlyList<Diagnostic> Problems =>
        GeneratorDiagnostics.Concat(CompilationDiagnostics)
            .Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning)
            .ToList();
}
