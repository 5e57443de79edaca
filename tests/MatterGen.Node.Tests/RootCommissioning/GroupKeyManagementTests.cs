using System;
using System.Linq;
using System.Threading.Tasks;
using MatterGen.DataModel;
using MatterGen.Evse.Charger;
using MatterGen.Interaction;
using MatterGen.InteractionModel.Messages;
using MatterGen.Messaging;
using MatterGen.Node.Tests.Wire;
using MatterGen.Tlv;
using Xunit;
using Keys = MatterGen.Node.Clusters.GroupKeyManagement;

namespace MatterGen.Node.Tests.RootCommissioning;

/// <summary>
/// Group Key Management on the charger through IM messages: the administrators of fabrics 1 and 2 each see and
/// change only their own key sets and group lists; every refused command leaves everything as it was.
/// </summary>
public sealed class GroupKeyManagementTests
{
    private const ulong OtherAdmin = 0x0000_0000_0002_0002;
    private static readonly byte[] Ipk = Convert.FromHexString("4a71cd6b8c5f2e0d1a3b7c9e0f112233");
    internal static readonly byte[] Key0 = Convert.FromHexString("d0d1d2d3d4d5d6d7d8d9dadbdcdddedf");
    internal static readonly byte[] Key1 = Convert.FromHexString("d1d1d2d3d4d5d6d7d8d9dadbdcdddedf");
    internal static readonly byte[] Key2 = Convert.FromHexString("d2d1d2d3d4d5d6d7d8d9dadbdcdddedf");

    [Fact]
    public async Task The_ipk_is_key_set_0_shown_without_its_key_and_the_limits_are_published()
    {
        await using var rig = await Rig.CreateAsync();
        rig.Charger.GroupKeys.SetIpk(1, Ipk);

        var indices = await rig.Keys1.KeySetReadAllIndicesAsync(new Keys.KeySetReadAllIndicesRequest(), cancellationToken: rig.Wire.Guard);
        var ipk = (await rig.Keys1.KeySetReadAsync(new Keys.KeySetReadRequest { GroupKeySetID = 0 }, cancellationToken: rig.Wire.Guard)).GroupKeySet;

        Assert.Equal(new ushort[] { 0 }, indices.GroupKeySetIDs);
        Assert.Equal(Keys.GroupKeySecurityPolicyEnum.TrustFirst, ipk.GroupKeySecurityPolicy);
        Assert.Null(ipk.EpochKey0);
        Assert.Equal(new EpochMicroseconds(0), ipk.EpochStartTime0);
        Assert.Null(ipk.EpochStartTime1);
        Assert.Equal(Ipk, rig.Charger.GroupKeys.FindKeySet(1, 0)!.EpochKey0!.Value.ToArray());
        Assert.Empty((await rig.Keys2.KeySetReadAllIndicesAsync(new Keys.KeySetReadAllIndicesRequest(), cancellationToken: rig.Wire.Guard)).GroupKeySetIDs);
        Assert.Equal((ushort)4, await rig.Keys1.ReadMaxGroupsPerFabricAsync(rig.Wire.Guard));
        Assert.Equal((ushort)3, await rig.Keys1.ReadMaxGroupKeysPerFabricAsync(rig.Wire.Guard));
        Assert.Throws<ArgumentException>(() => rig.Charger.GroupKeys.SetIpk(1, new byte[15]));
        Assert.Throws<ArgumentException>(() => rig.Charger.GroupKeys.SetIpk(0, Ipk));
    }

