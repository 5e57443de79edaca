using System.Linq;
using MatterGen.Evse.Charger;
using MatterGen.Node.Clusters;
using MatterGen.Node.Composition;
using Xunit;

namespace MatterGen.Node.Tests;

/// <summary>Every endpoint's Descriptor, read through its server, says what the composition is.</summary>
public sealed class DescriptorTests
{
    [Fact]
    public void The_charger_node_describes_both_endpoints()
    {
        using var charger = ChargerNode.Create(TestNodes.Options());
        var root = charger.Node.FindServer(0, ClusterIds.Descriptor)!;
        var evse = charger.Node.FindServer(1, ClusterIds.Descriptor)!;

        Assert.Equal([new Descriptor.DeviceTypeStruct { DeviceType = 0x0016, Revision = 3 }], TestNodes.Read(root, 0x0000, Descriptor.AttributeCodecs.DecodeDeviceTypeList));
        Assert.Equal(new uint[] { 0x001D, 0x001F, 0x0028, 0x0030, 0x0031, 0x0033, 0x003C, 0x003E, 0x003F }, TestNodes.Read(root, 0x0001, Descriptor.AttributeCodecs.DecodeServerList));
        Assert.Empty(TestNodes.Read(root, 0x0002, Descriptor.AttributeCodecs.DecodeClientList));
        Assert.Equal(new ushort[] { 1 }, TestNodes.Read(root, 0x0003, Descriptor.AttributeCodecs.DecodePartsList));

        Assert.Equal(
            [
                new Descriptor.DeviceTypeStruct { DeviceType = 0x050C, Revision = 2 },
                new Descriptor.DeviceTypeStruct { DeviceType = 0x050D, Revision = 2 },
                new Descriptor.DeviceTypeStruct { DeviceType = 0x0510, Revision = 1 },
            ],
            TestNodes.Read(evse, 0x0000, Descriptor.AttributeCodecs.DecodeDeviceTypeList));
        Assert.Equal(new uint[] { 0x001D, 0x0090, 0x0091, 0x0098, 0x0099, 0x009C, 0x009D, 0x009F }, TestNodes.Read(evse, 0x0001, Descriptor.AttributeCodecs.DecodeServerList));
        Assert.Empty(TestNodes.Read(evse, 0x0003, Descriptor.AttributeCodecs.DecodePartsList));
        Assert.Equal(0u, evse.Description.FeatureMap);
        Assert.Null(evse.Description.FindAttribute(0x0004)); // No TagList without tags.
    }

    [Fact]
    public void PartsList_follows_the_tree_the_root_lists_everything_and_a_full_family_endpoint_all_its_descendants()
    {
        var builder = TestNodes.Builder();
        Add(builder, 1, parent: null);
        Add(builder, 2, parent: 1);
        Add(builder, 3, parent: 2);
        Add(builder, 4, parent: null).WithPartsListPattern(PartsListPattern.FullFamily);
        Add(builder, 5, parent: 4);
        Add(builder, 6, parent: 5);
        var node = builder.Build();

        Assert.Equal(new ushort[] { 1, 2, 3, 4, 5, 6 }, PartsList(node, 0));
        Assert.Equal(new ushort[] { 2 }, PartsList(node, 1));
        Assert.Equal(new ushort[] { 3 }, PartsList(node, 2));
        Assert.Empty(PartsList(node, 3));
        Assert.Equal(new ushort[] { 5, 6 }, PartsList(node, 4));
        Assert.Equal(new ushort[] { 6 }, PartsList(node, 5));
    }

    [Fact]
    public void Descriptors_follow_endpoints_added_and_removed_at_run_time()
    {
        using var charger = ChargerNode.Create(TestNodes.Options());
        var node = charger.Node;
        var rootDescriptor = node.FindServer(0, ClusterIds.Descriptor)!;
        var versionBefore = rootDescriptor.DataVersion;
        var changes = 0;
        node.CompositionChanged += () => changes++;

        var sub = new EndpointDefinition(2).PartOf(1).WithDeviceType(DeviceTypes.DeviceEnergyManagement)
            .WithServer(new StandInServer(ClusterIds.DeviceEnergyManagement, 2))
            .WithClient(0x0006).WithClient(0x0003).WithClient(0x0006);
        node.AddEndpoint(sub);

        Assert.Equal(new ushort[] { 0, 1, 2 }, node.Endpoints);
        Assert.Equal(new ushort[] { 1, 2 }, PartsList(node, 0));
        Assert.Equal(new ushort[] { 2 }, PartsList(node, 1));
        Assert.NotEqual(versionBefore, rootDescriptor.DataVersion);
        var added = node.FindServer(2, ClusterIds.Descriptor)!;
        Assert.Equal(new uint[] { 0x0003, 0x0006 }, TestNodes.Read(added, 0x0002, Descriptor.AttributeCodecs.DecodeClientList));
        Assert.Equal(new uint[] { 0x001D, 0x0098 }, TestNodes.Read(added, 0x0001, Descriptor.AttributeCodecs.DecodeServerList));

        // An endpoint that still has parts cannot go; once its part is gone it can.
        var error = Assert.Single(Assert.Throws<CompositionException>(() => node.RemoveEndpoint(1)).Errors);
        Assert.Equal("Endpoint 2 is a part of endpoint 1, which the node does not have.", error);
        node.RemoveEndpoint(2);

        Assert.Equal(new ushort[] { 0, 1 }, node.Endpoints);
        Assert.Equal(new ushort[] { 1 }, PartsList(node, 0));
        Assert.Empty(PartsList(node, 1));
        Assert.Null(node.FindServer(2, ClusterIds.Descriptor));
        Assert.Equal(2, changes);
    }

    [Fact]
    public void Tags_give_the_endpoint_the_TagList_feature_and_at_most_six_are_allowed()
    {
        var tag = new Globals.SemanticTagStruct { MfgCode = null, NamespaceID = 0x08, Tag = 0x03, Label = "Garage" };
        var builder = TestNodes.Builder();
        Add(builder, 1, parent: null).WithTag(tag);
        var node = builder.Build();
        var descriptor = node.FindServer(1, ClusterIds.Descriptor)!;

        Assert.Equal(1u, descriptor.Description.FeatureMap);
        Assert.Equal([tag], TestNodes.Read(descriptor, 0x0004, Descriptor.AttributeCodecs.DecodeTagList));

        var tooMany = TestNodes.Builder();
        var endpoint = Add(tooMany, 1, parent: null);
        for (var i = 0; i < 7; i++)
        {
            endpoint.WithTag(tag with { Tag = (byte)i });
        }

        var error = Assert.Single(Assert.Throws<CompositionException>(tooMany.Build).Errors);
        Assert.Equal("Endpoint 1 has 7 semantic tags; the Descriptor's TagList holds at most 6.", error);
    }

    private static EndpointDefinition Add(MatterNodeBuilder builder, ushort number, ushort? parent)
    {
        var endpoint = builder.AddEndpoint(number).WithDeviceType(DeviceTypes.DeviceEnergyManagement)
            .WithServer(new StandInServer(ClusterIds.DeviceEnergyManagement, number));
        return parent is { } part ? endpoint.PartOf(part) : endpoint;
    }

    private static ushort[] PartsList(MatterNode node, ushort endpoint) =>
        TestNodes.Read(node.FindServer(endpoint, ClusterIds.Descriptor)!, 0x0003, Descriptor.AttributeCodecs.DecodePartsList).ToArray();
}
