using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using MatterGen.Tests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace MatterGen.Generator.Tests.Planning;

/// <summary>
/// The generator's stages depend one way: Emit prints from plans, Planning resolves them from the model and
/// names, and never the other way round (DEVELOPERS.md, "Generator"). Checked by compiling the generator's
/// Model, Naming and Planning sources on their own: a reference to Emit, Pipeline or any other folder, by
/// <c>using</c> or by a qualified name, leaves a type unresolved and fails to compile.
/// </summary>
public sealed class LayeringTests
{
    private static readonly string GeneratorSource = Path.Combine(SharedMaterial.RepositoryRoot, "generator", "MatterGen.Generator");

    [Fact]
    public void Planning_compiles_with_the_model_and_naming_alone() =>
        AssertCompilesAlone("Model", "Naming", "Planning");

    [Fact]
    public void Naming_compiles_with_the_model_alone() =>
        AssertCompilesAlone("Model", "Naming");

    [Fact]
    public void A_planning_file_that_uses_an_emitter_does_not_compile_alone()
    {
        // The check itself can fail: the same sources plus a planning file that calls into Emit do not compile.
        const string stray = "namespace MatterGen.Generator.Planning; internal static class Stray { public static string Id(uint id) => MatterGen.Generator.Emit.Docs.Id(id); }";
        var errors = Errors(new[] { "Model", "Naming", "Planning" }, stray);
        Assert.Contains(errors, error => error.Id is "CS0234" or "CS0246");
    }

    private static void AssertCompilesAlone(params string[] folders)
    {
        var errors = Errors(folders);
        Assert.True(errors.Length == 0, string.Join("\n", errors.Take(20).Select(error => error.ToString())));
    }

    private static Diagnostic[] Errors(string[] folders, params string[] extraSources)
    {
        var files = folders.SelectMany(folder => Directory.GetFiles(Path.Combine(GeneratorSource, folder), "*.cs", SearchOption.AllDirectories)).ToArray();
        Assert.NotEmpty(files);
        var parseOptions = new CSharpParseOptions(GeneratorLanguageVersion());
        var trees = files.Select(file => CSharpSyntaxTree.ParseText(File.ReadAllText(file), parseOptions, file))
            .Concat(extraSources.Select(source => CSharpSyntaxTree.ParseText(source, parseOptions)));

        // The platform's and Roslyn's assemblies (Naming asks Roslyn which words are C# keywords), not the generator's.
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => path.Length > 0 && !Path.GetFileName(path).StartsWith("MatterGen.", StringComparison.Ordinal))
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create(
            "Layer" + string.Join("", folders),
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary).WithNullableContextOptions(NullableContextOptions.Enable));
        return compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToArray();
    }

    // The sources compile as the generator's project compiles them (a later version makes 'field' a keyword).
    private static LanguageVersion GeneratorLanguageVersion()
    {
        var project = File.ReadAllText(Path.Combine(GeneratorSource, "MatterGen.Generator.csproj"));
        var match = Regex.Match(project, "<LangVersion>([^<]+)</LangVersion>");
        Assert.True(match.Success, "The generator's project names no LangVersion");
        Assert.True(LanguageVersionFacts.TryParse(match.Groups[1].Value, out var version), "Unknown LangVersion " + match.Groups[1].Value);
        return version;
    }
}
