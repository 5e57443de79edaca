using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MatterGen.Generator.Tests.Emit;

/// <summary>Compiles generated sources as a user's project would (nullable on, warnings as errors) and loads them.</summary>
internal static class GeneratedAssembly
{
    private static readonly Lazy<MetadataReference[]> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => p.Length > 0)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(MatterGen.DataModel.EpochSeconds).Assembly.Location))
            .ToArray());

    /// <summary>Compiles the sources; returns the compilation and every diagnostic of Warning severity or above.</summary>
    public static (CSharpCompilation Compilation, IReadOnlyList<Diagnostic> Problems) Compile(params string[] sources)
    {
        // C# 12: the oldest language the generator promises to emit for; docs parsed so bad XML is reported.
        var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12, DocumentationMode.Diagnose);
        var trees = sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, parseOptions, "generated" + i + ".g.cs")).ToArray();
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
            .WithNullableContextOptions(NullableContextOptions.Enable)
            .WithGeneralDiagnosticOption(ReportDiagnostic.Error)
            .WithWarningLevel(9999)
            .WithOptimizationLevel(OptimizationLevel.Debug);
        var compilation = CSharpCompilation.Create("Generated" + Guid.NewGuid().ToString("N"), trees, References.Value, options);
        var problems = compilation.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning || d.IsWarningAsError)
            .ToList();
        return (compilation, problems);
    }

    /// <summary>Compiles and loads the sources, failing with every diagnostic when there is one.</summary>
    public static Assembly Load(params string[] sources)
    {
        var (compilation, problems) = Compile(sources);
        Xunit.Assert.True(problems.Count == 0, Describe(problems));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Xunit.Assert.True(result.Success, Describe(result.Diagnostics));
        stream.Position = 0;
        return new AssemblyLoadContext(compilation.AssemblyName, isCollectible: true).LoadFromStream(stream);
    }

    public static string Describe(IEnumerable<Diagnostic> diagnostics) =>
        string.Join("\n", diagnostics.Take(40).Select(d => d.ToString()));
}
