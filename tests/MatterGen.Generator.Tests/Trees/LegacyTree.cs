using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MatterGen.Generator.Tests.Infrastructure;
using MatterGen.Tests;
using Microsoft.CodeAnalysis;

namespace MatterGen.Generator.Tests.Trees;

/// <summary>Our own miniature legacy tree (tests/…/Definitions/LegacyTree): its files as AdditionalFiles.</summary>
internal static class LegacyTree
{
    /// <summary>The tree's folder.</summary>
    public static string Directory { get; } = Path.Combine(SharedMaterial.RepositoryRoot, "tests", "MatterGen.Generator.Tests", "Definitions", "LegacyTree");

    /// <summary>The manifest's path.</summary>
    public static string Manifest => Path.Combine(Directory, "zcl.json");

    /// <summary>Every XML file of the tree (listed or not), in path order.</summary>
    public static IReadOnlyList<AdditionalText> XmlFiles() =>
        System.IO.Directory.GetFiles(Directory, "*.xml", SearchOption.AllDirectories)
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(GeneratorHarness.FromFile)
            .ToList();

    /// <summary>What a user adds: the XML files and the manifest.</summary>
    public static IReadOnlyList<AdditionalText> Files() => XmlFiles().Append(GeneratorHarness.FromFile(Manifest)).ToList();

    /// <summary>The path of a file of the tree, as the compiler gives it.</summary>
    public static string PathOf(string relative) => Path.Combine(Directory, relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>"file(line): id" for each diagnostic of the generator, relative to the tree, sorted.</summary>
    public static IReadOnlyList<string> Describe(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics
            .Select(d => (Span: d.Location.GetLineSpan(), d.Id))
            .Select(d => Path.GetRelativePath(Directory, d.Span.Path).Replace(Path.DirectorySeparatorChar, '/') + "(" + (d.Span.StartLinePosition.Line + 1) + "): " + d.Id)
            .OrderBy(text => text, StringComparer.Ordinal)
            .ToList();
}
