using System.Linq;
using System.Threading.Tasks;
using MatterGen.Interaction;
using MatterGen.InteractionModel.Messages;
using MatterGen.InteractionModel.Tests.Clusters;
using MatterGen.InteractionModel.Tests.Support;
using Xunit;

namespace MatterGen.InteractionModel.Tests.Server;

/// <summary>
/// List writes as replace-all and appends (Core Specification 10.6.4.3.1): a message's part of a list is stored
/// once, whole or not at all, and a failed part stops the appends that follow it in the same write.
/// </summary>
public sealed class ListWriteTests
{
    private const uint Cluster = InteractionTest.ClusterId;
    private static readonly AttributePath Items = AttributePath.Concrete(1, Cluster, 1);
    private static readonly AttributePath Append = AttributePath.Append(1, Cluster, 1);

    [Fact]
    public async Task A_replace_all_and_its_appends_in_one_message_are_stored_once()
    {
        await using var node = new NodeFixture();
        node.Server.Items = [9];
        var version = node.Server.DataVersion;

        var exchange = await node.StartAsync(new WriteRequest(null, false,
            [new AttributeData(null, Items, ItemsList(1, 2)), .. Enumerable.Range(3, 5).Select(i => new AttributeData(null, Append, Uint32(i)))], null));
        var response = Assert.IsType<WriteResponse>(await node.ReceiveAsync(exchange));

        Assert.Equal(MatterStatus.Success, Assert.Single(response.WriteResponses).Status.Status);
        Assert.Equal([1u, 2u, 3u, 4u, 5u, 6u, 7u], node.Server.Items);
        Assert.Equal(version + 1, node.Server.DataVersion);
    }

    [Fact]
    public async Task A_part_that_breaks_the_list_changes_nothing_and_the_appends_after_it_fail_too()
    {
        await using var node = new NodeFixture(maxPayloadSize: 4096);
        node.Server.Items = [9];
        var version = node.Server.DataVersion;

        // The list holds at most 400 items: 399 and two appends is one too many.
        var exchange = await node.StartAsync(new WriteRequest(null, false,
            [new AttributeData(null, Items, ItemsList([.. Enumerable.Range(0, 399)])), new AttributeData(null, Append, Uint32(1)), new AttributeData(null, Append, Uint32(2))], true));
        var first = Assert.IsType<WriteResponse>(await node.ReceiveAsync(exchange));
        await exchange.SendAsync(InteractionMessageWriter.ToProtocolMessage(new WriteRequest(null, false, [new AttributeData(null, Append, Uint32(3))], null)), true, node.Guard);
        var second = Assert.IsType<WriteResponse>(await node.ReceiveAsync(exchange));

        Assert.Equal(MatterStatus.ResourceExhausted, Assert.Single(first.WriteResponses).Status.Status);
        Assert.Equal(MatterStatus.ResourceExhausted, Assert.Single(second.WriteResponses).Status.Status);
        Assert.Equal([9u], node.Server.Items);
        Assert.Equal(version, node.Server.DataVersion);
    }

    [Fact]
    public async Task Appends_in_a_later_chunk_extend_what_the_earlier_chunk_stored()
    {
        await using var node = new NodeFixture();

        var exchange = await node.StartAsync(new WriteRequest(null, false, [new AttributeData(null, Items, ItemsList(1)), new AttributeData(null, Append, Uint32(2))], true));
        Assert.IsType<WriteResponse>(await node.ReceiveAsync(exchange));
        await exchange.SendAsync(InteractionMessageWriter.ToProtocolMessage(new WriteRequest(null, false, [new AttributeData(null, Append, Uint32(3)), new AttributeData(null, Append, Uint32(4))], null)), true, node.Guard);
        var last = Assert.IsType<WriteResponse>(await node.ReceiveAsync(exchange));

        Assert.Equal(MatterStatus.Success, Assert.Single(last.WriteResponses).Status.Status);
        Assert.Equal([1u, 2u, 3u, 4u], node.Server.Items);
    }

    [Fact]
    public async Task An_append_to_an_attribute_that_is_not_a_list_is_an_invalid_action()
    {
        await using var node = new NodeFixture();

        var exchange = await node.StartAsync(new WriteRequest(null, false,
            [new AttributeData(null, AttributePath.Concrete(1, Cluster, 0), new byte[] { 0x04, 0x07 }), new AttributeData(null, AttributePath.Append(1, Cluster, 0), new byte[] { 0x04, 0x08 })], null));
        var response = Assert.IsType<WriteResponse>(await node.ReceiveAsync(exchange));

        Assert.Equal([MatterStatus.Success, MatterStatus.InvalidAction], response.WriteResponses.Select(r => r.Status.Status));
        Assert.Equal((ushort)7, node.Server.Counter);
    }

    private static byte[] Uint32(int value) => [0x06, .. System.BitConverter.GetBytes((uint)value)];

    private static byte[] ItemsList(params int[] items) => [0x16, .. items.SelectMany(Uint32), 0x18];
}
