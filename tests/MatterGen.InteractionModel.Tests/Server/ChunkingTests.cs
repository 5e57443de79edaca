using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MatterGen.Interaction;
using MatterGen.InteractionModel.Messages;
using MatterGen.InteractionModel.Tests.Clusters;
using MatterGen.InteractionModel.Tests.Support;
using MatterGen.Messaging;
using Xunit;

namespace MatterGen.InteractionModel.Tests.Server;

/// <summary>Reports and writes larger than a message: split by blocks and by list items, reassembled to the same data.</summary>
public sealed class ChunkingTests
{
    [Theory]
    [InlineData(160)]
    [InlineData(300)]
    [InlineData(700)]
    [InlineData(1200)]
    public async Task A_chunked_wildcard_read_reassembles_to_the_unchunked_report(int budget)
    {
        await using var whole = new NodeFixture(maxPayloadSize: 64 * 1024);
        await using var chunked = new NodeFixture(budget: budget);
        foreach (var node in new[] { whole, chunked })
        {
            node.Server.Items = Enumerable.Range(0, 300).Select(i => (uint)i * 1000).ToArray();
            node.Server.Labels = Enumerable.Range(0, 20).Select(i => new InteractionTest.LabelStruct { Label = $"label {i}", Value = new string('v', 20) }).ToArray();
        }

        var sizes = new List<int>();
        chunked.NodeSession.Sent += message => sizes.Add(message.Payload.Length);
        var request = new ReadRequest([new AttributePath()], null, null, true, null);

        var (expected, _) = await whole.Client.ReadAsync(request, whole.Guard);
        var (actual, status) = await chunked.Client.ReadAsync(request, chunked.Guard);

        Assert.Equal(MatterStatus.Success, status);
        Assert.True(sizes.Count > 1);
        Assert.All(sizes, size => Assert.True(size <= budget, $"a message of {size} bytes over the budget {budget}"));
        Support.DeepEquality.AssertEqual(Normalize(expected.Attributes()), Normalize(actual.Attributes()));
    }

    [Fact]
    public async Task A_list_too_large_for_one_message_goes_as_replace_all_then_appends()
    {
        await using var node = new NodeFixture(budget: 200);
        node.Server.Items = Enumerable.Range(0, 100).Select(i => (uint)i).ToArray();
        var messages = new List<ProtocolMessage>();
        node.NodeSession.Sent += messages.Add;

        var items = await new InteractionTest.Client(node.Client, 1).ReadItemsAsync(node.Guard);

        Assert.Equal(node.Server.Items, items);
        var reports = messages.Select(m => InteractionMessageReader.Decode(m)).OfType<ReportData>().ToList();
        var first = reports[0].AttributeReports![0].Data!;
        Assert.Equal([0x16, 0x18], first.Data.ToArray());
        Assert.All(reports.SelectMany(r => r.AttributeReports!).Skip(1), r => Assert.Equal(new DataModel.Optional<ushort?>(null), r.Data!.Path.ListIndex));
        Assert.All(reports[..^1], r => Assert.True(r.MoreChunkedMessages));
        Assert.True(reports[^1].SuppressResponse);
    }

    [Fact]
    public async Task A_list_write_larger_than_a_message_is_chunked_and_applied_whole()
    {
        await using var node = new NodeFixture(maxPayloadSize: 200);
        var values = Enumerable.Range(0, 150).Select(i => (uint)i * 7).ToArray();
        var writes = 0;
        node.ClientSession.Sent += message => writes += message.Opcode == (byte)InteractionOpcode.WriteRequest ? 1 : 0;

        await new InteractionTest.Client(node.Client, 1).WriteItemsAsync(values, cancellationToken: node.Guard);

        Assert.Equal(values, node.Server.Items);
        Assert.True(writes > 1);
    }

    [Fact]
    public async Task Batched_responses_larger_than_a_message_are_chunked_over_invoke_responses()
    {
        await using var node = new NodeFixture(budget: 100);
        var responses = 0;
        node.NodeSession.Sent += message => responses += message.Opcode == (byte)InteractionOpcode.InvokeResponse ? 1 : 0;
        // Distinct paths, as a batch needs: Echo answers with data, the unknown commands with statuses.
        uint[] ids = [1, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15];
        var commands = ids
            .Select((id, i) => new CommandData(new CommandPath(1, InteractionTest.ClusterId, id), new byte[] { 0x15, 0x24, 0x00, 0x2A, 0x18 }, (ushort)i))
            .ToList();

        var (items, status) = await node.Client.InvokeAsync(new InvokeRequest(false, false, commands), node.Guard);

        Assert.Equal(MatterStatus.Success, status);
        Assert.True(responses > 1);
        Assert.Equal(Enumerable.Range(0, ids.Length).Select(i => (ushort?)i), items.Select(i => i.Command?.CommandRef ?? i.Status!.CommandRef));
        Assert.Equal(42u, InteractionTest.EchoResponse.Decode(items[0].Command!.Fields!.Value.Span).Value);
        Assert.All(items.Skip(1), i => Assert.Equal(MatterStatus.UnsupportedCommand, i.Status!.Status.Status));
    }

    // Data versions start at random values per server; the two nodes' servers differ only in those.
    private static List<AttributeReport> Normalize(List<AttributeReport> reports) =>
        reports.Select(r => r.Data is { } d ? AttributeReport.Of(d with { DataVersion = null }) : r).ToList();
}
