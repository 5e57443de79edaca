using System;
using System.Linq;
using System.Threading.Tasks;
using MatterGen.Evse.Charger;
using MatterGen.Evse.Clusters;
using MatterGen.Messaging;
using MatterGen.Node.Clusters;
using MatterGen.Transport.Fabrics;
using Xunit;
using CertStatus = MatterGen.Node.Clusters.OperationalCredentials.NodeOperationalCertStatusEnum;
using CommissioningError = MatterGen.Node.Clusters.GeneralCommissioning.CommissioningErrorEnum;
using Gc = MatterGen.Node.Clusters.GeneralCommissioning;
using Oc = MatterGen.Node.Clusters.OperationalCredentials;

namespace MatterGen.Node.Tests.Network;

/// <summary>
/// The charger commissioned over the network the way matter.js commissions a device (steps 7 to 23 of the shared
/// note), then operated over CASE; and the fail-safe taking back everything an unfinished commissioning added.
/// </summary>
public sealed class CommissioningTests
{
    [Fact]
    public async Task A_controller_commissions_the_charger_over_pase_and_operates_it_over_case()
    {
        await using var rig = NetworkRig.InMemory();

        var (commissioner, operational) = await TestCommissioner.CommissionAsync(rig, "matterjs-interop");

        var fabric = Assert.Single(rig.DeviceFabrics.Fabrics);
        Assert.True(fabric.IsCommitted);
        Assert.Equal("matterjs-interop", fabric.Label);
        Assert.Equal(commissioner.FabricIndex, fabric.Index);
        Assert.Equal(NetworkRig.DeviceNodeId, fabric.NodeId);
        var admin = Assert.Single(rig.Charger.Node.AccessControlServer.EntriesOf(fabric.Index));
        Assert.Equal(AccessControl.AccessControlEntryPrivilegeEnum.Administer, admin.Privilege);
        Assert.Equal(AccessControl.AccessControlEntryAuthModeEnum.CASE, admin.AuthMode);
        Assert.Equal(new[] { NetworkRig.ControllerNodeId }, admin.Subjects!.ToArray());
        Assert.False(rig.Host.IsCommissioningWindowOpen);
        Assert.False(rig.Charger.Node.Commissioning.FailSafe.IsArmed);
        Assert.True(await rig.Run(NetworkRig.WaitUntil(() => commissioner.Pase.IsClosed || rig.Host.Transport.Sessions.Snapshot().All(s => s.AuthMode != SessionAuthMode.Pase))));
        Assert.All(rig.Host.Transport.Sessions.Snapshot(), session => Assert.Equal(SessionAuthMode.Case, session.AuthMode));

        var client = rig.Client(operational);
        var credentials = new Oc.Client(client, 0);
        Assert.Equal(fabric.Index, await rig.Run(credentials.ReadCurrentFabricIndexAsync().AsTask()));
        Assert.Equal((byte)1, await rig.Run(credentials.ReadCommissionedFabricsAsync().AsTask()));
        Assert.Equal((byte)5, await rig.Run(credentials.ReadSupportedFabricsAsync().AsTask()));
        var noc = Assert.Single(await rig.Run(credentials.ReadNOCsAsync().AsTask()));
        Assert.Equal(fabric.Noc.ToTlv(), noc.NOC.ToArray());
        Assert.Null(noc.ICAC);
        var descriptor = Assert.Single(await rig.Run(credentials.ReadFabricsAsync().AsTask()));
        Assert.Equal(("matterjs-interop", NetworkRig.FabricId, (ushort)0xFFF1), (descriptor.Label, descriptor.FabricID, descriptor.VendorID));
        Assert.Equal(rig.Root.ToTlv(), Assert.Single(await rig.Run(credentials.ReadTrustedRootCertificatesAsync().AsTask())).ToArray());
        Assert.Equal(0UL, await rig.Run(new Gc.Client(client, 0).ReadBreadcrumbAsync().AsTask()));
        var ipk = (await rig.Run(new GroupKeyManagement.Client(client, 0).KeySetReadAsync(new GroupKeyManagement.KeySetReadRequest { GroupKeySetID = 0 }).AsTask())).GroupKeySet;
        Assert.Equal((GroupKeyManagement.GroupKeySecurityPolicyEnum.TrustFirst, (ReadOnlyMemory<byte>?)null), (ipk.GroupKeySecurityPolicy, ipk.EpochKey0));
        Assert.NotNull(rig.Charger.GroupKeys.FindKeySet(fabric.Index, 0)!.EpochKey0);

        var evse = new EnergyEVSE.Client(client, ChargerNode.EvseEndpoint);
        Assert.Equal(EnergyEVSE.SupplyStateEnum.Disabled, await rig.Run(evse.ReadSupplyStateAsync().AsTask()));
        await rig.Run(evse.WriteUserMaximumChargeCurrentAsync(16_000).AsTask());
        Assert.Equal(16_000, await rig.Run(evse.ReadUserMaximumChargeCurrentAsync().AsTask()));
    }

