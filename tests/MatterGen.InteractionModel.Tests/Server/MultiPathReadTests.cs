using System.Linq;
using System.Threading.Tasks;
using MatterGen.Evse.Clusters;
using MatterGen.Interaction;
using MatterGen.InteractionModel.Messages;
using MatterGen.InteractionModel.Tests.Clusters;
using MatterGen.InteractionModel.Tests.Support;
using MatterGen.Messaging;
using Xunit;

namespace MatterGen.InteractionModel.Tests.Server;

/// <summary>
/// <see cref="Client.InteractionClient.ReadPathsAsync"/>: attributes of several clusters and endpoints and their events
/// in one ReadRequest, each value found under its concrete path and decoded with the generated codecs.
/// </summary>
public sealed class MultiPathReadTests
{
    private const uint Cluster = InteractionTest.ClusterId;

    [Fact]
    public async Task Attributes_of_two_clusters_and_their_events_come_in_one_read_request()
    {
        await using var node = new NodeFixture();
        var requests = 0;
        node.ClientSession.Sent += message => requests += message.Protocol == ProtocolId.InteractionModel && message.Opcode == (byte)InteractionOpcode.ReadRequest ? 1 : 0;
        node.Server.Counter = 42;
        node.Server.EmitPinged(new InteractionTest.PingedEvent { Count = 1 });
        node.Server.EmitPinged(new InteractionTest.PingedEvent { Count = 2 });
        var second = node.Server.EventLog.ReadFrom(0)[^1].EventNumber;

        var read = await node.Client.ReadPathsAsync(
            [
                AttributePath.Concrete(1, Cluster, InteractionTest.Attributes.Counter.Id),
                AttributePath.Concrete(1, Cluster, InteractionTest.Attributes.Model.Id),
                AttributePath.Concrete(2, EnergyEVSE.ClusterId, EnergyEVSE.Attributes.State.Id),
                AttributePath.Concrete(1, Cluster, 0x77),
            ],
            [new EventPath(Endpoint: 1, Cluster: Cluster)],
            fromEventNumber: second,
            cancellationToken: node.Guard);

        Assert.Equal(1, requests);
        Assert.Equal((ushort)42, read.Decode(1, Cluster, InteractionTest.Attributes.Counter.Id, InteractionTest.AttributeCodecs.DecodeCounter));
        Assert.Equal((byte)7, read.Decode(1, Cluster, InteractionTest.Attributes.Model.Id, InteractionTest.AttributeCodecs.DecodeModel));
        Assert.Equal(EnergyEVSE.StateEnum.NotPluggedIn, read.Decode(2, EnergyEVSE.ClusterId, EnergyEVSE.Attributes.State.Id, EnergyEVSE.AttributeCodecs.DecodeState));
        Assert.Equal(MatterStatus.UnsupportedAttribute, read.Attribute(1, Cluster, 0x77).Status);
        Assert.Equal(MatterStatus.Failure, read.Attribute(1, Cluster, InteractionTest.Attributes.Secret.Id).Status);
        var only = Assert.Single(read.Events);
        Assert.Equal(second, only.EventNumber);
        Assert.Equal((ushort)2, InteractionTest.PingedEvent.Decode(only.Payload.Span).Count);
    }

    [Fact]
    public async Task Decoding_an_attribute_that_was_not_read_throws_its_status()
    {
        await using var node = new NodeFixture();

        var read = await node.Client.ReadPathsAsync([AttributePath.Concrete(9, Cluster, 0)], cancellationToken: node.Guard);

        var refused = Assert.Throws<MatterStatusException>(() => read.Decode(9, Cluster, 0, InteractionTest.AttributeCodecs.DecodeCounter));
        Assert.Equal(MatterStatus.UnsupportedEndpoint, refused.Status);
    }

    [Fact]
    public async Task Events_are_told_apart_by_cluster_instance_and_number()
    {
        await using var node = new NodeFixture(twinEndpoint: 3);
        node.Server.EmitPinged(new InteractionTest.PingedEvent { Count = 1 });
        node.Twin!.EmitPinged(new InteractionTest.PingedEvent { Count = 3 });
        node.Server.EmitPinged(new InteractionTest.PingedEvent { Count = 11 });

        var read = await node.Client.ReadPathsAsync([], [new EventPath(Cluster: Cluster)], cancellationToken: node.Guard);

        Assert.Equal([1, 3, 11], read.Events.Select(e => (int)InteractionTest.PingedEvent.Decode(e.Payload.Span).Count));
        Assert.Equal([1, 11], read.EventsOf(1, Cluster).Select(e => (int)InteractionTest.PingedEvent.Decode(e.Payload.Span).Count));
        Assert.Equal([3], read.EventsOf(3, Cluster).Select(e => (int)InteractionTest.PingedEvent.Decode(e.Payload.Span).Count));
        Assert.Equal([11], read.EventsOf(1, Cluster, read.Events[1].EventNumber + 1).Select(e => (int)InteractionTest.PingedEvent.Decode(e.Payload.Span).Count));
    }
}
