using System.Linq;
using MatterGen.Evse.Charger;
using MatterGen.Node.Composition;
using Xunit;

namespace MatterGen.Node.Tests;

/// <summary>The builder refuses every composition rule it knows, naming the endpoint and device type or cluster.</summary>
public sealed class CompositionTests
{
    [Fact]
    public void A_device_type_without_its_mandatory_cluster_names_the_endpoint_the_device_type_and_the_cluster()
    {
        var builder = TestNodes.Builder();
        builder.AddEndpoint(1).WithDeviceType(DeviceTypes.Evse).WithServer(new StandInServer(ClusterIds.EnergyEvse, 1));

        var error = Assert.Single(Assert.Throws<CompositionException>(builder.Build).Errors);

        Assert.Equal("Endpoint 1 claims device type EVSE (0x050C) but lacks its mandatory server cluster(s): Energy EVSE Mode (0x009D).", error);
    }

    [Fact]
    public void A_root_node_without_the_commissioning_clusters_names_each_of_them_unless_waived()
    {
        var builder = new MatterNodeBuilder(TestNodes.Options());

        var error = Assert.Single(Assert.Throws<CompositionException>(builder.Build).Errors);

        Assert.StartsWith("Endpoint 0 claims device type Root Node (0x0016) but lacks its mandatory server cluster(s): ", error);
        foreach (var name in new[] { "General Diagnostics (0x0033)", "Administrator Commissioning (0x003C)", "Group Key Management (0x003F)" })
        {
            Assert.Contains(name, error);
        }

        // The node brings its own Access Control, Basic Information, General Commissioning and Operational Credentials.
        foreach (var name in new[] { "Access Control", "Basic Information", "General Commissioning", "Node Operational Credentials" })
        {
            Assert.DoesNotContain(name, error);
        }
    }

    [Fact]
    public void A_waiver_for_a_cluster_that_is_present_fails_so_waivers_do_not_outlive_their_reason()
    {
        var builder = TestNodes.Builder();
        builder.Waive(0, ClusterIds.AccessControl, "stale");

        var error = Assert.Single(Assert.Throws<CompositionException>(builder.Build).Errors);

        Assert.Contains("Endpoint 0 has Access Control (0x001F) now: remove its waiver", error);
    }

    [Fact]
    public void A_choice_group_needs_at_least_one_of_its_clusters()
    {
        var builder = TestNodes.Builder();
        builder.AddEndpoint(2).WithDeviceType(DeviceTypes.ElectricalSensor).WithServer(new StandInServer(ClusterIds.PowerTopology, 2));

        var error = Assert.Single(Assert.Throws<CompositionException>(builder.Build).Errors);
        Assert.Equal("Endpoint 2 claims device type Electrical Sensor (0x0510) but has none of Electrical Power Measurement (0x0090), Electrical Energy Measurement (0x0091); it needs at least one.", error);

        var complete = TestNodes.Builder();
        complete.AddEndpoint(2).WithDeviceType(DeviceTypes.ElectricalSensor)
            .WithServer(new StandInServer(ClusterIds.PowerTopology, 2))
            .WithServer(new StandInServer(ClusterIds.ElectricalEnergyMeasurement, 2));
        Assert.NotNull(complete.Build().FindServer(2, ClusterIds.ElectricalEnergyMeasurement));
    }