    [Fact]
    public async Task A_written_key_set_reads_back_with_its_start_times_and_no_keys_only_for_its_fabric()
    {
        await using var rig = await Rig.CreateAsync();

        await rig.Keys1.KeySetWriteAsync(Write(Full(0x1A)), cancellationToken: rig.Wire.Guard);
        var read = (await rig.Keys1.KeySetReadAsync(new Keys.KeySetReadRequest { GroupKeySetID = 0x1A }, cancellationToken: rig.Wire.Guard)).GroupKeySet;
        var otherFabric = await Assert.ThrowsAsync<MatterStatusException>(() => rig.Keys2.KeySetReadAsync(new Keys.KeySetReadRequest { GroupKeySetID = 0x1A }, cancellationToken: rig.Wire.Guard).AsTask());

        Assert.Equal(Full(0x1A) with { EpochKey0 = null, EpochKey1 = null, EpochKey2 = null }, read);
        Assert.Equal(MatterStatus.NotFound, otherFabric.Status);

        // Writing the same id again replaces the set.
        await rig.Keys1.KeySetWriteAsync(Write(Full(0x1A) with { EpochKey1 = null, EpochStartTime1 = null, EpochKey2 = null, EpochStartTime2 = null }), cancellationToken: rig.Wire.Guard);
        var replaced = (await rig.Keys1.KeySetReadAsync(new Keys.KeySetReadRequest { GroupKeySetID = 0x1A }, cancellationToken: rig.Wire.Guard)).GroupKeySet;
        Assert.Null(replaced.EpochStartTime1);
        Assert.Equal(Key0, rig.Charger.GroupKeys.FindKeySet(1, 0x1A)!.EpochKey0!.Value.ToArray());
    }

    public static TheoryData<string, MatterStatus, Func<Keys.GroupKeySetStruct, Keys.GroupKeySetStruct>> BadKeySets => new()
    {
        { "EpochKey0 null", MatterStatus.InvalidCommand, s => s with { EpochKey0 = null } },
        { "EpochStartTime0 null", MatterStatus.InvalidCommand, s => s with { EpochStartTime0 = null } },
        { "EpochStartTime0 zero", MatterStatus.InvalidCommand, s => s with { EpochStartTime0 = new EpochMicroseconds(0) } },
        { "EpochKey1 null with a start time", MatterStatus.InvalidCommand, s => s with { EpochKey1 = null } },
        { "EpochStartTime1 null with a key", MatterStatus.InvalidCommand, s => s with { EpochStartTime1 = null } },
        { "EpochStartTime1 before EpochStartTime0", MatterStatus.InvalidCommand, s => s with { EpochStartTime1 = new EpochMicroseconds(0) } },
        { "EpochStartTime1 equal to EpochStartTime0", MatterStatus.InvalidCommand, s => s with { EpochStartTime1 = s.EpochStartTime0 } },
        { "EpochKey2 without EpochKey1", MatterStatus.InvalidCommand, s => s with { EpochKey1 = null, EpochStartTime1 = null } },
        { "EpochKey2 null with a start time", MatterStatus.InvalidCommand, s => s with { EpochKey2 = null } },
        { "EpochStartTime2 null with a key", MatterStatus.InvalidCommand, s => s with { EpochStartTime2 = null } },
        { "EpochStartTime2 before EpochStartTime1", MatterStatus.InvalidCommand, s => s with { EpochStartTime2 = new EpochMicroseconds(2) } },
        { "CacheAndSync without the feature", MatterStatus.InvalidCommand, s => s with { GroupKeySecurityPolicy = Keys.GroupKeySecurityPolicyEnum.CacheAndSync } },
        { "EpochKey0 of 1 byte", MatterStatus.ConstraintError, s => s with { EpochKey0 = new byte[1] } },
        { "EpochKey1 of 15 bytes", MatterStatus.ConstraintError, s => s with { EpochKey1 = new byte[15] } },
        { "EpochKey2 of 15 bytes", MatterStatus.ConstraintError, s => s with { EpochKey2 = new byte[15] } },
    };

