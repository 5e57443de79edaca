using System;
using System.IO;
using System.Threading;
using MatterGen.Generator.Emit;
using MatterGen.Generator.Model;
using MatterGen.Tests;
using Xunit;

namespace MatterGen.Generator.Tests.Emit;

/// <summary>
/// The code emitted for the hand-built EVSE model, committed beside the tests so a change to the output is
/// reviewed like code. Set MATTERGEN_UPDATE_BASELINES=1 to rewrite the baseline after an intended change.
/// </summary>
public sealed class BaselineTests
{
    [Fact]
    public void EnergyEvseMatchesTheBaseline()
    {
        var path = Path.Combine(SharedMaterial.RepositoryRoot, "tests", "MatterGen.Generator.Tests", "Emit", "Baselines", "EnergyEvse.g.cs.txt");
        var actual = ClusterEmitter.Emit(EvseModel.Unit, GeneratorSettings.Default, CancellationToken.None);
        if (Environment.GetEnvironmentVariable("MATTERGEN_UPDATE_BASELINES") == "1")
        {
            File.WriteAllText(path, actual);
        }

        Assert.True(File.Exists(path), "baseline missing: " + path);
        Assert.Equal(File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal), actual);
    }
}
