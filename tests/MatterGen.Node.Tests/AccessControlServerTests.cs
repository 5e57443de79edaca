using System.Collections.Generic;
using System.Linq;
using MatterGen.DataModel;
using MatterGen.Evse.Charger;
using MatterGen.Interaction;
using MatterGen.Messaging;
using MatterGen.Node.Access;
using MatterGen.Node.Clusters;
using MatterGen.Node.Composition;
using MatterGen.Tlv;
using MatterGen.Transport.Fabrics;
using Xunit;

namespace MatterGen.Node.Tests;

/// <summary>
/// The Access Control cluster through its server's reads and writes: fabric-scoped lists, every entry rule and
/// limit with its status, nothing changed by a refused write, and one change event per entry.
/// </summary>
public sealed class AccessControlServerTests
{
    private const uint Acl = 0x0000;
    private const uint Extension = 0x0001;
    private static readonly SubjectDescriptor Admin1 = new(SessionAuthMode.Case, 0x1111, 1);
    private static readonly SubjectDescriptor Admin2 = new(SessionAuthMode.Case, 0x2222, 2);

    [Fact]
    public void A_write_replaces_only_the_accessing_fabrics_entries_and_stamps_them_with_its_index()
    {
        using var charger = ChargerNode.Create(TestNodes.Options());
        var server = charger.Node.AccessControlServer;

        Assert.Equal(MatterStatus.Success, Write(server, Admin1, Entry(Privileges.Administer, 0x1111), Entry(Privileges.View, 0x1112)));
        Assert.Equal(MatterStatus.Success, Write(server, Admin2, Entry(Privileges.Administer, 0x2222) with { FabricIndex = 9 }));
        Assert.Equal(MatterStatus.Success, Write(server, Admin1, Entry(Privileges.Administer, 0x1111)));

        Assert.Equal([Entry(Privileges.Administer, 0x1111) with { FabricIndex = 1 }], server.EntriesOf(1));
        Assert.Equal([Entry(Privileges.Administer, 0x2222) with { FabricIndex = 2 }], server.EntriesOf(2));
        Assert.Equal(new byte?[] { 1, 2 }, server.ACL.Select(entry => entry.FabricIndex));
    }

    [Fact]
    public void A_read_shows_other_fabrics_entries_by_their_index_alone_and_a_fabric_filtered_read_not_at_all()
    {
        using var charger = ChargerNode.Create(TestNodes.Options());
        var server = charger.Node.AccessControlServer;
        Write(server, Admin1, Entry(Privileges.Administer, 0x1111));
        Write(server, Admin2, Entry(Privileges.Administer, 0x2222));

        var seenByFabric1 = server.ReadAttribute(Acl, Context(Admin1)).Value.ToArray();
        var filtered = TestNodes.Read(server, Acl, AccessControl.AttributeCodecs.DecodeACL, Context(Admin1) with { IsFabricFiltered = true });

        var expected = TestNodes.Tlv((ref TlvWriter w) =>
        {
            w.StartArray(TlvTag.Anonymous);
            (Entry(Privileges.Administer, 0x1111) with { FabricIndex = 1 }).Encode(ref w, TlvTag.Anonymous);
            w.StartStructure(TlvTag.Anonymous);
            w.WriteUnsignedInteger(TlvTag.Context(0xFE), 2);
            w.EndContainer();
            w.EndContainer();
        });
        Assert.Equal(expected, seenByFabric1);
        Assert.Equal([Entry(Privileges.Administer, 0x1111) with { FabricIndex = 1 }], filtered);
        Assert.Equal(MatterStatus.UnsupportedAccess, server.ReadAttribute(Acl, new RequestContext(Privilege.Manage, FabricIndex: 1)).Status);
    }

