using System;
using System.Linq;
using MatterGen.DataModel;
using MatterGen.Evse.Charger;
using MatterGen.Interaction;
using MatterGen.Node.Clusters;
using MatterGen.Node.Composition;
using MatterGen.Tlv;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace MatterGen.Node.Tests;

/// <summary>Basic Information on endpoint 0: values from the options, its events, and the two writable attributes.</summary>
public sealed class BasicInformationTests
{
    private const uint NodeLabel = 0x0005;
    private const uint Location = 0x0006;

    [Fact]
    public void The_options_are_what_a_controller_reads()
    {
        using var charger = ChargerNode.Create(TestNodes.Options());
        var server = charger.Node.FindServer(0, ClusterIds.BasicInformation)!;

        Assert.Equal((ushort)18, TestNodes.Read(server, 0x0000, BasicInformation.AttributeCodecs.DecodeDataModelRevision));
        Assert.Equal("MatterGen", TestNodes.Read(server, 0x0001, BasicInformation.AttributeCodecs.DecodeVendorName));
        Assert.Equal((ushort)0xFFF1, TestNodes.Read(server, 0x0002, BasicInformation.AttributeCodecs.DecodeVendorID));
        Assert.Equal("Test charger", TestNodes.Read(server, 0x0003, BasicInformation.AttributeCodecs.DecodeProductName));
        Assert.Equal((ushort)0x8001, TestNodes.Read(server, 0x0004, BasicInformation.AttributeCodecs.DecodeProductID));
        Assert.Equal(string.Empty, TestNodes.Read(server, NodeLabel, BasicInformation.AttributeCodecs.DecodeNodeLabel));
        Assert.Equal("XX", TestNodes.Read(server, Location, BasicInformation.AttributeCodecs.DecodeLocation));
        Assert.Equal((ushort)2, TestNodes.Read(server, 0x0007, BasicInformation.AttributeCodecs.DecodeHardwareVersion));
        Assert.Equal("rev B", TestNodes.Read(server, 0x0008, BasicInformation.AttributeCodecs.DecodeHardwareVersionString));
        Assert.Equal(7u, TestNodes.Read(server, 0x0009, BasicInformation.AttributeCodecs.DecodeSoftwareVersion));
        Assert.Equal("0.7.0", TestNodes.Read(server, 0x000A, BasicInformation.AttributeCodecs.DecodeSoftwareVersionString));
        Assert.Equal("SN-0001", TestNodes.Read(server, 0x000F, BasicInformation.AttributeCodecs.DecodeSerialNumber));
        Assert.Equal("5f1c2a9e4b7d4e0c", TestNodes.Read(server, 0x0012, BasicInformation.AttributeCodecs.DecodeUniqueID));
        Assert.Equal(new BasicInformation.CapabilityMinimaStruct { CaseSessionsPerFabric = 3, SubscriptionsPerFabric = 3 }, TestNodes.Read(server, 0x0013, BasicInformation.AttributeCodecs.DecodeCapabilityMinima));
        Assert.Equal(0x0104_0000u, TestNodes.Read(server, 0x0015, BasicInformation.AttributeCodecs.DecodeSpecificationVersion));
        Assert.Equal((ushort)1, TestNodes.Read(server, 0x0016, BasicInformation.AttributeCodecs.DecodeMaxPathsPerInvoke));
        Assert.Equal(new uint[] { 0x0000, 0x0001, 0x0002 }, server.Description.Events.Select(e => e.Id));
    }

    [Fact]
    public void Out_of_bound_options_fail_the_build_naming_the_attribute()
    {
        var longName = TestNodes.Options() with { Information = TestNodes.Information with { VendorName = new string('v', 33) } };
        var noVersion = TestNodes.Options() with { Information = TestNodes.Information with { SoftwareVersionString = string.Empty } };
        var fewSessions = TestNodes.Options() with { Information = TestNodes.Information with { CaseSessionsPerFabric = 2 } };

        Assert.Contains("VendorName", Assert.Throws<ArgumentOutOfRangeException>(() => TestNodes.Builder(longName).Build()).Message);
        Assert.Contains("SoftwareVersionString", Assert.Throws<ArgumentOutOfRangeException>(() => TestNodes.Builder(noVersion).Build()).Message);
        Assert.Contains("CaseSessionsPerFabric", Assert.Throws<ArgumentOutOfRangeException>(() => TestNodes.Builder(fewSessions).Build()).Message);
    }

    [Fact]
    public void StartUp_is_recorded_when_the_node_is_built_ShutDown_on_stop_and_Leave_before_a_fabric_is_forgotten()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        using var charger = ChargerNode.Create(TestNodes.Options(time));
        var node = charger.Node;
        Assert.Equal(MatterStatus.Success, node.AccessControlServer.AddAdministrator(2, 0x1234));

