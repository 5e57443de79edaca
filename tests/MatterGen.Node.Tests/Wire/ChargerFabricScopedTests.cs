using System;
using System.Linq;
using System.Threading.Tasks;
using MatterGen.Interaction;
using MatterGen.InteractionModel;
using MatterGen.InteractionModel.Messages;
using MatterGen.Node.Clusters;
using MatterGen.Node.Composition;
using MatterGen.Tlv;
using Xunit;

namespace MatterGen.Node.Tests.Wire;

/// <summary>
/// The ACL, a fabric-scoped list of fabric-sensitive entries, read and written over IM messages by the
/// administrator of fabric 1 while fabric 2 has entries of its own.
/// </summary>
public sealed class ChargerFabricScopedTests
{
    private const ulong OtherAdmin = 0x0000_0000_0002_0002;

    [Fact]
    public async Task An_unfiltered_read_shows_other_fabrics_entries_as_their_fabric_index_alone_and_a_filtered_one_leaves_them_out()
    {
        await using var wire = ChargerOnTheWire.WithAdministrator();
        Assert.Equal(MatterStatus.Success, wire.Node.AccessControlServer.AddAdministrator(2, OtherAdmin));

        var unfiltered = EncodedEntries(await ReadAclBytesAsync(wire, fabricFiltered: false));
        var decoded = await ReadAclAsync(wire, fabricFiltered: false);
        var filtered = await ReadAclAsync(wire, fabricFiltered: true);

        // Fabric 1's entry in full; fabric 2's as its FabricIndex and nothing of its fabric-sensitive fields, which
        // the generated decoder reads as an entry with those fields omitted.
        Assert.Equal(2, unfiltered.Length);
        var own = AccessControl.AccessControlEntryStruct.Decode(unfiltered[0]);
        Assert.Equal((byte?)1, own.FabricIndex);
        Assert.Equal([ChargerOnTheWire.AdminNodeId], own.Subjects);
        Assert.False(own.FabricSensitiveFieldsOmitted);
        Assert.Equal("1524FE0218", Convert(unfiltered[1]));
        Assert.Equal([false, true], decoded.Select(e => e.FabricSensitiveFieldsOmitted));
        Assert.Equal([1, 2], decoded.Select(e => (int)e.FabricIndex!.Value));
        Assert.Equal([1], filtered.Select(e => (int)e.FabricIndex!.Value));
    }

    [Fact]
    public async Task A_write_replaces_only_the_accessing_fabrics_entries_and_stamps_its_fabric_index()
    {
        await using var wire = ChargerOnTheWire.WithAdministrator();
        Assert.Equal(MatterStatus.Success, wire.Node.AccessControlServer.AddAdministrator(2, OtherAdmin));
        var written = new[]
        {
            new Entry { Privilege = Privileges.Administer, AuthMode = Modes.CASE, Subjects = [ChargerOnTheWire.AdminNodeId], Targets = null, FabricIndex = 7 },
            new Entry { Privilege = Privileges.View, AuthMode = Modes.CASE, Subjects = [0x0000_0000_0000_0777], Targets = null, FabricIndex = 2 },
        };

        var status = await wire.Client.WriteAttributeAsync(0, ClusterIds.AccessControl, 0x0000, TestNodes.Tlv((ref TlvWriter w) => AccessControl.AttributeCodecs.EncodeACL(ref w, TlvTag.Anonymous, written)), timed: false, wire.Guard);

        Assert.Equal(MatterStatus.Success, status);
        Assert.Equal([1, 1], wire.Node.AccessControlServer.EntriesOf(1).Select(e => (int)e.FabricIndex!.Value));
        Assert.Equal([0x0000_0000_0000_0777UL], wire.Node.AccessControlServer.EntriesOf(1)[1].Subjects);
        Assert.Equal([OtherAdmin], Assert.Single(wire.Node.AccessControlServer.EntriesOf(2)).Subjects);
    }

