using System.Linq;
using System.Threading;
using MatterGen.Generator.Model;
using MatterGen.Tests;
using Xunit;

namespace MatterGen.Generator.Tests.Emit;

/// <summary>Every cluster of the reference SDK's definitions, emitted and compiled together with the globals.</summary>
public sealed class CorpusEmitTests
{
    [SharedFact]
    public void Every_cluster_compiles_without_any_warning()
    {
        var result = Corpus.Result;
        Assert.True(result.Clusters.Count > 100, "clusters resolved: " + result.Clusters.Count);
        var sources = result.Clusters
            .Select(unit => GeneratedSource.Cluster(unit, GeneratorSettings.Default, CancellationToken.None))
            .Append(GeneratedSource.Globals(result.Globals, GeneratorSettings.Default, CancellationToken.None))
            .ToArray();

        var (_, problems) = GeneratedAssembly.Compile(sources);

        Assert.True(problems.Count == 0, problems.Count + " problems:\n" + GeneratedAssembly.Describe(problems));
    }

    [SharedFact]
    public void Emitting_the_corpus_twice_gives_the_same_text()
    {
        foreach (var unit in Corpus.Result.Clusters)
        {
            Assert.Equal(
                GeneratedSource.Cluster(unit, GeneratorSettings.Default, CancellationToken.None),
                GeneratedSource.Cluster(unit, GeneratorSettings.Default, CancellationToken.None));
        }
    }
}
