using System.Threading;
using MatterGen.Generator.Emit;
using MatterGen.Generator.Model;
using Xunit;

namespace MatterGen.Generator.Tests.Emit;

public sealed class EvseCompileTests
{
    [Fact]
    public void Emitted_EVSE_compiles_without_any_warning()
    {
        var source = GeneratedSource.Cluster(EvseModel.Unit, GeneratorSettings.Default, CancellationToken.None);
        var (_, problems) = GeneratedAssembly.Compile(source);
        Assert.True(problems.Count == 0, GeneratedAssembly.Describe(problems) + "\n" + source);
    }

    [Fact]
    public void Emitting_twice_gives_the_same_text()
    {
        var first = GeneratedSource.Cluster(EvseModel.Unit, GeneratorSettings.Default, CancellationToken.None);
        var second = GeneratedSource.Cluster(EvseModel.Unit with { }, new GeneratorSettings(GeneratorSettings.DefaultNamespace), CancellationToken.None);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Hint_names_follow_namespace_and_type_name()
    {
        Assert.Equal("MatterGen.Clusters.EnergyEvse.g.cs", ClusterEmitter.HintName(EvseModel.Unit, GeneratorSettings.Default));
        Assert.Equal("MatterGen.Clusters.Globals.g.cs", GlobalsEmitter.HintName(GeneratorSettings.Default));
    }
}