    [Fact]
    public async Task A_written_entry_without_its_fabric_sensitive_fields_is_refused_and_changes_nothing()
    {
        await using var wire = ChargerOnTheWire.WithAdministrator();
        var before = wire.Node.AccessControlServer.EntriesOf(1);

        // [{ FabricIndex = 1 }]: the form another fabric's entry is read in; as a written entry it holds no privilege.
        var status = await wire.Client.WriteAttributeAsync(0, ClusterIds.AccessControl, 0x0000, System.Convert.FromHexString("161524FE011818"), timed: false, wire.Guard);

        Assert.Equal(MatterStatus.ConstraintError, status);
        Assert.Equal(before, wire.Node.AccessControlServer.EntriesOf(1));
    }

    [Fact]
    public async Task A_chunked_write_appends_to_the_writers_entries_while_another_fabric_has_some()
    {
        await using var wire = ChargerOnTheWire.WithAdministrator();
        Assert.Equal(MatterStatus.Success, wire.Node.AccessControlServer.AddAdministrator(2, OtherAdmin));
        var admin = new Entry { Privilege = Privileges.Administer, AuthMode = Modes.CASE, Subjects = [ChargerOnTheWire.AdminNodeId], Targets = null };
        var viewer = new Entry { Privilege = Privileges.View, AuthMode = Modes.CASE, Subjects = [0x0000_0000_0000_0777], Targets = null };
        var acl = AttributePath.Concrete(0, ClusterIds.AccessControl, 0x0000);
        var append = AttributePath.Append(0, ClusterIds.AccessControl, 0x0000);

        // Replace-all with the administrator, then (in the next chunk) the viewer appended.
        var exchange = wire.ClientSession.CreateExchange();
        await exchange.SendAsync(InteractionMessageWriter.ToProtocolMessage(new WriteRequest(null, false, [new AttributeData(null, acl, TestNodes.Tlv((ref TlvWriter w) => AccessControl.AttributeCodecs.EncodeACL(ref w, TlvTag.Anonymous, [admin])))], true)), true, wire.Guard);
        var first = Assert.IsType<WriteResponse>(InteractionMessageReader.Decode(await exchange.ReceiveAsync(TimeSpan.FromSeconds(30), wire.Guard)));
        await exchange.SendAsync(InteractionMessageWriter.ToProtocolMessage(new WriteRequest(null, false, [new AttributeData(null, append, TestNodes.Tlv((ref TlvWriter w) => viewer.Encode(ref w, TlvTag.Anonymous)))], null)), true, wire.Guard);
        var second = Assert.IsType<WriteResponse>(InteractionMessageReader.Decode(await exchange.ReceiveAsync(TimeSpan.FromSeconds(30), wire.Guard)));

        Assert.Equal(MatterStatus.Success, Assert.Single(first.WriteResponses).Status.Status);
        Assert.Equal(MatterStatus.Success, Assert.Single(second.WriteResponses).Status.Status);
        Assert.Equal([[ChargerOnTheWire.AdminNodeId], [0x0000_0000_0000_0777UL]], wire.Node.AccessControlServer.EntriesOf(1).Select(e => e.Subjects!.ToArray()));
        Assert.Equal([OtherAdmin], Assert.Single(wire.Node.AccessControlServer.EntriesOf(2)).Subjects);
    }

    private static async Task<Entry[]> ReadAclAsync(ChargerOnTheWire wire, bool fabricFiltered)
    {
        var bytes = await ReadAclBytesAsync(wire, fabricFiltered);
        var reader = new TlvReader(bytes);
        Assert.True(reader.Read());
        return [.. AccessControl.AttributeCodecs.DecodeACL(ref reader)];
    }

    private static async Task<byte[]> ReadAclBytesAsync(ChargerOnTheWire wire, bool fabricFiltered)
    {
        var (report, status) = await wire.Client.ReadAsync(new ReadRequest([AttributePath.Concrete(0, ClusterIds.AccessControl, 0)], null, null, fabricFiltered, null), wire.Guard);
        Assert.Equal(MatterStatus.Success, status);
        return Assert.Single(report.Attributes()).Data!.Data.ToArray();
    }

    /// <summary>Each element of a list, as its own bytes.</summary>
    private static byte[][] EncodedEntries(byte[] list) => [.. ListValue.Items(list).Select(item => item.ToArray())];

    private static string Convert(byte[] bytes) => System.Convert.ToHexString(bytes);
}