    [Theory]
    [MemberData(nameof(BadKeySets))]
    public async Task A_key_set_breaking_a_rule_is_refused_and_changes_nothing(string why, MatterStatus expected, Func<Keys.GroupKeySetStruct, Keys.GroupKeySetStruct> spoil)
    {
        await using var rig = await Rig.CreateAsync();
        await rig.Keys1.KeySetWriteAsync(Write(Full(0x1A)), cancellationToken: rig.Wire.Guard);

        var error = await Assert.ThrowsAsync<MatterStatusException>(() => rig.Keys1.KeySetWriteAsync(Write(spoil(Full(0x1A))), cancellationToken: rig.Wire.Guard).AsTask());

        Assert.True(expected == error.Status, $"{why}: {error.Status}");
        Assert.Equal(Full(0x1A), rig.Charger.GroupKeys.FindKeySet(1, 0x1A));
        Assert.Equal(new ushort[] { 0x1A }, (await rig.Keys1.KeySetReadAllIndicesAsync(new Keys.KeySetReadAllIndicesRequest(), cancellationToken: rig.Wire.Guard)).GroupKeySetIDs);
    }

    [Fact]
    public async Task A_key_of_17_bytes_is_a_constraint_error()
    {
        await using var rig = await Rig.CreateAsync();
        var fields = TestNodes.Tlv((ref TlvWriter w) =>
        {
            w.StartStructure(TlvTag.Anonymous);
            w.StartStructure(TlvTag.Context(0));
            w.WriteUnsignedInteger(TlvTag.Context(0), 0x1A);
            w.WriteUnsignedInteger(TlvTag.Context(1), 0);
            w.WriteOctetString(TlvTag.Context(2), new byte[17]);
            w.WriteUnsignedInteger(TlvTag.Context(3), 1);
            w.WriteNull(TlvTag.Context(4));
            w.WriteNull(TlvTag.Context(5));
            w.WriteNull(TlvTag.Context(6));
            w.WriteNull(TlvTag.Context(7));
            w.EndContainer();
            w.EndContainer();
        });

        var result = await rig.Wire.Client.InvokeAsync(0, Keys.ClusterId, 0x00, fields, timed: false, rig.Wire.Guard);

        Assert.Equal(MatterStatus.ConstraintError, result.Status);
        Assert.Null(rig.Charger.GroupKeys.FindKeySet(1, 0x1A));
    }

    [Fact]
    public async Task A_fabric_holds_at_most_max_group_keys_per_fabric_sets_the_ipk_included()
    {
        await using var rig = await Rig.CreateAsync();
        rig.Charger.GroupKeys.SetIpk(1, Ipk);
        await rig.Keys1.KeySetWriteAsync(Write(Full(1)), cancellationToken: rig.Wire.Guard);
        await rig.Keys1.KeySetWriteAsync(Write(Full(2)), cancellationToken: rig.Wire.Guard);

        var full = await Assert.ThrowsAsync<MatterStatusException>(() => rig.Keys1.KeySetWriteAsync(Write(Full(4)), cancellationToken: rig.Wire.Guard).AsTask());
        await rig.Keys1.KeySetWriteAsync(Write(Full(2)), cancellationToken: rig.Wire.Guard); // Replacing one is no new set.
        await rig.Keys2.KeySetWriteAsync(Write(Full(4)), cancellationToken: rig.Wire.Guard); // Another fabric counts its own.

        Assert.Equal(MatterStatus.ResourceExhausted, full.Status);
        Assert.Equal(new ushort[] { 0, 1, 2 }, (await rig.Keys1.KeySetReadAllIndicesAsync(new Keys.KeySetReadAllIndicesRequest(), cancellationToken: rig.Wire.Guard)).GroupKeySetIDs);
        Assert.Equal(new ushort[] { 4 }, (await rig.Keys2.KeySetReadAllIndicesAsync(new Keys.KeySetReadAllIndicesRequest(), cancellationToken: rig.Wire.Guard)).GroupKeySetIDs);
    }

