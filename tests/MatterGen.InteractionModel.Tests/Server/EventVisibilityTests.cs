using System;
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

/// <summary>
/// Which events a reader is told of: a fabric-sensitive event (Whispered) only reaches the fabric it names, in reads
/// and subscriptions, fabric-filtered or not, and never a reader without a fabric; an event belongs to the endpoint
/// of the server that recorded it, even where several servers of one cluster share the node's event log.
/// </summary>
public sealed class EventVisibilityTests
{
    private const uint Cluster = InteractionTest.ClusterId;
    private const uint Pinged = 0;
    private const uint Alarm = 1;
    private const uint Whispered = 2;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_fabric_sensitive_event_is_read_only_by_the_fabric_it_names(bool fabricFiltered)
    {
        await using var node = new NodeFixture();
        Whisper(node, word: 1, fabric: 1);
        Whisper(node, word: 2, fabric: 2);
        node.Server.EmitPinged(new InteractionTest.PingedEvent { Count = 1 });

        var events = await ReadAllEventsAsync(node, fabricFiltered);

        Assert.Equal([(Whispered, (byte)1), (Pinged, (byte)0)], events.Select(Describe));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_other_fabric_reads_its_own_fabric_sensitive_event_and_not_the_first_ones(bool fabricFiltered)
    {
        await using var node = new NodeFixture(subject: new SubjectDescriptor(SessionAuthMode.Case, 0x2222, FabricIndex: 2));
        Whisper(node, word: 1, fabric: 1);
        Whisper(node, word: 2, fabric: 2);

        var events = await ReadAllEventsAsync(node, fabricFiltered);

        Assert.Equal([(Whispered, (byte)2)], events.Select(Describe));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_reader_without_a_fabric_is_told_of_no_fabric_sensitive_event(bool fabricFiltered)
    {
        await using var node = PaseNode();
        Whisper(node, word: 1, fabric: 1);
        node.Server.EmitPinged(new InteractionTest.PingedEvent { Count = 1 });

        var events = await ReadAllEventsAsync(node, fabricFiltered);

        Assert.Equal([(Pinged, (byte)0)], events.Select(Describe));
    }

    [Fact]
    public async Task A_fabric_sensitive_event_that_names_no_fabric_reaches_no_reader()
    {
        await using var node = PaseNode();
        Whisper(node, word: 1, fabric: 0);

        Assert.Empty(await ReadAllEventsAsync(node, fabricFiltered: false));
    }

    [Fact]
    public async Task A_concrete_path_to_another_fabrics_event_reports_nothing_rather_than_a_status()
    {
        await using var node = new NodeFixture();
        Whisper(node, word: 2, fabric: 2);

        var (report, status) = await node.Client.ReadAsync(
            new ReadRequest(null, [new EventPath(Endpoint: 1, Cluster: Cluster, Event: Whispered)], null, false, null), node.Guard);

        Assert.Equal(MatterStatus.Success, status);
        Assert.Empty(report.Events);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_subscription_is_neither_primed_nor_woken_by_another_fabrics_event(bool fabricFiltered)
    {
        await using var node = new NodeFixture();
        Whisper(node, word: 2, fabric: 2);
        var subscription = await node.Client.SubscribeAsync(
            new SubscribeRequest(true, 1, 30, null, [new EventPath(Endpoint: 1, Cluster: Cluster, Event: Whispered, IsUrgent: true)], null, fabricFiltered, null),
            node.Guard);
        Assert.DoesNotContain(subscription.Priming.Events, e => e.Data is not null);

        Whisper(node, word: 3, fabric: 2);
        node.Time.Advance(TimeSpan.FromSeconds(2));
        await Task.Delay(100);
        Assert.False(subscription.TryTakeReport(out _), "another fabric's urgent event woke the subscription");

        Whisper(node, word: 4, fabric: 1);
        node.Time.Advance(TimeSpan.FromSeconds(1));
        var report = await subscription.NextReportAsync(node.Guard);

        var only = Assert.Single(report.Events).Data!;
        Assert.Equal((byte)4, InteractionTest.WhisperedEvent.Decode(only.Data.Span).Word);
    }

    [Fact]
    public async Task Each_server_of_one_cluster_reports_only_the_events_of_its_own_endpoint()
    {
        await using var node = new NodeFixture(twinEndpoint: 3);
        node.Server.EmitPinged(new InteractionTest.PingedEvent { Count = 1 });
        node.Twin!.EmitPinged(new InteractionTest.PingedEvent { Count = 3 });

        var onOne = await new InteractionTest.Client(node.Client, 1).ReadEventsAsync(0, node.Guard);
        var onThree = await new InteractionTest.Client(node.Client, 3).ReadEventsAsync(0, node.Guard);
        var (wildcard, _) = await node.Client.ReadAsync(new ReadRequest(null, [new EventPath(Cluster: Cluster)], null, true, null), node.Guard);

        Assert.Equal([(ushort)1], onOne.Select(e => InteractionTest.PingedEvent.Decode(e.Payload.Span).Count));
        Assert.Equal([(ushort)3], onThree.Select(e => InteractionTest.PingedEvent.Decode(e.Payload.Span).Count));
        Assert.Equal(
            [((ushort)1, (ushort)1), ((ushort)3, (ushort)3)],
            wildcard.Events.Select(e => (e.Data!.Path.Endpoint!.Value, InteractionTest.PingedEvent.Decode(e.Data.Data.Span).Count)));
        Assert.Equal(wildcard.Events.Select(e => e.Data!.EventNumber).Distinct().Count(), wildcard.Events.Count);
    }

    [Fact]
    public async Task An_urgent_event_on_another_endpoint_does_not_wake_a_subscription_to_one_endpoint()
    {
        await using var node = new NodeFixture(twinEndpoint: 3);
        var subscription = await node.Client.SubscribeAsync(
            new SubscribeRequest(true, 1, 30, null, [new EventPath(Endpoint: 3, Cluster: Cluster, Event: Alarm, IsUrgent: true)], null, true, null),
            node.Guard);

        node.Server.EmitAlarm(new InteractionTest.AlarmEvent { Code = 1 });
        node.Time.Advance(TimeSpan.FromSeconds(2));
        await Task.Delay(100);
        Assert.False(subscription.TryTakeReport(out _), "endpoint 1's alarm woke a subscription to endpoint 3");

        node.Twin!.EmitAlarm(new InteractionTest.AlarmEvent { Code = 3 });
        node.Time.Advance(TimeSpan.FromSeconds(1));
        var report = await subscription.NextReportAsync(node.Guard);

        var only = Assert.Single(report.Events).Data!;
        Assert.Equal((ushort)3, only.Path.Endpoint);
        Assert.Equal((byte)3, InteractionTest.AlarmEvent.Decode(only.Data.Span).Code);
    }

    [Fact]
    public async Task An_urgent_event_the_subscriber_may_not_read_sends_no_report_before_the_keep_alive()
    {
        await using var node = new NodeFixture(twinEndpoint: 3);
        node.Node.AccessControl = new TableAccessControl([new TableAccessControl.Grant(DataModel.Privilege.View, Endpoint: 1)]);
        var subscription = await node.Client.SubscribeAsync(
            new SubscribeRequest(true, 1, 30, null, [new EventPath(Cluster: Cluster, Event: Alarm, IsUrgent: true)], null, true, null),
            node.Guard);

        node.Twin!.EmitAlarm(new InteractionTest.AlarmEvent { Code = 3 });
        node.Time.Advance(TimeSpan.FromSeconds(2));
        await Task.Delay(100);
        Assert.False(subscription.TryTakeReport(out _), "an alarm on an endpoint the subscriber may not read woke an (empty) report");

        node.Server.EmitAlarm(new InteractionTest.AlarmEvent { Code = 1 });
        node.Time.Advance(TimeSpan.FromSeconds(1));
        var report = await subscription.NextReportAsync(node.Guard);

        var only = Assert.Single(report.Events).Data!;
        Assert.Equal((ushort)1, only.Path.Endpoint);
        Assert.Equal((byte)1, InteractionTest.AlarmEvent.Decode(only.Data.Span).Code);
    }

    // A commissioner over PASE, before AddNOC: no fabric yet, and (as on a node with its fail-safe armed) Administer.
    private static NodeFixture PaseNode()
    {
        var node = new NodeFixture(subject: new SubjectDescriptor(SessionAuthMode.Pase, 0, FabricIndex: 0, IsCommissioning: true));
        node.Node.AccessControl = new TableAccessControl([new TableAccessControl.Grant(DataModel.Privilege.Administer, SessionAuthMode.Pase)]);
        return node;
    }

    private static void Whisper(NodeFixture node, byte word, byte fabric) =>
        node.Server.EmitWhispered(new InteractionTest.WhisperedEvent { Word = word, FabricIndex = fabric });

    private static async Task<IReadOnlyList<EventData>> ReadAllEventsAsync(NodeFixture node, bool fabricFiltered)
    {
        var (report, status) = await node.Client.ReadAsync(new ReadRequest(null, [new EventPath(Endpoint: 1, Cluster: Cluster)], null, fabricFiltered, null), node.Guard);
        Assert.Equal(MatterStatus.Success, status);
        Assert.All(report.Events, e => Assert.Null(e.Status));
        return report.Events.Select(e => e.Data!).ToList();
    }

    // The event id and, for Whispered, the fabric it names.
    private static (uint Event, byte Fabric) Describe(EventData data) => data.Path.Event!.Value == Whispered
        ? (Whispered, InteractionTest.WhisperedEvent.Decode(data.Data.Span).FabricIndex)
        : (data.Path.Event.Value, (byte)0);
}
