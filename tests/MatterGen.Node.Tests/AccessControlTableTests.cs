using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading.Tasks;
using MatterGen.DataModel;
using MatterGen.Evse.Charger;
using MatterGen.Interaction;
using MatterGen.Messaging;
using MatterGen.Node.Access;
using MatterGen.Node.Composition;
using MatterGen.Tlv;
using Xunit;

namespace MatterGen.Node.Tests;

/// <summary>
/// The access-checking algorithm as a table: (entry privilege, auth mode, subjects, targets) and a requester,
/// against three interactions with the charger's Energy EVSE server on endpoint 1 — read State (View), write
/// UserMaximumChargeCurrent (Manage), invoke Disable (Operate, timed). Each interaction runs through the real
/// server with the privilege the checker grants, and the checker's own answer for that privilege must agree.
/// </summary>
public sealed class AccessControlTableTests
{
    private const ushort Evse = ChargerNode.EvseEndpoint;
    private const uint StateAttribute = 0x0000;
    private const uint UserMaximumChargeCurrent = 0x0009;
    private const uint DisableCommand = 0x0001;

    // A privilege below View: what the server is asked with when the checker grants nothing.
    private const Privilege NoPrivilege = 0;

    private const ulong NodeA = 0x0000_0000_0000_1111;
    private const ulong NodeB = 0x0000_0000_0000_2222;

    private static readonly Dictionary<string, (Entry[] Acl, SubjectDescriptor Subject, bool Read, bool Write, bool Invoke)> Cases = new()
    {
        ["CASE View for A; A asks"] = ([Case(Privileges.View, NodeA)], Peer(NodeA), true, false, false),
        ["CASE ProxyView for A; A asks"] = ([Case(Privileges.ProxyView, NodeA)], Peer(NodeA), true, false, false),
        ["CASE Operate for A; A asks"] = ([Case(Privileges.Operate, NodeA)], Peer(NodeA), true, false, true),
        ["CASE Manage for A; A asks"] = ([Case(Privileges.Manage, NodeA)], Peer(NodeA), true, true, true),
        ["CASE Administer for A; A asks"] = ([Case(Privileges.Administer, NodeA)], Peer(NodeA), true, true, true),
        ["CASE Administer for A; B asks"] = ([Case(Privileges.Administer, NodeA)], Peer(NodeB), false, false, false),
        ["CASE Administer for A on fabric 1; A asks on fabric 2"] = ([Case(Privileges.Administer, NodeA)], Peer(NodeA, fabric: 2), false, false, false),
        ["CASE Operate for anyone; B asks"] = ([Case(Privileges.Operate) with { Subjects = null }], Peer(NodeB), true, false, true),
        ["CASE View for A and Manage for B; B asks"] = ([Case(Privileges.View, NodeA), Case(Privileges.Manage, NodeB)], Peer(NodeB), true, true, true),
        ["CASE Manage for CAT ABCD v2; holder of v3 asks"] = ([Case(Privileges.Manage, Cat(0xABCD, 2))], Peer(NodeB, cats: [0xABCD_0003]), true, true, true),
        ["CASE Manage for CAT ABCD v2; holder of v2 asks"] = ([Case(Privileges.Manage, Cat(0xABCD, 2))], Peer(NodeB, cats: [0x1234_0001, 0xABCD_0002]), true, true, true),
        ["CASE Manage for CAT ABCD v2; holder of v1 asks"] = ([Case(Privileges.Manage, Cat(0xABCD, 2))], Peer(NodeB, cats: [0xABCD_0001]), false, false, false),
        ["CASE Manage for CAT ABCD v2; holder of CAT ABCE v9 asks"] = ([Case(Privileges.Manage, Cat(0xABCD, 2))], Peer(NodeB, cats: [0xABCE_0009]), false, false, false),
        ["Group Operate for group 0x0101; group 0x0101 asks"] = ([Group(Privileges.Operate, 0x0101)], GroupPeer(0x0101), true, false, true),
        ["Group Manage for group 0x0101; group 0x0102 asks"] = ([Group(Privileges.Manage, 0x0101)], GroupPeer(0x0102), false, false, false),
        ["CASE Manage for subject 0x0101; group 0x0101 asks"] = ([Case(Privileges.Manage, 0x0101)], GroupPeer(0x0101), false, false, false),
        ["Group Manage for group 0x1111; CASE node 0x1111 asks"] = ([Group(Privileges.Manage, 0x1111)], Peer(NodeA), false, false, false),
        ["no entries; commissioning PASE asks"] = ([], new SubjectDescriptor(SessionAuthMode.Pase, 0, 0, IsCommissioning: true), true, true, true),
        ["no entries; PASE outside commissioning asks"] = ([], new SubjectDescriptor(SessionAuthMode.Pase, 0, 1), false, false, false),
        ["CASE Administer for anyone; unauthenticated peer asks"] = ([Case(Privileges.Administer) with { Subjects = null }], new SubjectDescriptor(SessionAuthMode.None, NodeA, 1), false, false, false),
        ["CASE Manage for A on Energy EVSE; A asks"] = ([Targeted(Privileges.Manage, cluster: 0x0099)], Peer(NodeA), true, true, true),
        ["CASE Manage for A on Energy EVSE Mode; A asks"] = ([Targeted(Privileges.Manage, cluster: 0x009D)], Peer(NodeA), false, false, false),
        ["CASE Manage for A on endpoint 1; A asks"] = ([Targeted(Privileges.Manage, endpoint: 1)], Peer(NodeA), true, true, true),
        ["CASE Manage for A on endpoint 2; A asks"] = ([Targeted(Privileges.Manage, endpoint: 2)], Peer(NodeA), false, false, false),
        ["CASE Manage for A on device type EVSE; A asks"] = ([Targeted(Privileges.Manage, deviceType: 0x050C)], Peer(NodeA), true, true, true),
        ["CASE Manage for A on device type On/Off Light (not on the charger); A asks"] = ([Targeted(Privileges.Manage, deviceType: 0x0100)], Peer(NodeA), false, false, false),
        ["CASE Manage for A on Energy EVSE of endpoint 0; A asks"] = ([Targeted(Privileges.Manage, cluster: 0x0099, endpoint: 0)], Peer(NodeA), false, false, false),
        ["CASE Manage for A on Energy EVSE of endpoint 1; A asks"] = ([Targeted(Privileges.Manage, cluster: 0x0099, endpoint: 1)], Peer(NodeA), true, true, true),
        ["CASE View everywhere and Operate on endpoint 2 for A; A asks"] = ([Case(Privileges.View, NodeA), Targeted(Privileges.Operate, endpoint: 2)], Peer(NodeA), true, false, false),
    };