    public static TheoryData<string, Entry[], MatterStatus> RefusedWrites() => new()
    {
        { "PASE entries are reserved", [Entry(Privileges.Administer, 0x1111) with { AuthMode = Modes.PASE }], MatterStatus.ConstraintError },
        { "a group never administers", [Entry(Privileges.Administer, 0x0101) with { AuthMode = Modes.Group }], MatterStatus.ConstraintError },
        { "privilege out of range", [Entry((Privileges)6, 0x1111)], MatterStatus.ConstraintError },
        { "privilege 0", [Entry((Privileges)0, 0x1111)], MatterStatus.ConstraintError },
        { "auth mode out of range", [Entry(Privileges.View, 0x1111) with { AuthMode = (Modes)4 }], MatterStatus.ConstraintError },
        { "node id 0 is no subject", [Entry(Privileges.View, 0)], MatterStatus.ConstraintError },
        { "a group node id is no CASE subject", [Entry(Privileges.View, 0xFFFF_FFFF_FFFF_0101)], MatterStatus.ConstraintError },
        { "a CAT of version 0", [Entry(Privileges.View, 0xFFFF_FFFD_ABCD_0000)], MatterStatus.ConstraintError },
        { "group 0", [Entry(Privileges.View, 0) with { AuthMode = Modes.Group }], MatterStatus.ConstraintError },
        { "a group id beyond 16 bits", [Entry(Privileges.View, 0x1_0000) with { AuthMode = Modes.Group }], MatterStatus.ConstraintError },
        { "an empty target", [Entry(Privileges.View, 0x1111) with { Targets = [new Target { Cluster = null, Endpoint = null, DeviceType = null }] }], MatterStatus.ConstraintError },
        { "a target with endpoint and device type", [Entry(Privileges.View, 0x1111) with { Targets = [new Target { Cluster = null, Endpoint = 1, DeviceType = 0x050C }] }], MatterStatus.ConstraintError },
        { "the wildcard endpoint", [Entry(Privileges.View, 0x1111) with { Targets = [new Target { Cluster = null, Endpoint = 0xFFFF, DeviceType = null }] }], MatterStatus.ConstraintError },
        { "a cluster id in no valid range", [Entry(Privileges.View, 0x1111) with { Targets = [new Target { Cluster = 0x0000_8000, Endpoint = null, DeviceType = null }] }], MatterStatus.ConstraintError },
        { "five subjects, four supported", [Entry(Privileges.View, 1, 2, 3, 4, 5)], MatterStatus.ResourceExhausted },
        { "four targets, three supported", [Entry(Privileges.View, 0x1111) with { Targets = Enumerable.Range(1, 4).Select(e => new Target { Cluster = null, Endpoint = (ushort)e, DeviceType = null }).ToArray() }], MatterStatus.ResourceExhausted },
        { "five entries, four supported", Enumerable.Range(1, 5).Select(n => Entry(Privileges.View, (ulong)n)).ToArray(), MatterStatus.ResourceExhausted },
    };

    [Theory]
    [MemberData(nameof(RefusedWrites))]
    public void A_refused_write_gets_its_status_and_changes_nothing(string why, Entry[] entries, MatterStatus expected)
    {
        using var charger = ChargerNode.Create(TestNodes.Options());
        var server = charger.Node.AccessControlServer;
        Write(server, Admin1, Entry(Privileges.Administer, 0x1111));
        var before = server.ACL;
        var eventsBefore = charger.Node.EventLog.ReadFrom(0).Count;

        Assert.True(expected == Write(server, Admin1, entries), why);

        Assert.Same(before, server.ACL);
        Assert.Equal(eventsBefore, charger.Node.EventLog.ReadFrom(0).Count);
    }

    [Fact]
    public void Valid_subjects_and_targets_of_every_kind_are_accepted()
    {
        using var charger = ChargerNode.Create(TestNodes.Options());
        var entries = new[]
        {
            Entry(Privileges.Administer, 0x1111, 0xFFFF_FFEF_FFFF_FFFF, new CaseAuthenticatedTag(0xABCD, 2).Subject),
            Entry(Privileges.Operate, 0x0101, 0xFFFF) with { AuthMode = Modes.Group },
            Entry(Privileges.Manage) with
            {
                Subjects = null,
                Targets =
                [
                    new Target { Cluster = 0x0099, Endpoint = 1, DeviceType = null },
                    new Target { Cluster = 0xFFF1_FC00, Endpoint = null, DeviceType = null },
                    new Target { Cluster = null, Endpoint = null, DeviceType = 0x050C },
                ],
            },
            Entry(Privileges.ProxyView, 0x1113),
        };

        Assert.Equal(MatterStatus.Success, Write(charger.Node.AccessControlServer, Admin1, entries));
        Assert.Equal(4, charger.Node.AccessControlServer.EntriesOf(1).Count);
    }