    [Fact]
    public async Task Removing_a_set_takes_its_group_mappings_the_ipk_stays_and_an_unknown_id_is_not_found()
    {
        await using var rig = await Rig.CreateAsync();
        rig.Charger.GroupKeys.SetIpk(1, Ipk);
        await rig.Keys1.KeySetWriteAsync(Write(Full(1)), cancellationToken: rig.Wire.Guard);
        await rig.Keys1.KeySetWriteAsync(Write(Full(2)), cancellationToken: rig.Wire.Guard);
        await rig.Keys1.WriteGroupKeyMapAsync([Map(0x0101, 1), Map(0x0102, 2)], cancellationToken: rig.Wire.Guard);

        var ipk = await Assert.ThrowsAsync<MatterStatusException>(() => rig.Keys1.KeySetRemoveAsync(new Keys.KeySetRemoveRequest { GroupKeySetID = 0 }, cancellationToken: rig.Wire.Guard).AsTask());
        var unknown = await Assert.ThrowsAsync<MatterStatusException>(() => rig.Keys1.KeySetRemoveAsync(new Keys.KeySetRemoveRequest { GroupKeySetID = 0x1B }, cancellationToken: rig.Wire.Guard).AsTask());
        var otherFabric = await Assert.ThrowsAsync<MatterStatusException>(() => rig.Keys2.KeySetRemoveAsync(new Keys.KeySetRemoveRequest { GroupKeySetID = 1 }, cancellationToken: rig.Wire.Guard).AsTask());
        await rig.Keys1.KeySetRemoveAsync(new Keys.KeySetRemoveRequest { GroupKeySetID = 1 }, cancellationToken: rig.Wire.Guard);

        Assert.Equal(MatterStatus.InvalidCommand, ipk.Status);
        Assert.Equal(MatterStatus.NotFound, unknown.Status);
        Assert.Equal(MatterStatus.NotFound, otherFabric.Status);
        Assert.Equal(new ushort[] { 0, 2 }, (await rig.Keys1.KeySetReadAllIndicesAsync(new Keys.KeySetReadAllIndicesRequest(), cancellationToken: rig.Wire.Guard)).GroupKeySetIDs);
        Assert.Equal([Map(0x0102, 2) with { FabricIndex = 1 }], await rig.Keys1.ReadGroupKeyMapAsync(rig.Wire.Guard));
    }

    [Fact]
    public async Task Group_key_map_writes_replace_only_the_writers_entries_and_reads_filter_by_fabric()
    {
        await using var rig = await Rig.CreateAsync();

        await rig.Keys1.WriteGroupKeyMapAsync([Map(0x0101, 1) with { FabricIndex = 7 }, Map(0x0102, 1)], cancellationToken: rig.Wire.Guard);
        await rig.Keys2.WriteGroupKeyMapAsync([Map(0x0201, 5)], cancellationToken: rig.Wire.Guard);
        await rig.Keys1.WriteGroupKeyMapAsync([Map(0x0103, 2)], cancellationToken: rig.Wire.Guard);

        Assert.Equal([Map(0x0103, 2) with { FabricIndex = 1 }], await rig.Keys1.ReadGroupKeyMapAsync(rig.Wire.Guard));
        Assert.Equal([Map(0x0201, 5) with { FabricIndex = 2 }], await rig.Keys2.ReadGroupKeyMapAsync(rig.Wire.Guard));
        var unfiltered = await ReadUnfilteredAsync(rig, 0x0000, Keys.AttributeCodecs.DecodeGroupKeyMap);
        Assert.Equal(new byte?[] { 1, 2 }, unfiltered.Select(entry => entry.FabricIndex));
    }