    public static TheoryData<string> CaseNames() => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Read_write_and_invoke_succeed_exactly_when_the_entries_grant_the_privilege(string name)
    {
        var (acl, subject, mayRead, mayWrite, mayInvoke) = Cases[name];
        using var charger = ChargerNode.Create(TestNodes.Options());
        var node = charger.Node;
        Assert.Equal(MatterStatus.Success, node.AccessControlServer.ReplaceEntries(1, acl));
        var server = node.FindServer(Evse, ClusterIds.EnergyEvse)!;

        var granted = node.AccessChecker.GrantedPrivilege(subject, Evse, ClusterIds.EnergyEvse) ?? NoPrivilege;
        var context = new RequestContext(granted, IsTimed: true, FabricIndex: subject.FabricIndex, Clock: server.Time) { Subject = subject };

        var read = server.ReadAttribute(StateAttribute, context).Status;
        var write = server.WriteAttribute(UserMaximumChargeCurrent, TestNodes.Tlv((ref TlvWriter w) => w.WriteSignedInteger(TlvTag.Anonymous, 16_000)), context);
        var invoke = (await server.InvokeAsync(DisableCommand, TestNodes.Tlv((ref TlvWriter w) => { w.StartStructure(TlvTag.Anonymous); w.EndContainer(); }), context)).Status;

        Assert.Equal((Expected(mayRead), Expected(mayWrite), Expected(mayInvoke)), (read, write, invoke));
        var access = node.AccessControl;
        Assert.Equal(
            (mayRead, mayWrite, mayInvoke),
            (access.IsGranted(subject, Evse, ClusterIds.EnergyEvse, Privilege.View),
             access.IsGranted(subject, Evse, ClusterIds.EnergyEvse, Privilege.Manage),
             access.IsGranted(subject, Evse, ClusterIds.EnergyEvse, Privilege.Operate)));
    }

    [Fact]
    public void The_Access_Control_cluster_itself_needs_Administer()
    {
        using var charger = ChargerNode.Create(TestNodes.Options());
        var node = charger.Node;
        node.AccessControlServer.ReplaceEntries(1, [Case(Privileges.Manage, NodeA), Case(Privileges.Administer, NodeB)]);
        var server = node.FindServer(0, ClusterIds.AccessControl)!;

        foreach (var (subject, expected) in new[] { (Peer(NodeA), MatterStatus.UnsupportedAccess), (Peer(NodeB), MatterStatus.Success) })
        {
            var granted = node.AccessChecker.GrantedPrivilege(subject, 0, ClusterIds.AccessControl) ?? NoPrivilege;
            Assert.Equal(expected, server.ReadAttribute(0x0000, new RequestContext(granted, FabricIndex: 1) { Subject = subject }).Status);
        }
    }

    [Fact]
    public void A_ProxyView_grant_does_not_give_Operate_and_Administer_implies_ProxyView()
    {
        Assert.True(PrivilegeRules.Implies(Privilege.ProxyView, Privilege.View));
        Assert.False(PrivilegeRules.Implies(Privilege.ProxyView, Privilege.Operate));
        Assert.False(PrivilegeRules.Implies(Privilege.Manage, Privilege.ProxyView));
        Assert.False(PrivilegeRules.Implies(Privilege.Operate, Privilege.ProxyView));
        Assert.True(PrivilegeRules.Implies(Privilege.Administer, Privilege.ProxyView));
        Assert.False(PrivilegeRules.Implies(Privilege.View, Privilege.Operate));
    }

    private static MatterStatus Expected(bool allowed) => allowed ? MatterStatus.Success : MatterStatus.UnsupportedAccess;

    private static SubjectDescriptor Peer(ulong node, byte fabric = 1, uint[]? cats = null) =>
        new(SessionAuthMode.Case, node, fabric, cats is null ? default : ImmutableArray.Create(cats));

    private static SubjectDescriptor GroupPeer(ushort group) => new(SessionAuthMode.Group, group, 1);

    private static ulong Cat(ushort identifier, ushort version) => new CaseAuthenticatedTag(identifier, version).Subject;

    private static Entry Case(Privileges privilege, params ulong[] subjects) => AccessControlServerTests.Entry(privilege, subjects);

    private static Entry Group(Privileges privilege, params ulong[] groups) => Case(privilege, groups) with { AuthMode = Modes.Group };

    private static Entry Targeted(Privileges privilege, uint? cluster = null, ushort? endpoint = null, uint? deviceType = null) =>
        Case(privilege, NodeA) with { Targets = [new Target { Cluster = cluster, Endpoint = endpoint, DeviceType = deviceType }] };
}
