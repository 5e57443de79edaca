using System;
using System.IO;
using System.Linq;
using MatterGen.Generator.Tests.Infrastructure;
using MatterGen.Tests;
using Xunit;

namespace MatterGen.Generator.Tests.Snapshots;

/// <summary>
/// The generated Energy EVSE files, in three feature sets, compared with committed baselines that are reviewed
/// like code. After an intended change, run with MATTERGEN_UPDATE_BASELINES=1 and review the diff.
/// </summary>
public sealed class SnapshotTests
{
    [Theory]
    [InlineData("PrefOnly", "ChargingPreferences")]
    [InlineData("PrefSocRfid", "ChargingPreferences, SoCReporting, RFID")]
    [InlineData("AllFeatures", "ChargingPreferences, SoCReporting, PlugAndCharge, RFID, V2X")]
    public void Energy_EVSE_server_matches_its_baseline(string name, string features)
    {
        var source = $$"""
            namespace Snapshots;

            [MatterGen.MatterServer("Energy EVSE", Features = "{{features}}")]
            public partial class {{name}}Charger { }
            """;

        var run = GeneratorHarness.Run([source], GeneratorHarness.SpecFiles());

        Assert.Empty(run.Problems.Select(diagnostic => diagnostic.ToString()));
        var server = run.GeneratedSources.Single(pair => pair.Key.Contains($"{name}Charger", StringComparison.Ordinal));
        AssertMatchesBaseline($"EnergyEVSE.{name}.Server.g.cs", server.Value);
    }

    [Fact]
    public void Energy_EVSE_cluster_matches_its_baseline()
    {
        var run = GeneratorHarness.Run([], GeneratorHarness.SpecFiles());

        Assert.Empty(run.Problems.Select(diagnostic => diagnostic.ToString()));
        AssertMatchesBaseline("EnergyEVSE.Cluster.g.cs", run.GeneratedSources["MatterGen.Clusters.EnergyEVSE.g.cs"]);
    }

    private static void AssertMatchesBaseline(string baselineName, string actual)
    {
        var path = Path.Combine(SharedMaterial.RepositoryRoot, "tests", "MatterGen.Generator.Tests", "Baselines", baselineName);
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("MATTERGEN_UPDATE_BASELINES") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
        }

        Assert.True(File.Exists(path), $"No baseline {path}; run the tests with MATTERGEN_UPDATE_BASELINES=1 and review it.");
        var expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
        {
            var expectedLines = expected.Split('\n');
            var actualLines = actual.Split('\n');
            var first = Enumerable.Range(0, Math.Min(expectedLines.Length, actualLines.Length)).FirstOrDefault(i => expectedLines[i] != actualLines[i], Math.Min(expectedLines.Length, actualLines.Length));
            Assert.Fail($"{baselineName} differs from its baseline at line {first + 1}:\n  baseline: {expectedLines.ElementAtOrDefault(first)}\n  actual:   {actualLines.ElementAtOrDefault(first)}");
        }
    }
}