    [Fact]
    public async Task An_append_to_the_group_key_map_extends_the_writers_entries_and_leaves_other_fabrics_alone()
    {
        await using var rig = await Rig.CreateAsync();
        await rig.Keys1.WriteGroupKeyMapAsync([Map(0x0101, 1)], cancellationToken: rig.Wire.Guard);
        await rig.Keys2.WriteGroupKeyMapAsync([Map(0x0201, 5)], cancellationToken: rig.Wire.Guard);
        var item = TestNodes.Tlv((ref TlvWriter w) => Map(0x0102, 1).Encode(ref w, TlvTag.Anonymous));
        var append = new WriteRequest(null, false, [new AttributeData(null, AttributePath.Append(0, Keys.ClusterId, 0x0000), item)], null);

        await using var exchange = rig.Wire.ClientSession.CreateExchange();
        await exchange.SendAsync(InteractionMessageWriter.ToProtocolMessage(append), true, rig.Wire.Guard);
        var response = Assert.IsType<WriteResponse>(InteractionMessageReader.Decode(await exchange.ReceiveAsync(TimeSpan.FromMinutes(1), rig.Wire.Guard)));

        Assert.Equal(MatterStatus.Success, Assert.Single(response.WriteResponses).Status.Status);
        Assert.Equal(new ushort[] { 0x0101, 0x0102 }, rig.Charger.GroupKeys.Server.GroupKeyMapOf(1).Select(entry => entry.GroupId));
        Assert.Equal([Map(0x0201, 5) with { FabricIndex = 2 }], rig.Charger.GroupKeys.Server.GroupKeyMapOf(2));
    }

    public static TheoryData<string, MatterStatus, Keys.GroupKeyMapStruct[]> BadMaps => new()
    {
        { "a mapping to the IPK", MatterStatus.ConstraintError, [Map(0x0101, 0)] },
        { "group id 0", MatterStatus.ConstraintError, [Map(0, 1)] },
        { "the same mapping twice", MatterStatus.ConstraintError, [Map(0x0101, 1), Map(0x0101, 1)] },
        { "more than MaxGroupsPerFabric", MatterStatus.ResourceExhausted, [Map(1, 1), Map(2, 1), Map(3, 1), Map(4, 1), Map(5, 1)] },
    };

    [Theory]
    [MemberData(nameof(BadMaps))]
    public async Task A_group_key_map_breaking_a_rule_is_refused_and_changes_nothing(string why, MatterStatus expected, Keys.GroupKeyMapStruct[] written)
    {
        await using var rig = await Rig.CreateAsync();
        await rig.Keys1.WriteGroupKeyMapAsync([Map(0x0101, 1)], cancellationToken: rig.Wire.Guard);
        var encoded = TestNodes.Tlv((ref TlvWriter w) => Keys.AttributeCodecs.EncodeGroupKeyMap(ref w, TlvTag.Anonymous, written));

        var status = await rig.Wire.Client.WriteAttributeAsync(0, Keys.ClusterId, 0x0000, encoded, timed: false, rig.Wire.Guard);

        Assert.True(expected == status, $"{why}: {status}");
        Assert.Equal([Map(0x0101, 1) with { FabricIndex = 1 }], rig.Charger.GroupKeys.Server.GroupKeyMapOf(1));
    }

    [Fact]
    public async Task The_group_table_is_fabric_scoped_and_bounded()
    {
        await using var rig = await Rig.CreateAsync();
        var keys = rig.Charger.GroupKeys.Server;

        Assert.Equal(MatterStatus.Success, keys.ReplaceGroupTable(1, [Group(0x0101, "Garage")]));
        Assert.Equal(MatterStatus.Success, keys.ReplaceGroupTable(2, [Group(0x0201, "Carport")]));
        Assert.Equal(MatterStatus.ResourceExhausted, keys.ReplaceGroupTable(1, [.. Enumerable.Range(1, 5).Select(id => Group((ushort)id, "x"))]));
        Assert.Equal(MatterStatus.ConstraintError, keys.ReplaceGroupTable(1, [Group(0x0101, "a"), Group(0x0101, "b")]));
        Assert.Equal(MatterStatus.UnsupportedAccess, keys.ReplaceGroupTable(0, [Group(0x0101, "a")]));

        Assert.Equal("Garage", Assert.Single(await rig.Keys1.ReadGroupTableAsync(rig.Wire.Guard)).GroupName);
        Assert.Equal("Carport", Assert.Single(await rig.Keys2.ReadGroupTableAsync(rig.Wire.Guard)).GroupName);
        Assert.Equal(2, (await ReadUnfilteredAsync(rig, 0x0001, Keys.AttributeCodecs.DecodeGroupTable)).Count);
        var written = await rig.Wire.Client.WriteAttributeAsync(0, Keys.ClusterId, 0x0001, TestNodes.Tlv((ref TlvWriter w) => Keys.AttributeCodecs.EncodeGroupTable(ref w, TlvTag.Anonymous, [])), timed: false, rig.Wire.Guard);
        Assert.Equal(MatterStatus.UnsupportedWrite, written);
    }

