using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MatterGen.InteractionModel.Client;
using MatterGen.InteractionModel.Messages;
using MatterGen.Node.Composition;
using Xunit;

namespace MatterGen.Node.Tests.Wire;

/// <summary>A wildcard subscription takes in an endpoint added to the running node, and lets one that left go.</summary>
public sealed class ChargerSubscriptionCompositionTests
{
    private const ushort Added = 9;

    [Fact]
    public async Task A_wildcard_subscription_reports_the_attributes_of_an_endpoint_added_after_it_started()
    {
        await using var wire = ChargerOnTheWire.WithAdministrator(maxPayloadSize: 64 * 1024);
        var everyDescriptor = new AttributePath(Cluster: ClusterIds.Descriptor);
        var subscription = await wire.Client.SubscribeAsync(new SubscribeRequest(true, 0, 60, [everyDescriptor], null, null, true, null), wire.Guard);
        Assert.DoesNotContain(subscription.Priming.Attributes(), r => r.Data!.Path.Endpoint == Added);

        wire.Node.AddEndpoint(new EndpointDefinition(Added).WithDeviceType(DeviceTypes.DeviceEnergyManagement)
            .WithServer(new StandInServer(ClusterIds.DeviceEnergyManagement, Added)));
        var report = await NextReportAsync(wire, subscription);

        // The new endpoint's Descriptor in full (the root's PartsList change comes in the same report).
        var paths = report.Attributes().Select(r => r.Data!.Path).ToList();
        var expected = wire.Node.FindServer(Added, ClusterIds.Descriptor)!.Description.AttributeList;
        Assert.Equal(expected.Order(), paths.Where(p => p.Endpoint == Added).Select(p => p.Attribute!.Value).Order());
        Assert.Contains(paths, p => p.Endpoint == 0 && p.Attribute == 0x0003);
    }

    [Fact]
    public async Task The_new_endpoint_comes_with_the_root_parts_list_even_when_the_node_is_slow_to_announce_it()
    {
        await using var wire = ChargerOnTheWire.WithAdministrator(maxPayloadSize: 64 * 1024);
        var subscription = await wire.Client.SubscribeAsync(new SubscribeRequest(true, 0, 60, [new AttributePath(Cluster: ClusterIds.Descriptor)], null, null, true, null), wire.Guard);

        // Stands in for the node's thread being descheduled under load between the root's PartsList change (which
        // wakes the report loop, min interval 0) and the rest of the composition change.
        wire.Node.FindServer(0, ClusterIds.Descriptor)!.AttributeReported += change =>
        {
            if (change.AttributeId == 0x0003)
            {
                Thread.Sleep(300);
            }
        };
        wire.Node.AddEndpoint(new EndpointDefinition(Added).WithDeviceType(DeviceTypes.DeviceEnergyManagement)
            .WithServer(new StandInServer(ClusterIds.DeviceEnergyManagement, Added)));
        var report = await NextReportAsync(wire, subscription);

        var paths = report.Attributes().Select(r => r.Data!.Path).ToList();
        Assert.Contains(paths, p => p.Endpoint == 0 && p.Attribute == 0x0003);
        Assert.Contains(paths, p => p.Endpoint == Added && p.Attribute == 0x0003);
    }

    [Fact]
    public async Task A_subscription_stops_listening_to_an_endpoint_that_was_removed()
    {
        await using var wire = ChargerOnTheWire.WithAdministrator(maxPayloadSize: 64 * 1024);
        wire.Node.AddEndpoint(new EndpointDefinition(Added).WithDeviceType(DeviceTypes.DeviceEnergyManagement)
            .WithServer(new StandInServer(ClusterIds.DeviceEnergyManagement, Added)));
        var descriptor = wire.Node.FindServer(Added, ClusterIds.Descriptor)!;
        var subscription = await wire.Client.SubscribeAsync(new SubscribeRequest(true, 0, 60, [new AttributePath(Cluster: ClusterIds.Descriptor)], null, null, true, null), wire.Guard);

        wire.Node.RemoveEndpoint(Added);
        await NextReportAsync(wire, subscription);
        descriptor.ReportNow(0x0000);
        wire.Time.Advance(TimeSpan.FromSeconds(1));
        await Task.Delay(100);

        Assert.False(subscription.TryTakeReport(out _), "a report came for an endpoint that is gone");
    }

    // The engine arms its timers on its own task: step the fake clock until the report comes (bounded).
    private static async Task<ReportAssembler> NextReportAsync(ChargerOnTheWire wire, ClientSubscription subscription)
    {
        var next = subscription.NextReportAsync(wire.Guard).AsTask();
        for (var step = 0; step < 50 && await Task.WhenAny(next, Task.Delay(100)) != next; step++)
        {
            wire.Time.Advance(TimeSpan.FromMilliseconds(500));
        }

        return await next;
    }
}