    [Fact]
    public async Task A_fail_safe_that_expires_mid_commissioning_takes_back_the_fabric_its_acl_and_sessions_and_saves_nothing()
    {
        var store = new RecordingFabricStore();
        await using var rig = NetworkRig.InMemory(nodeOptions: options => options with { Fabrics = new FabricTable(store, options.Time) });
        var commissioner = new TestCommissioner(rig);
        await commissioner.OpenPaseAsync();
        await commissioner.ReadInitialDataAsync();
        Assert.Equal(CommissioningError.OK, await commissioner.ArmAsync(60, breadcrumb: 7));
        await commissioner.VerifyAttestationAsync();
        var key = await commissioner.RequestCsrAsync();
        await commissioner.AddTrustedRootAsync();
        Assert.Equal(CertStatus.OK, (await commissioner.AddNocAsync(key)).StatusCode);
        var operational = await commissioner.ConnectCaseAsync();
        Assert.Single(rig.DeviceFabrics.Fabrics);
        Assert.NotEmpty(rig.Charger.Node.AccessControlServer.ACL);
        Assert.Equal(7UL, rig.Charger.Node.Commissioning.GeneralCommissioning.Server.Breadcrumb);
        Assert.NotNull(rig.Charger.GroupKeys.FindKeySet(1, 0));

        rig.FakeTime!.Advance(TimeSpan.FromSeconds(61));

        Assert.Null(rig.Charger.GroupKeys.FindKeySet(1, 0));

        Assert.False(rig.Charger.Node.Commissioning.FailSafe.IsArmed);
        Assert.Empty(rig.DeviceFabrics.Fabrics);
        Assert.Empty(rig.Charger.Node.AccessControlServer.ACL);
        Assert.Equal(0UL, rig.Charger.Node.Commissioning.GeneralCommissioning.Server.Breadcrumb);
        Assert.Equal((byte)0, rig.Charger.Node.Commissioning.OperationalCredentials.Server.CommissionedFabrics);
        Assert.Empty(rig.Charger.Node.Commissioning.OperationalCredentials.Server.TrustedRootCertificates);
        Assert.True(await NetworkRig.WaitUntil(() => rig.Host.Transport.Sessions.Count == 0));
        Assert.True(operational.IsClosed || rig.Host.Transport.Sessions.Count == 0);
        Assert.Empty(store.Saved);

        // The window is still open: a commissioner can start again and finish.
        Assert.True(rig.Host.IsCommissioningWindowOpen);
        await TestCommissioner.CommissionAsync(rig);
        Assert.Single(rig.DeviceFabrics.Fabrics);
        Assert.NotEmpty(store.Saved);
        Assert.All(store.Saved, saved => Assert.Equal(new byte[] { rig.DeviceFabrics.Fabrics[0].Index }, saved));
    }

    [Fact]
    public async Task Disarming_before_commissioning_complete_rolls_back_and_ends_the_pase_session()
    {
        await using var rig = NetworkRig.InMemory();
        var commissioner = new TestCommissioner(rig);
        await commissioner.OpenPaseAsync();
        Assert.Equal(CommissioningError.OK, await commissioner.ArmAsync(120));
        var key = await commissioner.RequestCsrAsync();
        await commissioner.AddTrustedRootAsync();
        Assert.Equal(CertStatus.OK, (await commissioner.AddNocAsync(key)).StatusCode);

        Assert.Equal(CommissioningError.OK, await commissioner.ArmAsync(0));

        Assert.Empty(rig.DeviceFabrics.Fabrics);
        Assert.Empty(rig.Charger.Node.AccessControlServer.ACL);
        Assert.True(await rig.Run(NetworkRig.WaitUntil(() => rig.Host.Transport.Sessions.Count == 0)));
    }

    [Fact]
    public async Task A_pase_session_closed_mid_commissioning_expires_the_fail_safe_and_the_window_takes_the_next_commissioner()
    {
        await using var rig = NetworkRig.InMemory();
        var first = new TestCommissioner(rig);
        await first.OpenPaseAsync();
        Assert.Equal(CommissioningError.OK, await first.ArmAsync(120, breadcrumb: 3));
        var key = await first.RequestCsrAsync();
        await first.AddTrustedRootAsync();
        Assert.Equal(CertStatus.OK, (await first.AddNocAsync(key)).StatusCode);
        Assert.Single(rig.DeviceFabrics.Fabrics);

        // CloseSession from the commissioner (Core Specification 5.5): the fail-safe counts as expired at once.
        await rig.Run(rig.Controller.CloseSessionAsync(first.Pase).AsTask());

        Assert.True(await NetworkRig.WaitUntil(() => !rig.Charger.Node.Commissioning.FailSafe.IsArmed));
        Assert.Empty(rig.DeviceFabrics.Fabrics);
        Assert.Empty(rig.Charger.Node.AccessControlServer.ACL);
        Assert.Equal(0UL, rig.Charger.Node.Commissioning.GeneralCommissioning.Server.Breadcrumb);
        Assert.True(rig.Host.IsCommissioningWindowOpen);

        // Well before the 120 s fail-safe would have run out, the next commissioner gets through the same window.
        await TestCommissioner.CommissionAsync(rig);
        Assert.True(Assert.Single(rig.DeviceFabrics.Fabrics).IsCommitted);
    }

