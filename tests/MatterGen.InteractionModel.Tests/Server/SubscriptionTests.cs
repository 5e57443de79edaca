using System;
using System.Linq;
using System.Threading.Tasks;
using MatterGen.Interaction;
using MatterGen.InteractionModel.Client;
using MatterGen.InteractionModel.Messages;
using MatterGen.InteractionModel.Subscriptions;
using MatterGen.InteractionModel.Tests.Clusters;
using MatterGen.InteractionModel.Tests.Support;
using Xunit;

namespace MatterGen.InteractionModel.Tests.Server;

/// <summary>Subscriptions on a fake clock: priming, the min and max intervals, keep-alives, change reports, urgent events, limits.</summary>
public sealed class SubscriptionTests
{
    private const uint Cluster = InteractionTest.ClusterId;

    [Theory]
    [InlineData(60, 0, 60)]
    [InlineData(60, 600, 600)]
    [InlineData(60, 7200, 3600)]
    [InlineData(5000, 0, 5000)]
    [InlineData(5000, 9000, 5000)]
    public void The_node_chooses_a_max_interval_between_the_ceiling_and_sixty_minutes(int ceiling, int preferred, int expected) =>
        Assert.Equal((ushort)expected, SubscriptionManager.ChooseMaxInterval((ushort)ceiling, (ushort)preferred));

    [Fact]
    public async Task Priming_then_changes_no_sooner_than_the_min_interval_then_keep_alives_at_the_max()
    {
        await using var node = new NodeFixture();
        var subscription = await Subscribe(node, min: 2, max: 10, attributes: [AttributePath.Concrete(1, Cluster, 0)]);

        Assert.Equal((ushort)10, subscription.MaxInterval);
        Assert.Equal(AttributePath.Concrete(1, Cluster, 0), Assert.Single(subscription.Priming.Attributes()).Data!.Path);

        node.Server.Counter = 5;
        node.Time.Advance(TimeSpan.FromSeconds(1));
        await Task.Delay(50);
        Assert.False(subscription.TryTakeReport(out _), "a change was reported before the min interval");

        var change = await AdvanceUntilReportAsync(node, subscription);
        Assert.Equal(new byte[] { 0x04, 0x05 }, Assert.Single(change.Attributes()).Data!.Data.ToArray());

        node.Time.Advance(TimeSpan.FromSeconds(9));
        await Task.Delay(50);
        Assert.False(subscription.TryTakeReport(out _), "a keep-alive came before the max interval");

        var keepAlive = await AdvanceUntilReportAsync(node, subscription);
        Assert.Empty(keepAlive.Attributes());
        Assert.Empty(keepAlive.Events);
    }

    // The engine arms its interval timers on its own task after each report is acknowledged; on a loaded machine
    // that can happen just after the test's clock step, which then counts from the later arming. So the clock is
    // stepped until the report comes (bounded); the "not sooner than" checks above stay exact.
    private static async Task<ReportAssembler> AdvanceUntilReportAsync(NodeFixture node, ClientSubscription subscription)
    {
        var next = subscription.NextReportAsync(node.Guard).AsTask();
        node.Time.Advance(TimeSpan.FromSeconds(1));
        for (var step = 0; step < 50 && await Task.WhenAny(next, Task.Delay(200)) != next; step++)
        {
            node.Time.Advance(TimeSpan.FromMilliseconds(100));
        }

        return await next;
    }

    [Fact]
    public async Task A_change_of_an_attribute_outside_the_paths_is_not_reported()
    {
        await using var node = new NodeFixture();
        var subscription = await Subscribe(node, min: 0, max: 30, attributes: [AttributePath.Concrete(1, Cluster, 0)]);

        node.Server.Secret = 3;
        node.Server.Counter = 9;
        node.Time.Advance(TimeSpan.FromSeconds(1));
        var report = await subscription.NextReportAsync(node.Guard);

        Assert.Equal(0u, Assert.Single(report.Attributes()).Data!.Path.Attribute);
    }