    [Fact]
    public async Task A_removed_fabric_leaves_no_key_set_mapping_or_group_and_the_other_fabric_keeps_its_own()
    {
        await using var rig = await Rig.CreateAsync();
        rig.Charger.GroupKeys.SetIpk(1, Ipk);
        rig.Charger.GroupKeys.SetIpk(2, Key2);
        await rig.Keys1.KeySetWriteAsync(Write(Full(1)), cancellationToken: rig.Wire.Guard);
        await rig.Keys1.WriteGroupKeyMapAsync([Map(0x0101, 1)], cancellationToken: rig.Wire.Guard);
        await rig.Keys2.WriteGroupKeyMapAsync([Map(0x0201, 1)], cancellationToken: rig.Wire.Guard);
        rig.Charger.GroupKeys.Server.ReplaceGroupTable(1, [Group(0x0101, "Garage")]);

        rig.Charger.Node.LeaveFabric(1);

        Assert.Null(rig.Charger.GroupKeys.FindKeySet(1, 0));
        Assert.Null(rig.Charger.GroupKeys.FindKeySet(1, 1));
        Assert.Empty(rig.Charger.GroupKeys.Server.GroupKeyMapOf(1));
        Assert.Empty(rig.Charger.GroupKeys.Server.GroupTable);
        Assert.Equal(Key2, rig.Charger.GroupKeys.FindKeySet(2, 0)!.EpochKey0!.Value.ToArray());
        Assert.Single(rig.Charger.GroupKeys.Server.GroupKeyMapOf(2));
    }

    [Fact]
    public async Task Key_sets_and_group_lists_survive_a_restart_through_the_attribute_store()
    {
        var store = new InMemoryAttributeStore();
        await using (var rig = await Rig.CreateAsync(store))
        {
            rig.Charger.GroupKeys.SetIpk(1, Ipk);
            await rig.Keys1.KeySetWriteAsync(Write(Full(1)), cancellationToken: rig.Wire.Guard);
            await rig.Keys1.WriteGroupKeyMapAsync([Map(0x0101, 1)], cancellationToken: rig.Wire.Guard);
            await Assert.ThrowsAsync<MatterStatusException>(() => rig.Keys1.KeySetWriteAsync(Write(Full(2) with { EpochKey0 = null }), cancellationToken: rig.Wire.Guard).AsTask());
        }

        using var restarted = ChargerNode.Create(TestNodes.Options(store: store));

        Assert.Equal(Ipk, restarted.GroupKeys.FindKeySet(1, 0)!.EpochKey0!.Value.ToArray());
        Assert.Equal(Full(1), restarted.GroupKeys.FindKeySet(1, 1));
        Assert.Null(restarted.GroupKeys.FindKeySet(1, 2));
        Assert.Equal([Map(0x0101, 1) with { FabricIndex = 1 }], restarted.GroupKeys.Server.GroupKeyMapOf(1));
    }

