using System;
using System.Linq;
using System.Threading.Tasks;
using MatterGen.Interaction;
using MatterGen.InteractionModel.Messages;
using MatterGen.InteractionModel.Tests.Clusters;
using MatterGen.InteractionModel.Tests.Support;
using Xunit;

namespace MatterGen.InteractionModel.Tests.Server;

/// <summary>Reads over IM messages: concrete and wildcard paths, statuses, data-version filters, fabric filtering, events.</summary>
public sealed class ReadTests
{
    private const uint Cluster = InteractionTest.ClusterId;

    [Fact]
    public async Task The_generated_client_reads_and_writes_through_IM_messages()
    {
        await using var node = new NodeFixture();
        var client = new InteractionTest.Client(node.Client, 1);

        await client.WriteCounterAsync(42, cancellationToken: node.Guard);

        Assert.Equal((ushort)42, await client.ReadCounterAsync(node.Guard));
        Assert.Equal((ushort)42, node.Server.Counter);
    }

    [Fact]
    public async Task A_wildcard_read_of_the_whole_node_reports_every_attribute_of_every_cluster()
    {
        await using var node = new NodeFixture();

        var (report, status) = await node.Client.ReadAsync(new ReadRequest([new AttributePath()], null, null, true, null), node.Guard);

        Assert.Equal(MatterStatus.Success, status);
        var reported = report.Attributes().Select(r => (r.Data!.Path.Endpoint!.Value, r.Data.Path.Cluster!.Value, r.Data.Path.Attribute!.Value)).ToHashSet();
        var expected = node.Node.Endpoints.SelectMany(e => node.Node.ServersOn(e).SelectMany(s => s.Description.AttributeList.Select(a => (e, s.Description.ClusterId, a)))).ToHashSet();
        Assert.Equal(expected, reported);
        Assert.All(report.Attributes(), r => Assert.Null(r.Status));
    }

    [Theory]
    [InlineData((ushort)9, Cluster, 0u, MatterStatus.UnsupportedEndpoint)]
    [InlineData((ushort)1, 0x0006u, 0u, MatterStatus.UnsupportedCluster)]
    [InlineData((ushort)1, Cluster, 0x77u, MatterStatus.UnsupportedAttribute)]
    public async Task A_concrete_path_to_nothing_gets_its_status(ushort endpoint, uint cluster, uint attribute, MatterStatus expected)
    {
        await using var node = new NodeFixture();

        var result = await node.Client.ReadAttributeAsync(endpoint, cluster, attribute, node.Guard);

        Assert.Equal(expected, result.Status);
    }

    [Fact]
    public async Task Wildcards_skip_what_is_absent_and_honour_the_wildcard_flags()
    {
        await using var node = new NodeFixture();
        var paths = new AttributePath[]
        {
            new(Cluster: 0x0006), // no endpoint has On/Off
            new(Endpoint: 9),
            new(Endpoint: 1, Cluster: Cluster, WildcardPathFlags: (uint)(WildcardPathFlags.SkipGlobalAttributes | WildcardPathFlags.SkipFixedAttributes)),
        };

        var (report, _) = await node.Client.ReadAsync(new ReadRequest(paths, null, null, true, null), node.Guard);

        var attributes = report.Attributes().Select(r => r.Data!.Path.Attribute!.Value).ToList();
        Assert.Equal([0u, 1u, 2u, 3u, 4u], attributes); // Model (fixed) and the globals skipped
    }

    [Fact]
    public async Task A_non_global_attribute_on_a_wildcard_cluster_or_a_list_index_is_an_invalid_action()
    {
        await using var node = new NodeFixture();

        var (_, status) = await node.Client.ReadAsync(new ReadRequest([new AttributePath(Endpoint: 1, Attribute: 0)], null, null, true, null), node.Guard);
        var (_, indexed) = await node.Client.ReadAsync(new ReadRequest([AttributePath.Append(1, Cluster, 1)], null, null, true, null), node.Guard);

        Assert.Equal(MatterStatus.InvalidAction, status);
        Assert.Equal(MatterStatus.InvalidAction, indexed);
    }