    [Fact]
    public void Each_added_changed_and_removed_entry_is_one_event_naming_the_administrator()
    {
        using var charger = ChargerNode.Create(TestNodes.Options());
        var server = charger.Node.AccessControlServer;
        var pase = new SubjectDescriptor(SessionAuthMode.Pase, 0, 1, IsCommissioning: true);

        Write(server, pase, Entry(Privileges.Administer, 0x1111));
        Write(server, Admin1, Entry(Privileges.Administer, 0x1111), Entry(Privileges.View, 0x3333));
        Write(server, Admin1, Entry(Privileges.Administer, 0x1111) with { Targets = [new Target { Cluster = null, Endpoint = 1, DeviceType = null }] });

        var events = charger.Node.EventLog.ReadFrom(0).Where(e => e.ClusterId == ClusterIds.AccessControl)
            .Select(AccessControl.Client.DecodeAccessControlEntryChanged).ToList();
        Assert.Equal(
            new[] { AccessControl.ChangeTypeEnum.Added, AccessControl.ChangeTypeEnum.Added, AccessControl.ChangeTypeEnum.Changed, AccessControl.ChangeTypeEnum.Removed },
            events.Select(e => e.ChangeType));
        Assert.Equal((null, (ushort?)0), (events[0].AdminNodeID, events[0].AdminPasscodeID));
        Assert.Equal(((ulong?)0x1111, (ushort?)null), (events[1].AdminNodeID, events[1].AdminPasscodeID));
        Assert.Equal(Entry(Privileges.View, 0x3333) with { FabricIndex = 1 }, events[1].LatestValue);
        Assert.Equal(Entry(Privileges.View, 0x3333) with { FabricIndex = 1 }, events[3].LatestValue);
        Assert.All(events, e => Assert.Equal((byte)1, e.FabricIndex));
    }

    [Fact]
    public void Fabric_scoped_writes_need_an_accessing_fabric_and_Administer()
    {
        using var charger = ChargerNode.Create(TestNodes.Options());
        var server = charger.Node.AccessControlServer;
        var value = EncodeList([Entry(Privileges.View, 0x1111)]);

        Assert.Equal(MatterStatus.UnsupportedAccess, server.WriteAttribute(Acl, value, new RequestContext(Privilege.Administer)));
        Assert.Equal(MatterStatus.UnsupportedAccess, server.WriteAttribute(Acl, value, new RequestContext(Privilege.Manage, FabricIndex: 1)));
        Assert.Equal(MatterStatus.InvalidDataType, server.WriteAttribute(Acl, [0x15, 0x18], new RequestContext(Privilege.Administer, FabricIndex: 1)));
        Assert.Empty(server.ACL);
    }

    [Fact]
    public void One_extension_per_fabric_holding_a_list_of_fully_qualified_elements()
    {
        using var charger = ChargerNode.Create(TestNodes.Options());
        var server = charger.Node.AccessControlServer;
        var good = TestNodes.Tlv((ref TlvWriter w) =>
        {
            w.StartList(TlvTag.Anonymous);
            w.WriteUnsignedInteger(TlvTag.FullyQualified(0xFFF1, 0xDEED, 1), 42);
            w.EndContainer();
        });
        var contextTagged = TestNodes.Tlv((ref TlvWriter w) =>
        {
            w.StartList(TlvTag.Anonymous);
            w.WriteUnsignedInteger(TlvTag.Context(1), 42);
            w.EndContainer();
        });
        var notAList = TestNodes.Tlv((ref TlvWriter w) => w.WriteUnsignedInteger(TlvTag.Anonymous, 1));

        Assert.Equal(MatterStatus.ConstraintError, WriteExtension(server, Admin1, contextTagged));
        Assert.Equal(MatterStatus.ConstraintError, WriteExtension(server, Admin1, notAList));
        Assert.Equal(MatterStatus.ConstraintError, WriteExtension(server, Admin1, [.. good, 0x18]));
        var tooLong = TestNodes.Tlv((ref TlvWriter w) =>
        {
            w.StartArray(TlvTag.Anonymous);
            w.StartStructure(TlvTag.Anonymous);
            w.WriteOctetString(TlvTag.Context(1), new byte[129]);
            w.EndContainer();
            w.EndContainer();
        });
        Assert.Equal(MatterStatus.ConstraintError, server.WriteAttribute(Extension, tooLong, Context(Admin1)));
        Assert.Equal(MatterStatus.ResourceExhausted, WriteExtension(server, Admin1, good, good));
        Assert.Empty(server.Extension);

        Assert.Equal(MatterStatus.Success, WriteExtension(server, Admin1, good));
        Assert.Equal(MatterStatus.Success, WriteExtension(server, Admin2, good));
        Assert.Equal(new byte?[] { 1, 2 }, server.Extension.Select(e => e.FabricIndex));
        var changed = charger.Node.EventLog.ReadFrom(0).Where(e => e.ClusterId == ClusterIds.AccessControl)
            .Select(AccessControl.Client.DecodeAccessControlExtensionChanged).ToList();
        Assert.Equal(new[] { (byte)1, (byte)2 }, changed.Select(e => e.FabricIndex));
        Assert.All(changed, e => Assert.Equal(AccessControl.ChangeTypeEnum.Added, e.ChangeType));
    }