    [Fact]
    public async Task Key_sets_need_administer_and_an_accessing_fabric()
    {
        await using var rig = await Rig.CreateAsync();
        var manager = new Keys.Client(rig.Wire.ConnectGranted(0x0000_0000_0000_0777, Clusters.AccessControl.AccessControlEntryPrivilegeEnum.Manage), 0);
        var commissioner = new Keys.Client(rig.Wire.Connect(new SubjectDescriptor(SessionAuthMode.Pase, 0, FabricIndex: 0, IsCommissioning: true)), 0);

        var denied = await Assert.ThrowsAsync<MatterStatusException>(() => manager.KeySetWriteAsync(Write(Full(1)), cancellationToken: rig.Wire.Guard).AsTask());
        var noFabric = await Assert.ThrowsAsync<MatterStatusException>(() => commissioner.KeySetReadAllIndicesAsync(new Keys.KeySetReadAllIndicesRequest(), cancellationToken: rig.Wire.Guard).AsTask());
        await manager.WriteGroupKeyMapAsync([Map(0x0101, 1)], cancellationToken: rig.Wire.Guard); // Manage writes the map.

        Assert.Equal(MatterStatus.UnsupportedAccess, denied.Status);
        Assert.Equal(MatterStatus.UnsupportedAccess, noFabric.Status);
        Assert.Null(rig.Charger.GroupKeys.FindKeySet(1, 1));
        Assert.Single(rig.Charger.GroupKeys.Server.GroupKeyMapOf(1));
    }

    internal static Keys.GroupKeySetStruct Full(ushort id) => new()
    {
        GroupKeySetID = id,
        GroupKeySecurityPolicy = Keys.GroupKeySecurityPolicyEnum.TrustFirst,
        EpochKey0 = Key0,
        EpochStartTime0 = new EpochMicroseconds(1),
        EpochKey1 = Key1,
        EpochStartTime1 = new EpochMicroseconds(18_446_744_073_709_551_613),
        EpochKey2 = Key2,
        EpochStartTime2 = new EpochMicroseconds(18_446_744_073_709_551_614),
    };

    internal static Keys.KeySetWriteRequest Write(Keys.GroupKeySetStruct set) => new() { GroupKeySet = set };

    private static Keys.GroupKeyMapStruct Map(ushort group, ushort set) => new() { GroupId = group, GroupKeySetID = set };

    private static Keys.GroupInfoMapStruct Group(ushort group, string name) => new() { GroupId = group, Endpoints = [1], GroupName = name };

    private static async Task<System.Collections.Generic.IReadOnlyList<T>> ReadUnfilteredAsync<T>(Rig rig, uint attribute, TlvDecoder<System.Collections.Generic.IReadOnlyList<T>> decode)
    {
        var (report, status) = await rig.Wire.Client.ReadAsync(new ReadRequest([AttributePath.Concrete(0, Keys.ClusterId, attribute)], null, null, false, null), rig.Wire.Guard);
        Assert.Equal(MatterStatus.Success, status);
        var reader = new TlvReader(Assert.Single(report.Attributes()).Data!.Data.Span);
        Assert.True(reader.Read());
        return decode(ref reader);
    }

    /// <summary>The charger with administrators on fabrics 1 and 2, each with a Group Key Management client.</summary>
    internal sealed class Rig : IAsyncDisposable
    {
        private Rig(ChargerOnTheWire wire)
        {
            Wire = wire;
            Assert.Equal(MatterStatus.Success, wire.Node.AccessControlServer.AddAdministrator(1, ChargerOnTheWire.AdminNodeId));
            Assert.Equal(MatterStatus.Success, wire.Node.AccessControlServer.AddAdministrator(2, OtherAdmin));
            Keys1 = new Keys.Client(wire.Client, 0);
            Keys2 = new Keys.Client(wire.Connect(new SubjectDescriptor(SessionAuthMode.Case, OtherAdmin, FabricIndex: 2)), 0);
        }

        public ChargerOnTheWire Wire { get; }

        public ChargerNode Charger => Wire.Charger;

        public Keys.Client Keys1 { get; }

        public Keys.Client Keys2 { get; }

        public static Task<Rig> CreateAsync(IAttributeStore? store = null) => Task.FromResult(new Rig(new ChargerOnTheWire(ChargerOnTheWire.Admin, store: store)));

        public ValueTask DisposeAsync() => Wire.DisposeAsync();
    }
}
