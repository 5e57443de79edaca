using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using MatterGen.Generator.Parsing;
using MatterGen.Generator.Resolution;
using MatterGen.Tests;

namespace MatterGen.Generator.Tests.Emit;

/// <summary>The real cluster definitions, parsed and resolved once per test run.</summary>
internal static class Corpus
{
    private static readonly Lazy<CatalogResult> Catalog = new(() =>
    {
        var files = Directory.GetFiles(SharedMaterial.ChipClusterDirectory, "*.xml")
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => DefinitionParser.Parse(p, File.ReadAllText(p), CancellationToken.None))
            .ToImmutableArray();
        return ClusterCatalog.Build(files, CancellationToken.None);
    });

    public static CatalogResult Result => Catalog.Value;
}
