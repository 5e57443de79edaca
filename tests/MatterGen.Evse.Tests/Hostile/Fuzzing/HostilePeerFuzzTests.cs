using System;
using System.Threading.Tasks;
using MatterGen.DataModel;
using MatterGen.Evse.Modes;
using MatterGen.Interaction;
using Xunit;
using Xunit.Abstractions;

namespace MatterGen.Evse.Tests.Hostile.Fuzzing;

/// <summary>
/// The hostile-peer run in CI: 100,000 operations per seed against each feature set, every failed or reading
/// operation checked to change nothing, no exception escaping, the device's holdings and the heap bounded.
/// A finding names the seed and the operation's bytes, so it replays.
/// </summary>
public sealed class HostilePeerFuzzTests(ITestOutputHelper output)
{
    private const int OperationsPerRun = 100_000;

    private const int OperationsOverInteractionModel = 10_000;

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    [InlineData(4, false)]
    public async Task A_hostile_peer_finds_nothing(int seed, bool bidirectional)
    {
        using var bed = new HostileBed(bidirectional);
        var fuzzer = new HostilePeerFuzzer(bed.Peer, new EnergyEvseFuzzTarget(bed));
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);

        var report = await fuzzer.RunAsync(seed, OperationsPerRun);

        var heapGrowth = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
        output.WriteLine(report.ToString());
        output.WriteLine($"heap growth {heapGrowth / 1024} KiB");
        Assert.True(report.Findings.Count == 0, string.Join("\n", report.Findings));
        Assert.True(report.Operations >= OperationsPerRun);
        Assert.True(report.Accepted > OperationsPerRun / 20, report.ToString());
        Assert.True(heapGrowth < 8 << 20, $"the heap grew by {heapGrowth} bytes");
    }

    [Fact]
    public async Task A_hostile_peer_finds_nothing_in_the_mode_cluster()
    {
        var (_, server) = EnergyEvseModes.Create(new ClusterServerOptions { Endpoint = 1 });
        var peer = new InProcessTransport(Privilege.Administer).Add(server);

        var report = await new HostilePeerFuzzer(peer, new EnergyEvseModeFuzzTarget(server)).RunAsync(seed: 5, OperationsPerRun);

        output.WriteLine(report.ToString());
        Assert.True(report.Findings.Count == 0, string.Join("\n", report.Findings));
        Assert.True(report.Accepted > OperationsPerRun / 20, report.ToString());
    }

    /// <summary>
    /// The same hostile peer with every operation as Interaction Model messages: the whole charger node served by
    /// the IM engine, the fuzzer's reads, writes and (timed) invokes sent by an IM client. Fewer operations, as
    /// each observation is a few dozen round trips.
    /// </summary>
    [Theory]
    [InlineData(11, true)]
    [InlineData(12, false)]
    public async Task A_hostile_peer_finds_nothing_through_interaction_model_messages(int seed, bool bidirectional)
    {
        using var bed = new HostileBed(bidirectional, overInteractionModel: true);
        var fuzzer = new HostilePeerFuzzer(bed.Peer, new EnergyEvseFuzzTarget(bed));

        var report = await fuzzer.RunAsync(seed, OperationsOverInteractionModel);

        output.WriteLine(report.ToString());
        Assert.True(report.Findings.Count == 0, string.Join("\n", report.Findings));
        Assert.True(report.Accepted > OperationsOverInteractionModel / 20, report.ToString());
        Assert.Equal(0, bed.Wire!.HandlerFailures);
    }
}
