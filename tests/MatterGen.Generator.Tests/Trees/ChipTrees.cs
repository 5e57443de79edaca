using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MatterGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace MatterGen.Generator.Tests.Trees;

/// <summary>One connectedhomeip release's ZAP folder: its <c>zcl.json</c> and the XML files under it.</summary>
internal sealed record ChipTree(string Name, string ZclJsonPath)
{
    /// <summary>The folder that holds <c>zcl.json</c>.</summary>
    public string Directory => Path.GetDirectoryName(ZclJsonPath)!;

    /// <summary>What a user adds: <c>zcl.json</c> and every XML file beside and below it.</summary>
    public IReadOnlyList<AdditionalText> AdditionalFiles() =>
        System.IO.Directory.GetFiles(Directory, "*.xml", SearchOption.AllDirectories)
            .OrderBy(path => path, StringComparer.Ordinal)
            .Append(ZclJsonPath)
            .Select(GeneratorHarness.FromFile)
            .ToList();
}

/// <summary>Finds the release trees under the folder named by <c>MATTERGEN_CHIP_TREES</c>.</summary>
internal static class ChipTrees
{
    /// <summary>The environment variable that names the folder of release trees.</summary>
    public const string Variable = "MATTERGEN_CHIP_TREES";

    /// <summary>The folder, or null when the variable is unset or names no folder.</summary>
    public static string? Root =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } path && System.IO.Directory.Exists(path) ? path : null;

    /// <summary>Every <c>zcl.json</c> under the root (one per tree), named by the tree's top folder.</summary>
    public static IReadOnlyList<ChipTree> Find()
    {
        var root = Root ?? throw new InvalidOperationException(Variable + " is not set");
        return System.IO.Directory.GetFiles(root, "zcl.json", SearchOption.AllDirectories)
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => new ChipTree(TreeName(root, path), path))
            .ToList();
    }

    private static string TreeName(string root, string zclJson)
    {
        var relative = Path.GetRelativePath(root, zclJson);
        var first = relative.Split(Path.DirectorySeparatorChar)[0];
        return first == "zcl.json" ? Path.GetFileName(Path.GetFullPath(root)) : first;
    }
}

/// <summary>A fact that needs release trees: skipped, with the reason, when <c>MATTERGEN_CHIP_TREES</c> is unset.</summary>
internal sealed class ChipTreesFactAttribute : Xunit.FactAttribute
{
    public ChipTreesFactAttribute()
    {
        if (ChipTrees.Root is null)
        {
            Skip = ChipTrees.Variable + " is not set (or names no folder): no connectedhomeip release trees to build; "
                + "set it to a folder holding one checkout per release to run this test";
        }
    }
}