    [Fact]
    public async Task A_commissioner_pase_session_dropped_by_the_node_expires_its_fail_safe()
    {
        await using var rig = NetworkRig.InMemory();
        var commissioner = new TestCommissioner(rig);
        await commissioner.OpenPaseAsync();
        Assert.Equal(CommissioningError.OK, await commissioner.ArmAsync(120));
        var device = Assert.Single(rig.Host.Transport.Sessions.Snapshot());

        device.Dispose();

        Assert.False(rig.Charger.Node.Commissioning.FailSafe.IsArmed);
        Assert.False(device.Subject.IsCommissioning);
        Assert.True(rig.Host.IsCommissioningWindowOpen);
    }

    [Fact]
    public async Task The_pase_commissioner_holds_administer_only_while_its_fail_safe_lasts()
    {
        await using var rig = NetworkRig.InMemory();
        var commissioner = new TestCommissioner(rig);
        await commissioner.OpenPaseAsync();
        var device = Assert.Single(rig.Host.Transport.Sessions.Snapshot());
        Assert.True(device.Subject.IsCommissioning);
        Assert.True(rig.Charger.Node.Commissioning.FailSafe.IsArmed);

        rig.FakeTime!.Advance(TimeSpan.FromSeconds(60));

        Assert.False(device.Subject.IsCommissioning);
        Assert.True(await NetworkRig.WaitUntil(() => device.IsClosed));
    }

    [Fact]
    public async Task An_administrator_updates_the_noc_under_its_own_fail_safe_and_commits_it()
    {
        await using var rig = NetworkRig.InMemory();
        var (commissioner, operational) = await TestCommissioner.CommissionAsync(rig);
        var client = rig.Client(operational);
        var general = new Gc.Client(client, 0);
        var credentials = new Oc.Client(client, 0);

        Assert.Equal(CommissioningError.OK, await commissioner.ArmAsync(60, over: general));
        var key = await commissioner.RequestCsrAsync(forUpdate: true, over: credentials, overSession: operational);
        var missing = await rig.Run(credentials.UpdateNOCAsync(new Oc.UpdateNOCRequest { NOCValue = rig.IssueNoc(key, 0x4444).ToTlv() }).AsTask());
        Assert.Equal(CertStatus.OK, missing.StatusCode);
        Assert.Equal(0x4444UL, rig.DeviceFabrics.Find(commissioner.FabricIndex)!.NodeId);
        Assert.False(rig.DeviceFabrics.Find(commissioner.FabricIndex)!.IsCommitted);

        Assert.Equal(CommissioningError.OK, (await rig.Run(general.CommissioningCompleteAsync(new Gc.CommissioningCompleteRequest()).AsTask())).ErrorCode);

        var fabric = rig.DeviceFabrics.Find(commissioner.FabricIndex)!;
        Assert.True(fabric.IsCommitted);
        Assert.Equal(0x4444UL, fabric.NodeId);
        Assert.Single(rig.Charger.Node.AccessControlServer.EntriesOf(fabric.Index));
    }

    [Fact]
    public async Task A_restarted_node_keeps_its_fabric_and_administrator_and_takes_the_controller_over_case()
    {
        var attributes = new Interaction.InMemoryAttributeStore();
        var fabrics = new TestFabrics.KeptStore();
        await using var rig = NetworkRig.InMemory(nodeOptions: options => options with { Store = attributes, Fabrics = new FabricTable(fabrics, options.Time) });
        await TestCommissioner.CommissionAsync(rig);

        using var restarted = ChargerNode.Create(TestNodes.Options(rig.FakeTime, attributes) with { Fabrics = new FabricTable(fabrics, rig.Time) });
        await using var host = new Node.Network.MatterDeviceHost(restarted.Node, rig.Network!.CreateEndpoint(), new Node.Network.MatterDeviceHostOptions { Time = rig.Time });
        host.Start();

        var fabric = Assert.Single(restarted.Node.Fabrics.Fabrics);
        Assert.Equal("csharp-commissioner", fabric.Label);
        Assert.Single(restarted.Node.AccessControlServer.EntriesOf(fabric.Index));
        var session = await rig.Run(Transport.SecureChannel.CaseInitiator.EstablishAsync(rig.Controller, host.LocalEndPoint, rig.ControllerFabric(NetworkRig.ControllerNodeId), NetworkRig.DeviceNodeId));
        var evse = new EnergyEVSE.Client(rig.Client(session), ChargerNode.EvseEndpoint);
        Assert.Equal(EnergyEVSE.SupplyStateEnum.Disabled, await rig.Run(evse.ReadSupplyStateAsync().AsTask()));
    }
}