    [Fact]
    public void The_limits_are_published_and_the_ACL_survives_a_restart()
    {
        var store = new InMemoryAttributeStore();
        var fabrics = new TestFabrics.KeptStore();
        var limits = new AccessControlLimits { SubjectsPerEntry = 5, TargetsPerEntry = 4, EntriesPerFabric = 6 };
        using (var first = ChargerNode.Create(TestNodes.Options(store: store) with { AccessControl = limits, Fabrics = new FabricTable(fabrics) }))
        {
            TestFabrics.Join(first.Node.Fabrics);

            // An entry of a fabric the table does not hold (a node stopped mid-commissioning) is not kept.
            Assert.Equal(MatterStatus.Success, first.Node.AccessControlServer.AddAdministrator(2, 0x1234));
            var server = first.Node.FindServer(0, ClusterIds.AccessControl)!;
            Assert.Equal((ushort)5, TestNodes.Read(server, 0x0002, AccessControl.AttributeCodecs.DecodeSubjectsPerAccessControlEntry));
            Assert.Equal((ushort)4, TestNodes.Read(server, 0x0003, AccessControl.AttributeCodecs.DecodeTargetsPerAccessControlEntry));
            Assert.Equal((ushort)6, TestNodes.Read(server, 0x0004, AccessControl.AttributeCodecs.DecodeAccessControlEntriesPerFabric));
            Assert.Equal(MatterStatus.Success, Write(first.Node.AccessControlServer, Admin1, Entry(Privileges.View, 1, 2, 3, 4, 5)));
        }

        using var second = ChargerNode.Create(TestNodes.Options(store: store) with { AccessControl = limits, Fabrics = new FabricTable(fabrics) });
        Assert.Equal([Entry(Privileges.View, 1, 2, 3, 4, 5) with { FabricIndex = 1 }], second.Node.AccessControlServer.EntriesOf(1));
        Assert.Empty(second.Node.AccessControlServer.EntriesOf(2));
        Assert.Throws<System.ArgumentOutOfRangeException>(() => new AccessControlLimits { SubjectsPerEntry = 3 }.Validate());
    }

    internal static Entry Entry(Privileges privilege, params ulong[] subjects) => new()
    {
        Privilege = privilege,
        AuthMode = Modes.CASE,
        Subjects = subjects,
        Targets = null,
    };

    private static RequestContext Context(SubjectDescriptor subject) =>
        new(Privilege.Administer, FabricIndex: subject.FabricIndex) { Subject = subject };

    private static MatterStatus Write(ClusterServer server, SubjectDescriptor subject, params Entry[] entries) =>
        server.WriteAttribute(Acl, EncodeList(entries), Context(subject));

    private static MatterStatus WriteExtension(ClusterServer server, SubjectDescriptor subject, params byte[][] data) =>
        server.WriteAttribute(Extension, EncodeExtensions(data), Context(subject));

    private static byte[] EncodeList(IReadOnlyList<Entry> entries) =>
        TestNodes.Tlv((ref TlvWriter w) => AccessControl.AttributeCodecs.EncodeACL(ref w, TlvTag.Anonymous, entries));

    private static byte[] EncodeExtensions(byte[][] data) =>
        TestNodes.Tlv((ref TlvWriter w) => AccessControl.AttributeCodecs.EncodeExtension(
            ref w, TlvTag.Anonymous, data.Select(d => new AccessControl.AccessControlExtensionStruct { Data = d }).ToArray()));
}