        time.Advance(TimeSpan.FromMinutes(5));
        node.LeaveFabric(2);
        node.ShutDown();

        var events = node.EventLog.ReadFrom(0).Where(e => e.ClusterId == ClusterIds.BasicInformation).ToList();
        Assert.Equal(new uint[] { 0x00, 0x02, 0x01 }, events.Select(e => e.EventId));
        Assert.Equal(7u, BasicInformation.Client.DecodeStartUp(events[0]).SoftwareVersion);
        Assert.Equal(EventPriority.Critical, events[0].Priority);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero), events[0].Timestamp);
        Assert.Equal((byte)2, BasicInformation.Client.DecodeLeave(events[1]).FabricIndex);
        Assert.Equal(time.GetUtcNow(), events[1].Timestamp);
        Assert.Equal(EventPriority.Critical, events[2].Priority);
        Assert.Empty(node.AccessControlServer.EntriesOf(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => node.LeaveFabric(0));
    }

    [Fact]
    public void NodeLabel_needs_Manage_and_at_most_32_bytes_and_a_refused_write_keeps_the_value()
    {
        using var charger = ChargerNode.Create(TestNodes.Options());
        var server = charger.Node.FindServer(0, ClusterIds.BasicInformation)!;

        Assert.Equal(MatterStatus.UnsupportedAccess, server.WriteAttribute(NodeLabel, Text("Garage"), new RequestContext(Privilege.Operate, FabricIndex: 1)));
        Assert.Equal(MatterStatus.Success, server.WriteAttribute(NodeLabel, Text("Garage"), new RequestContext(Privilege.Manage, FabricIndex: 1)));
        Assert.Equal(MatterStatus.ConstraintError, server.WriteAttribute(NodeLabel, Text(new string('x', 33)), new RequestContext(Privilege.Manage, FabricIndex: 1)));
        Assert.Equal(MatterStatus.InvalidDataType, server.WriteAttribute(NodeLabel, TestNodes.Tlv((ref TlvWriter w) => w.WriteUnsignedInteger(TlvTag.Anonymous, 5)), new RequestContext(Privilege.Manage, FabricIndex: 1)));

        Assert.Equal("Garage", charger.Node.BasicInformation.NodeLabel);
    }

    [Fact]
    public void Location_needs_Administer_and_exactly_two_characters()
    {
        using var charger = ChargerNode.Create(TestNodes.Options());
        var server = charger.Node.FindServer(0, ClusterIds.BasicInformation)!;

        Assert.Equal(MatterStatus.UnsupportedAccess, server.WriteAttribute(Location, Text("DE"), new RequestContext(Privilege.Manage, FabricIndex: 1)));
        Assert.Equal(MatterStatus.Success, server.WriteAttribute(Location, Text("DE"), new RequestContext(Privilege.Administer, FabricIndex: 1)));
        Assert.Equal(MatterStatus.ConstraintError, server.WriteAttribute(Location, Text("DEU"), new RequestContext(Privilege.Administer, FabricIndex: 1)));
        Assert.Equal(MatterStatus.ConstraintError, server.WriteAttribute(Location, Text("D"), new RequestContext(Privilege.Administer, FabricIndex: 1)));
        Assert.Equal(MatterStatus.UnsupportedWrite, server.WriteAttribute(0x0001, Text("Other"), new RequestContext(Privilege.Administer, FabricIndex: 1)));

        Assert.Equal("DE", charger.Node.BasicInformation.Location);
    }

    [Fact]
    public void Written_label_and_location_survive_a_restart()
    {
        var store = new InMemoryAttributeStore();
        using (var first = ChargerNode.Create(TestNodes.Options(store: store)))
        {
            var server = first.Node.FindServer(0, ClusterIds.BasicInformation)!;
            Assert.Equal(MatterStatus.Success, server.WriteAttribute(NodeLabel, Text("Carport"), new RequestContext(Privilege.Manage, FabricIndex: 1)));
            Assert.Equal(MatterStatus.Success, server.WriteAttribute(Location, Text("NL"), new RequestContext(Privilege.Administer, FabricIndex: 1)));
        }

        using var second = ChargerNode.Create(TestNodes.Options(store: store) with { Information = TestNodes.Information with { NodeLabel = "Fresh" } });

        Assert.Equal("Carport", second.Node.BasicInformation.NodeLabel);
        Assert.Equal("NL", second.Node.BasicInformation.Location);
    }

    private static byte[] Text(string value) => TestNodes.Tlv((ref TlvWriter w) => w.WriteString(TlvTag.Anonymous, value));
}