    [Fact]
    public async Task An_urgent_event_is_reported_at_the_min_interval_and_others_wait_for_the_max()
    {
        await using var node = new NodeFixture();
        var subscription = await Subscribe(node, min: 1, max: 20, events:
        [
            new EventPath(Endpoint: 1, Cluster: Cluster, Event: 1, IsUrgent: true),
            new EventPath(Endpoint: 1, Cluster: Cluster, Event: 0),
        ]);

        node.Server.EmitPinged(new InteractionTest.PingedEvent { Count = 1 });
        node.Time.Advance(TimeSpan.FromSeconds(5));
        await Task.Delay(50);
        Assert.False(subscription.TryTakeReport(out _), "a non-urgent event was reported before the max interval");

        node.Server.EmitAlarm(new InteractionTest.AlarmEvent { Code = 7 });
        node.Time.Advance(TimeSpan.FromSeconds(1));
        var urgent = await subscription.NextReportAsync(node.Guard);
        Assert.Equal([0u, 1u], urgent.Events.Select(e => e.Data!.Path.Event!.Value));
        Assert.Equal(DataModel.EventPriority.Critical, urgent.Events[1].Data!.Priority);

        node.Server.EmitPinged(new InteractionTest.PingedEvent { Count = 2 });
        node.Time.Advance(TimeSpan.FromSeconds(20));
        var routine = await subscription.NextReportAsync(node.Guard);
        Assert.Equal((ushort)2, InteractionTest.PingedEvent.Decode(Assert.Single(routine.Events).Data!.Data.Span).Count);
    }

    [Fact]
    public async Task A_fabric_keeps_three_subscriptions_and_a_fourth_is_resource_exhausted_unless_it_replaces_them()
    {
        await using var node = new NodeFixture();
        for (var i = 0; i < 3; i++)
        {
            await Subscribe(node, min: 0, max: 60, attributes: [AttributePath.Concrete(1, Cluster, 0)], keep: true);
        }

        var refused = await Assert.ThrowsAsync<MatterStatusException>(async () => await Subscribe(node, min: 0, max: 60, attributes: [AttributePath.Concrete(1, Cluster, 0)], keep: true));
        await Subscribe(node, min: 0, max: 60, attributes: [AttributePath.Concrete(1, Cluster, 0)], keep: false);

        Assert.Equal(MatterStatus.ResourceExhausted, refused.Status);
        Assert.Equal(1, node.Engine.Subscriptions.Count);
    }

    [Fact]
    public async Task Concurrent_subscribe_requests_of_one_fabric_never_exceed_its_limit()
    {
        await using var node = new NodeFixture();

        // Eight requests at once, each priming while the others are checked: exactly three may get in.
        var attempts = Enumerable.Range(0, 8)
            .Select(_ => Task.Run(async () =>
            {
                try
                {
                    await Subscribe(node, min: 0, max: 60, attributes: [AttributePath.Concrete(1, Cluster, 0)], keep: true);
                    return MatterStatus.Success;
                }
                catch (MatterStatusException exception)
                {
                    return exception.Status;
                }
            }))
            .ToArray();
        var outcomes = await Task.WhenAll(attempts);

        Assert.Equal(3, outcomes.Count(status => status == MatterStatus.Success));
        Assert.Equal(5, outcomes.Count(status => status == MatterStatus.ResourceExhausted));
        Assert.Equal(3, node.Engine.Subscriptions.Count);
    }

    [Fact]
    public async Task A_subscription_whose_reports_are_refused_ends()
    {
        await using var node = new NodeFixture();
        var subscription = await Subscribe(node, min: 0, max: 5, attributes: [AttributePath.Concrete(1, Cluster, 0)]);
        node.Client.ReportHandler.Cancel(subscription.Id);

        node.Time.Advance(TimeSpan.FromSeconds(5));
        for (var i = 0; i < 200 && node.Engine.Subscriptions.Count > 0; i++)
        {
            await Task.Delay(10);
        }

        Assert.Equal(0, node.Engine.Subscriptions.Count);
    }

    [Fact]
    public async Task A_floor_above_the_ceiling_is_an_invalid_action()
    {
        await using var node = new NodeFixture();

        var refused = await Assert.ThrowsAsync<MatterStatusException>(async () => await Subscribe(node, min: 10, max: 5, attributes: [new AttributePath()]));

        Assert.Equal(MatterStatus.InvalidAction, refused.Status);
    }

    private static async Task<ClientSubscription> Subscribe(NodeFixture node, ushort min, ushort max, AttributePath[]? attributes = null, EventPath[]? events = null, bool keep = true) =>
        await node.Client.SubscribeAsync(new SubscribeRequest(keep, min, max, attributes, events, null, true, null), node.Guard);
}
