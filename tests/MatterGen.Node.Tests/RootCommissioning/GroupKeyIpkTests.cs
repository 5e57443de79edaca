using System;
using System.Threading.Tasks;
using MatterGen.Interaction;
using MatterGen.Transport.Fabrics;
using Xunit;
using static MatterGen.Node.Tests.RootCommissioning.GroupKeyManagementTests;
using Keys = MatterGen.Node.Clusters.GroupKeyManagement;

namespace MatterGen.Node.Tests.RootCommissioning;

/// <summary>
/// KeySetWrite of group key set 0, the IPK's (Core Specification 11.2.7.1, 11.2.5.4): accepted under the rules of
/// every other set, it replaces the IPK key set CASE matches destination ids with; a refused write leaves the IPK
/// as it was; KeySetRead still shows no key.
/// </summary>
public sealed class GroupKeyIpkTests
{
    private static readonly byte[] AddNocIpk = new byte[16];

    [Fact]
    public async Task Writing_set_0_replaces_the_ipk_case_answers_with_and_reads_back_without_keys()
    {
        await using var rig = await Rig.CreateAsync();
        var fabric = TestFabrics.Join(rig.Charger.Node.Fabrics);
        Assert.Equal(1, fabric.Index);

        await rig.Keys1.KeySetWriteAsync(Write(Full(0)), cancellationToken: rig.Wire.Guard);
        var read = (await rig.Keys1.KeySetReadAsync(new Keys.KeySetReadRequest { GroupKeySetID = 0 }, cancellationToken: rig.Wire.Guard)).GroupKeySet;

        Assert.True(Answers(fabric, Key0) && Answers(fabric, Key1) && Answers(fabric, Key2));
        Assert.False(Answers(fabric, AddNocIpk));
        Assert.Equal(Full(0) with { EpochKey0 = null, EpochKey1 = null, EpochKey2 = null }, read);
        Assert.Contains((ushort)0, (await rig.Keys1.KeySetReadAllIndicesAsync(new Keys.KeySetReadAllIndicesRequest(), cancellationToken: rig.Wire.Guard)).GroupKeySetIDs);

        // A one-key set replaces the three keys; set 0 never counts as a new set against MaxGroupKeysPerFabric.
        await rig.Keys1.KeySetWriteAsync(Write(Full(1)), cancellationToken: rig.Wire.Guard);
        await rig.Keys1.KeySetWriteAsync(Write(Full(2)), cancellationToken: rig.Wire.Guard);
        await rig.Keys1.KeySetWriteAsync(Write(Full(0) with { EpochKey0 = Key2, EpochKey1 = null, EpochStartTime1 = null, EpochKey2 = null, EpochStartTime2 = null }), cancellationToken: rig.Wire.Guard);
        Assert.True(Answers(fabric, Key2));
        Assert.False(Answers(fabric, Key0));
        Assert.Null(rig.Charger.GroupKeys.FindKeySet(1, 0)!.EpochKey1);
    }

    [Theory]
    [MemberData(nameof(BadKeySets), MemberType = typeof(GroupKeyManagementTests))]
    public async Task A_set_0_breaking_a_rule_gets_the_status_of_any_set_and_the_ipk_stays(string why, MatterStatus expected, Func<Keys.GroupKeySetStruct, Keys.GroupKeySetStruct> spoil)
    {
        await using var rig = await Rig.CreateAsync();
        var fabric = TestFabrics.Join(rig.Charger.Node.Fabrics);

        var error = await Assert.ThrowsAsync<MatterStatusException>(() => rig.Keys1.KeySetWriteAsync(Write(spoil(Full(0))), cancellationToken: rig.Wire.Guard).AsTask());

        Assert.True(expected == error.Status, $"{why}: {error.Status}");
        Assert.True(Answers(fabric, AddNocIpk));
        Assert.False(Answers(fabric, Key0));
        Assert.Null(rig.Charger.GroupKeys.FindKeySet(1, 0));
    }

    [Fact]
    public async Task A_write_of_set_0_that_cannot_reach_the_fabric_table_changes_nothing()
    {
        await using var rig = await Rig.CreateAsync();

        // The session names fabric 1, which the node's table does not hold: FAILURE, and no key set appears.
        var missing = await Assert.ThrowsAsync<MatterStatusException>(() => rig.Keys1.KeySetWriteAsync(Write(Full(0)), cancellationToken: rig.Wire.Guard).AsTask());
        rig.Charger.GroupKeys.Fabrics = null;
        var unmanaged = await Assert.ThrowsAsync<MatterStatusException>(() => rig.Keys1.KeySetWriteAsync(Write(Full(0)), cancellationToken: rig.Wire.Guard).AsTask());

        Assert.Equal(MatterStatus.Failure, missing.Status);
        Assert.Equal(MatterStatus.InvalidCommand, unmanaged.Status);
        Assert.Null(rig.Charger.GroupKeys.FindKeySet(1, 0));
    }

    [Fact]
    public async Task A_written_set_0_still_cannot_be_removed()
    {
        await using var rig = await Rig.CreateAsync();
        var fabric = TestFabrics.Join(rig.Charger.Node.Fabrics);
        await rig.Keys1.KeySetWriteAsync(Write(Full(0)), cancellationToken: rig.Wire.Guard);

        var remove = await Assert.ThrowsAsync<MatterStatusException>(() => rig.Keys1.KeySetRemoveAsync(new Keys.KeySetRemoveRequest { GroupKeySetID = 0 }, cancellationToken: rig.Wire.Guard).AsTask());

        Assert.Equal(MatterStatus.InvalidCommand, remove.Status);
        Assert.True(Answers(fabric, Key1));
    }

    // Whether a Sigma1 aimed at this node with the operational key of epochKey would find the fabric.
    private static bool Answers(Fabric fabric, byte[] epochKey)
    {
        var random = new byte[32];
        var operational = FabricKeys.OperationalGroupKey(epochKey, fabric.CompressedFabricId);
        return fabric.MatchesDestination(random, FabricKeys.DestinationId(operational, random, fabric.Root.PublicKey, fabric.FabricId, fabric.NodeId));
    }
}
