using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MatterGen.Tests;

namespace MatterGen.Generator.Tests.Spec;

/// <summary>Finds our own definition files: <c>spec/*.xml</c> under the repository root.</summary>
internal static class SpecDirectory
{
    /// <summary>The spec/ folder.</summary>
    public static string Root => Path.Combine(SharedMaterial.RepositoryRoot, "spec");

    /// <summary>Full path of one spec/ file.</summary>
    public static string PathOf(string fileName) => Path.Combine(Root, fileName);

    /// <summary>Every definition file in spec/, in ordinal order; fails when there is none.</summary>
    public static IReadOnlyList<string> Files()
    {
        var files = Directory.Exists(Root)
            ? Directory.GetFiles(Root, "*.xml").OrderBy(f => f, StringComparer.Ordinal).ToList()
            : [];
        return files.Count > 0 ? files : throw new InvalidOperationException($"No definition files in {Root}.");
    }
}
