using System;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace MatterGen.Benchmarks.Generator;

/// <summary>What the generator benchmarks feed the driver: definition files read once, found from the repository root.</summary>
internal static class GeneratorInputs
{
    /// <summary>The folder that holds MatterGen.sln, above the benchmark's output folder.</summary>
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MatterGen.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("MatterGen.sln not found");
    }

    /// <summary>
    /// What a user's compilation references: the framework's assemblies (so attribute arguments bind) and the
    /// MatterGen runtime (where <c>[MatterServer]</c> is declared).
    /// </summary>
    public static MetadataReference[] References() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(System.IO.Path.PathSeparator)
            .Where(path => System.IO.Path.GetFileName(path).StartsWith("System", StringComparison.Ordinal)
                || System.IO.Path.GetFileName(path) is "netstandard.dll" or "mscorlib.dll")
            .Append(typeof(MatterServerAttribute).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray();

    /// <summary>An AdditionalFile whose text was read up front, so a run measures the generator, not the disk.</summary>
    public sealed class FileText(string path, string text) : AdditionalText
    {
        private readonly SourceText source = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => source;
    }
}