    [Fact]
    public void Every_problem_is_listed_at_once()
    {
        var builder = TestNodes.Builder();
        builder.AddEndpoint(1).WithDeviceType(DeviceTypes.RootNode).WithServer(new StandInServer(ClusterIds.AccessControl, 1));
        builder.AddEndpoint(2).WithServer(new StandInServer(ClusterIds.PowerTopology, 3));
        builder.AddEndpoint(2).WithDeviceType(DeviceTypes.DeviceEnergyManagement);
        builder.AddEndpoint(0xFFFF).WithDeviceType(DeviceTypes.Evse);
        builder.AddEndpoint(4).WithDeviceType(DeviceTypes.DeviceEnergyManagement).PartOf(9)
            .WithServer(new StandInServer(ClusterIds.DeviceEnergyManagement, 4))
            .WithServer(new StandInServer(ClusterIds.DeviceEnergyManagement, 4));
        builder.AddEndpoint(5).WithDeviceType(DeviceTypes.DeviceEnergyManagement).WithServer(new StandInServer(ClusterIds.Descriptor, 5))
            .WithServer(new StandInServer(ClusterIds.DeviceEnergyManagement, 5));

        var errors = Assert.Throws<CompositionException>(builder.Build).Errors;

        Assert.Contains("Endpoint 0xFFFF is the wildcard and cannot be an endpoint.", errors);
        Assert.Contains("Endpoint 2 is defined twice.", errors);
        Assert.Contains("Endpoint 1 claims Root Node (0x0016), which only endpoint 0 may claim.", errors);
        Assert.Contains("Endpoint 1 has Access Control (0x001F), which belongs on the root endpoint only.", errors);
        Assert.Contains("Endpoint 2 claims no device type; the Descriptor's DeviceTypeList needs at least one.", errors);
        Assert.Contains("Endpoint 2 holds a Power Topology (0x009C) server made for endpoint 3 (ClusterServerOptions.Endpoint).", errors);
        Assert.Contains("Endpoint 4 is a part of endpoint 9, which the node does not have.", errors);
        Assert.Contains("Endpoint 4 has 2 servers of Device Energy Management (0x0098); an endpoint has one per cluster.", errors);
        Assert.Contains("Endpoint 5 was given a Descriptor server; the node makes and fills every endpoint's Descriptor itself.", errors);
        Assert.Contains(errors, error => error.StartsWith("Endpoint 1 claims device type Root Node (0x0016) but lacks", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Endpoints_that_are_parts_of_each_other_are_a_cycle()
    {
        var builder = TestNodes.Builder();
        builder.AddEndpoint(1).WithDeviceType(DeviceTypes.DeviceEnergyManagement).PartOf(2).WithServer(new StandInServer(ClusterIds.DeviceEnergyManagement, 1));
        builder.AddEndpoint(2).WithDeviceType(DeviceTypes.DeviceEnergyManagement).PartOf(1).WithServer(new StandInServer(ClusterIds.DeviceEnergyManagement, 2));

        var errors = Assert.Throws<CompositionException>(builder.Build).Errors;

        Assert.Contains("Endpoint 1 does not reach the root endpoint through its parents (a cycle or a missing parent).", errors);
        Assert.Contains("Endpoint 2 does not reach the root endpoint through its parents (a cycle or a missing parent).", errors);
    }

    [Fact]
    public void The_charger_node_is_a_root_node_and_an_EVSE_energy_manager_and_electrical_sensor_with_their_clusters()
    {
        using var charger = ChargerNode.Create(TestNodes.Options());
        var node = charger.Node;

        Assert.Equal(new ushort[] { 0, 1 }, node.Endpoints);
        Assert.Equal(new uint[] { 0x001D, 0x001F, 0x0028, 0x0030, 0x0031, 0x0033, 0x003C, 0x003E, 0x003F }, node.ServersOn(0).Select(server => server.Description.ClusterId));
        Assert.Equal(new uint[] { 0x001D, 0x0090, 0x0091, 0x0098, 0x0099, 0x009C, 0x009D, 0x009F }, node.ServersOn(1).Select(server => server.Description.ClusterId));
        Assert.Same(charger.Evse.Server, node.FindServer(1, 0x0099));
        Assert.Same(charger.ModeServer, node.FindServer(1, 0x009D));
        Assert.Null(node.FindServer(1, 0x0028));
        Assert.Null(node.FindServer(2, 0x0099));
        Assert.Empty(node.ServersOn(7));
        Assert.Equal(new[] { DeviceTypes.Evse, DeviceTypes.DeviceEnergyManagement, DeviceTypes.ElectricalSensor }, node.Endpoint(1)!.DeviceTypes);

        // Every mandatory server cluster of every declared device type is on the endpoint (the builder checked it;
        // this states it), including the Mode cluster Device Energy Management needs for a controllable appliance.
        foreach (var deviceType in node.Endpoint(1)!.DeviceTypes)
        {
            Assert.All(deviceType.MandatoryServers, cluster => Assert.NotNull(node.FindServer(1, cluster)));
        }

        Assert.NotNull(node.FindServer(1, ClusterIds.DeviceEnergyManagementMode));
        Assert.Empty(node.Waivers); // the charger serves every root-node cluster
        Assert.All(node.ServersOn(1), server => Assert.Equal(1, server.Endpoint));
        Assert.All(node.EndpointList.SelectMany(endpoint => endpoint.Servers), server => Assert.Same(node.EventLog, server.EventLog));
    }

    [Fact]
    public void Adding_an_endpoint_that_breaks_a_rule_changes_nothing()
    {
        using var charger = ChargerNode.Create(TestNodes.Options());
        var node = charger.Node;
        var changes = 0;
        node.CompositionChanged += () => changes++;

        var broken = new EndpointDefinition(2).WithDeviceType(DeviceTypes.DeviceEnergyManagement);
        var error = Assert.Single(Assert.Throws<CompositionException>(() => node.AddEndpoint(broken)).Errors);

        Assert.Contains("Endpoint 2 claims device type Device Energy Management (0x050D) but lacks", error);
        Assert.Equal(new ushort[] { 0, 1 }, node.Endpoints);
        Assert.Equal(0, changes);
        Assert.Throws<CompositionException>(() => node.RemoveEndpoint(0));
        Assert.Throws<CompositionException>(() => node.RemoveEndpoint(9));
    }
}
