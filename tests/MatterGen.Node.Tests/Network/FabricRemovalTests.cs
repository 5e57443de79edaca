using System;
using System.Linq;
using System.Threading.Tasks;
using MatterGen.Evse.Charger;
using MatterGen.Evse.Clusters;
using MatterGen.Interaction;
using MatterGen.InteractionModel;
using MatterGen.InteractionModel.Client;
using MatterGen.InteractionModel.Messages;
using MatterGen.Node.Composition;
using MatterGen.Node.Network;
using Xunit;
using CertStatus = MatterGen.Node.Clusters.OperationalCredentials.NodeOperationalCertStatusEnum;
using Oc = MatterGen.Node.Clusters.OperationalCredentials;

namespace MatterGen.Node.Tests.Network;

/// <summary>
/// Two controllers commission the charger on two fabrics: each sees only its own fabric-scoped data, labels are
/// unique, and RemoveFabric takes one fabric with its ACL entries and sessions while the other keeps working.
/// </summary>
public sealed class FabricRemovalTests
{
    private const ulong SecondController = 0x0000_0000_0002_2222;
    private const ulong SecondFabric = 0xFAB000000000002E;

    [Fact]
    public async Task Two_fabrics_see_their_own_fabric_scoped_data_and_remove_fabric_takes_one_away()
    {
        await using var rig = NetworkRig.InMemory();
        var (first, firstSession) = await TestCommissioner.CommissionAsync(rig, "first");
        rig.Host.OpenCommissioningWindow(CommissioningSecret.FromPasscode(NetworkRig.Passcode, NetworkRig.Discriminator, NetworkRig.Salt, 1000));
        var (second, secondSession) = await TestCommissioner.CommissionAsync(rig, "second", SecondController, fabricId: SecondFabric);
        var firstCredentials = new Oc.Client(rig.Client(firstSession), 0);
        var secondClient = rig.Client(secondSession);
        var secondCredentials = new Oc.Client(secondClient, 0);

        Assert.Equal(2, rig.DeviceFabrics.Fabrics.Count);
        Assert.NotEqual(first.FabricIndex, second.FabricIndex);
        Assert.Equal(second.FabricIndex, await rig.Run(secondCredentials.ReadCurrentFabricIndexAsync().AsTask()));

        // NOCs: the other fabric's entry is its FabricIndex alone (its certificates are fabric-sensitive); a
        // fabric-filtered read has the accessing fabric's entry only.
        var nocs = ListValue.Items(await ReadRawAsync(rig, secondClient, attribute: 0x0000, fabricFiltered: false)).Select(item => item.ToArray()).ToArray();
        Assert.Equal(2, nocs.Length);
        Assert.Equal("1524FE" + first.FabricIndex.ToString("X2") + "18", Convert.ToHexString(nocs[first.FabricIndex - 1]));
        var own = Oc.NOCStruct.Decode(nocs[second.FabricIndex - 1]);
        Assert.Equal(rig.DeviceFabrics.Find(second.FabricIndex)!.Noc.ToTlv(), own.NOC.ToArray());
        Assert.Single(await rig.Run(secondCredentials.ReadNOCsAsync().AsTask()));

        // Fabrics: every descriptor unfiltered, only the accessing fabric's when fabric-filtered.
        var descriptors = ListValue.Items(await ReadRawAsync(rig, secondClient, attribute: 0x0001, fabricFiltered: false)).Select(item => Oc.FabricDescriptorStruct.Decode(item.Span)).ToArray();
        Assert.Equal(["first", "second"], descriptors.Select(fabric => fabric.Label).Order().ToArray());
        Assert.Equal("second", Assert.Single(await rig.Run(secondCredentials.ReadFabricsAsync().AsTask())).Label);

        // A fabric label is unique across fabrics.
        Assert.Equal(CertStatus.LabelConflict, (await rig.Run(secondCredentials.UpdateFabricLabelAsync(new Oc.UpdateFabricLabelRequest { Label = "first" }).AsTask())).StatusCode);

        // The first administrator removes the second fabric.
        var removed = await rig.Run(firstCredentials.RemoveFabricAsync(new Oc.RemoveFabricRequest { FabricIndex = second.FabricIndex }).AsTask());

        Assert.Equal((CertStatus.OK, (byte?)second.FabricIndex), (removed.StatusCode, removed.FabricIndex));
        Assert.Null(rig.DeviceFabrics.Find(second.FabricIndex));
        Assert.Empty(rig.Charger.Node.AccessControlServer.EntriesOf(second.FabricIndex));
        Assert.Single(rig.Charger.Node.AccessControlServer.EntriesOf(first.FabricIndex));
        Assert.True(await NetworkRig.WaitUntil(() => rig.Host.Transport.Sessions.ForFabric(second.FabricIndex).Count == 0));
        Assert.Equal((byte)1, await rig.Run(firstCredentials.ReadCommissionedFabricsAsync().AsTask()));
        var evse = new EnergyEVSE.Client(rig.Client(firstSession), ChargerNode.EvseEndpoint);
        Assert.Equal(EnergyEVSE.SupplyStateEnum.Disabled, await rig.Run(evse.ReadSupplyStateAsync().AsTask()));
    }

    private static async Task<byte[]> ReadRawAsync(NetworkRig rig, InteractionClient client, uint attribute, bool fabricFiltered)
    {
        var (report, status) = await rig.Run(client.ReadAsync(new ReadRequest([AttributePath.Concrete(0, ClusterIds.NodeOperationalCredentials, attribute)], null, null, fabricFiltered, null)).AsTask());
        Assert.Equal(MatterStatus.Success, status);
        return Assert.Single(report.Attributes()).Data!.Data.ToArray();
    }

    [Fact]
    public async Task Removing_its_own_fabric_answers_first_then_closes_the_session()
    {
        await using var rig = NetworkRig.InMemory();
        var (commissioner, session) = await TestCommissioner.CommissionAsync(rig);
        var credentials = new Oc.Client(rig.Client(session), 0);

        var removed = await rig.Run(credentials.RemoveFabricAsync(new Oc.RemoveFabricRequest { FabricIndex = commissioner.FabricIndex }).AsTask());

        Assert.Equal(CertStatus.OK, removed.StatusCode);
        Assert.Empty(rig.DeviceFabrics.Fabrics);
        Assert.Empty(rig.Charger.Node.AccessControlServer.ACL);
        Assert.True(await NetworkRig.WaitUntil(() => rig.Host.Transport.Sessions.Count == 0));
        var leave = rig.Charger.Node.EventLog.ReadFrom(0).Last(record => record.ClusterId == 0x0028);
        Assert.Equal(0x02u, leave.EventId);
    }
}