    [Fact]
    public async Task A_data_version_filter_suppresses_an_unchanged_cluster()
    {
        await using var node = new NodeFixture();
        var version = node.Server.DataVersion;
        var paths = new[] { new AttributePath(Endpoint: 1, Cluster: Cluster), new AttributePath(Endpoint: 2) };
        var filter = new DataVersionFilter(new ClusterPath(null, 1, Cluster), version);

        var (unchanged, _) = await node.Client.ReadAsync(new ReadRequest(paths, null, null, true, [filter]), node.Guard);
        node.Server.Counter = 5;
        var (changed, _) = await node.Client.ReadAsync(new ReadRequest(paths, null, null, true, [filter]), node.Guard);

        Assert.DoesNotContain(unchanged.Attributes(), r => r.Data!.Path.Cluster == Cluster);
        Assert.Contains(unchanged.Attributes(), r => r.Data!.Path.Endpoint == 2);
        Assert.Contains(changed.Attributes(), r => r.Data!.Path.Cluster == Cluster && r.Data.DataVersion == node.Server.DataVersion);
    }

    [Fact]
    public async Task A_fabric_filtered_read_shows_only_the_accessing_fabrics_entries()
    {
        await using var node = new NodeFixture();
        node.Server.Notes = [new InteractionTest.NoteStruct { Note = "mine", FabricIndex = 1 }, new InteractionTest.NoteStruct { Note = "theirs", FabricIndex = 2 }];
        var path = AttributePath.Concrete(1, Cluster, 3);

        var (filtered, _) = await node.Client.ReadAsync(new ReadRequest([path], null, null, IsFabricFiltered: true, null), node.Guard);
        var (all, _) = await node.Client.ReadAsync(new ReadRequest([path], null, null, IsFabricFiltered: false, null), node.Guard);

        Assert.Equal(["mine"], DecodeNotes(filtered.Attributes()[0].Data!.Data).Select(n => n.Note));
        Assert.Equal(["mine", "theirs"], DecodeNotes(all.Attributes()[0].Data!.Data).Select(n => n.Note));
    }

    [Fact]
    public async Task Events_are_read_from_an_event_number_with_their_priority_and_epoch_timestamp()
    {
        await using var node = new NodeFixture();
        var client = new InteractionTest.Client(node.Client, 1);
        await client.PingAsync(new InteractionTest.PingRequest(), cancellationToken: node.Guard);
        await client.PingAsync(new InteractionTest.PingRequest(), cancellationToken: node.Guard);

        var all = await client.ReadEventsAsync(0, node.Guard);
        var later = await client.ReadEventsAsync(all[1].EventNumber, node.Guard);

        Assert.Equal(2, all.Count);
        Assert.All(all, e => Assert.Equal(node.Time.GetUtcNow(), e.Timestamp));
        Assert.Equal(DataModel.EventPriority.Info, all[0].Priority);
        var only = Assert.Single(later);
        Assert.Equal((ushort)2, InteractionTest.PingedEvent.Decode(only.Payload.Span).Count);
    }

    [Fact]
    public async Task A_concrete_event_path_to_an_absent_event_gets_unsupported_event()
    {
        await using var node = new NodeFixture();

        var (report, _) = await node.Client.ReadAsync(new ReadRequest(null, [new EventPath(Endpoint: 1, Cluster: Cluster, Event: 9)], null, true, null), node.Guard);

        Assert.Equal(MatterStatus.UnsupportedEvent, Assert.Single(report.Events).Status!.Status.Status);
    }

    private static InteractionTest.NoteStruct[] DecodeNotes(ReadOnlyMemory<byte> list) =>
        ListValue.Items(list).Select(item => InteractionTest.NoteStruct.Decode(item.Span)).ToArray();
}
