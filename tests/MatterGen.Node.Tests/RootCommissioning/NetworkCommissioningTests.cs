using System.Text;
using System.Threading.Tasks;
using MatterGen.Evse.Charger;
using MatterGen.Interaction;
using MatterGen.Node.NetworkCommissioning;
using MatterGen.Node.Tests.Wire;
using MatterGen.Tlv;
using Xunit;
using NetworkClusters = MatterGen.Node.Clusters.NetworkCommissioning;

namespace MatterGen.Node.Tests.RootCommissioning;

/// <summary>Network Commissioning (Ethernet) on the charger, read and written through IM messages.</summary>
public sealed class NetworkCommissioningTests
{
    [Fact]
    public async Task The_ethernet_interface_is_the_one_connected_network_with_no_commands_and_no_last_attempt()
    {
        await using var wire = ChargerOnTheWire.WithAdministrator();
        var client = new NetworkClusters.Client(wire.Client, 0);
        var server = wire.Charger.NetworkCommissioning.Server;

        var network = Assert.Single(await client.ReadNetworksAsync(wire.Guard));

        Assert.Equal(NetworkCommissioningServer.FeatureMap, (uint)NetworkClusters.Feature.EthernetNetworkInterface);
        Assert.Empty(NetworkCommissioningServer.AcceptedCommandList);
        Assert.Equal((byte)1, await client.ReadMaxNetworksAsync(wire.Guard));
        Assert.True(network.Connected);
        Assert.InRange(network.NetworkID.Length, 1, 32);
        Assert.Equal(wire.Charger.NetworkCommissioning.NetworkId.ToArray(), network.NetworkID.ToArray());
        Assert.True(await client.ReadInterfaceEnabledAsync(wire.Guard));
        Assert.Null(await client.ReadLastNetworkingStatusAsync(wire.Guard));
        Assert.Null(await client.ReadLastNetworkIDAsync(wire.Guard));
        Assert.Null(await client.ReadLastConnectErrorValueAsync(wire.Guard));
        Assert.Equal(MatterStatus.UnsupportedCommand, (await server.InvokeAsync(0x00, TestNodes.Tlv(EmptyStructure), RequestContext.Local)).Status);
    }

    [Fact]
    public void The_interface_name_can_be_given_and_is_cut_to_32_bytes()
    {
        using var named = ChargerNode.Create(TestNodes.Options(), networkInterfaceName: "enp3s0");
        using var longName = new EthernetNetworkCommissioning(interfaceName: new string('é', 20));

        Assert.Equal("enp3s0"u8.ToArray(), named.NetworkCommissioning.NetworkId.ToArray());
        Assert.Equal(new string('é', 16), Encoding.UTF8.GetString(longName.NetworkId.Span));
    }

    [Fact]
    public async Task Disabling_the_interface_shows_the_network_disconnected_tells_the_application_and_survives_a_restart()
    {
        var store = new InMemoryAttributeStore();
        bool? told = null;
        await using (var wire = new ChargerOnTheWire(ChargerOnTheWire.Admin, store: store))
        {
            Assert.Equal(MatterStatus.Success, wire.Node.AccessControlServer.AddAdministrator(1, ChargerOnTheWire.AdminNodeId));
            wire.Charger.NetworkCommissioning.InterfaceEnabledChanged += enabled => told = enabled;
            var client = new NetworkClusters.Client(wire.Client, 0);

            await client.WriteInterfaceEnabledAsync(false, cancellationToken: wire.Guard);

            Assert.False(await client.ReadInterfaceEnabledAsync(wire.Guard));
            Assert.False(Assert.Single(await client.ReadNetworksAsync(wire.Guard)).Connected);
            Assert.False(told);
        }

        using var restarted = ChargerNode.Create(TestNodes.Options(store: store));
        Assert.False(restarted.NetworkCommissioning.Server.InterfaceEnabled);
        Assert.False(Assert.Single(restarted.NetworkCommissioning.Server.Networks).Connected);
    }

    [Fact]
    public async Task The_link_going_down_shows_in_networks()
    {
        await using var wire = ChargerOnTheWire.WithAdministrator();

        wire.Charger.NetworkCommissioning.SetLinkUp(false);

        Assert.False(Assert.Single(await new NetworkClusters.Client(wire.Client, 0).ReadNetworksAsync(wire.Guard)).Connected);
    }

    [Fact]
    public async Task Only_an_administrator_writes_interface_enabled_and_a_malformed_value_changes_nothing()
    {
        await using var wire = ChargerOnTheWire.WithAdministrator();
        var manager = wire.ConnectGranted(0x0000_0000_0000_0777, Clusters.AccessControl.AccessControlEntryPrivilegeEnum.Manage);

        var denied = await manager.WriteAttributeAsync(0, NetworkClusters.ClusterId, 0x0004, TestNodes.Tlv((ref TlvWriter w) => w.WriteBoolean(TlvTag.Anonymous, false)), timed: false, wire.Guard);
        var malformed = await wire.Client.WriteAttributeAsync(0, NetworkClusters.ClusterId, 0x0004, TestNodes.Tlv((ref TlvWriter w) => w.WriteUnsignedInteger(TlvTag.Anonymous, 0)), timed: false, wire.Guard);

        Assert.Equal(MatterStatus.UnsupportedAccess, denied);
        Assert.Equal(MatterStatus.InvalidDataType, malformed);
        Assert.True(wire.Charger.NetworkCommissioning.Server.InterfaceEnabled);
    }

    private static void EmptyStructure(ref TlvWriter writer)
    {
        writer.StartStructure(TlvTag.Anonymous);
        writer.EndContainer();
    }
}
