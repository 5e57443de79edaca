using System;
using System.IO;
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

    /// <summary>An AdditionalFile whose text was read up front, so a run measures the generator, not the disk.</summary>
    public sealed class FileText(string path, string text) : AdditionalText
    {
        private readonly SourceText source = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => source;
    }
}
