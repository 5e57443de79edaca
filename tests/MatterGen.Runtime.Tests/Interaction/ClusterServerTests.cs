using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MatterGen.DataModel;
using MatterGen.Interaction;
using MatterGen.Tlv;
using Xunit;

namespace MatterGen.Runtime.Tests.Interaction;

/// <summary>The interaction machinery on a hand-written server: quality flags, persistence, the event log, routing.</summary>
public sealed class ClusterServerTests
{
    private static byte[] Unsigned(ulong value)
    {
        var buffer = new byte[16];
        var writer = new TlvWriter(buffer);
        writer.WriteUnsignedInteger(TlvTag.Anonymous, value);
        return buffer[..writer.BytesWritten];
    }

    [Fact]
    public void A_changes_omitted_attribute_bumps_the_data_version_but_is_never_reported()
    {
        var server = new CounterServer();
        var reports = new List<AttributeChange>();
        server.AttributeReported += reports.Add;
        var start = server.DataVersion;

        server.Ticks = 1;
        server.Ticks = 2;
        server.Label = "lobby";

        Assert.Equal(start + 3, server.DataVersion);
        var report = Assert.Single(reports);
        Assert.Equal(CounterServer.LabelId, report.AttributeId);
        Assert.Equal(start + 3, report.DataVersion);
    }

    [Fact]
    public void A_non_volatile_attribute_is_saved_on_change_and_a_value_that_no_longer_fits_is_skipped()
    {
        var store = new InMemoryAttributeStore();
        var first = new CounterServer(new ClusterServerOptions { Store = store });
        first.Total = 700;
        first.Label = "not kept";
        Assert.False(store.TryLoad(1, CounterServer.Cluster, CounterServer.LabelId, out _));

        var second = new CounterServer(new ClusterServerOptions { Store = store });
        second.Restore();
        Assert.Equal(700u, second.Total);
        Assert.Equal(string.Empty, second.Label);

        store.Save(1, CounterServer.Cluster, CounterServer.TotalId, Unsigned(5000)); // beyond this build's maximum
        var third = new CounterServer(new ClusterServerOptions { Store = store });
        third.Restore();
        Assert.Equal(0u, third.Total);
        store.Save(1, CounterServer.Cluster, CounterServer.TotalId, [0x04]); // truncated
        var fourth = new CounterServer(new ClusterServerOptions { Store = store });
        fourth.Restore();
        Assert.Equal(0u, fourth.Total);
    }

    [Fact]
    public void Writes_map_each_fault_to_its_status_and_keep_the_old_value()
    {
        var server = new CounterServer();
        var operate = new RequestContext(Privilege.Operate);

        Assert.Equal(MatterStatus.Success, server.WriteAttribute(CounterServer.TotalId, Unsigned(10), operate));
        Assert.Equal(MatterStatus.ConstraintError, server.WriteAttribute(CounterServer.TotalId, Unsigned(1001), operate));
        Assert.Equal(MatterStatus.InvalidDataType, server.WriteAttribute(CounterServer.TotalId, [], operate));
        Assert.Equal(MatterStatus.InvalidDataType, server.WriteAttribute(CounterServer.TotalId, [0x0C, 0x01, 0x41], operate));
        Assert.Equal(MatterStatus.InvalidDataType, server.WriteAttribute(CounterServer.TotalId, [0x04, 0x01, 0x04, 0x02], operate)); // trailing bytes
        Assert.Equal(MatterStatus.UnsupportedWrite, server.WriteAttribute(CounterServer.TicksId, Unsigned(1), operate));
        Assert.Equal(MatterStatus.UnsupportedAttribute, server.WriteAttribute(0x0009, Unsigned(1), operate));
        Assert.Equal(MatterStatus.UnsupportedAccess, server.WriteAttribute(CounterServer.TotalId, Unsigned(1), new RequestContext(Privilege.View)));
        Assert.Equal(10u, server.Total);
    }

    [Fact]
    public void The_event_log_keeps_critical_events_when_debug_ones_overflow_and_numbers_never_repeat()
    {
        var log = new EventLog(debugCapacity: 2, infoCapacity: 2, criticalCapacity: 2);
        var server = new CounterServer(new ClusterServerOptions { EventLog = log });

        var critical = server.Emit(0x00);
        for (var i = 0; i < 10; i++)
        {
            server.Emit(0x01);
        }

        var kept = server.ReadEvents(0, new RequestContext(Privilege.View));
        Assert.Equal([critical.EventNumber, critical.EventNumber + 9, critical.EventNumber + 10], kept.Select(e => e.EventNumber));
        Assert.Equal(EventPriority.Critical, kept[0].Priority);
        Assert.Equal(EventPriority.Debug, kept[1].Priority);
        Assert.Throws<ArgumentOutOfRangeException>(() => new EventLog(debugCapacity: 0));
    }

    [Fact]
    public async Task The_transport_routes_by_endpoint_and_cluster_and_copies_every_byte()
    {
        var server = new CounterServer(new ClusterServerOptions { Endpoint = 3 });
        server.Total = 9;
        var transport = new InProcessTransport().Add(server);

        var read = await transport.ReadAttributeAsync(3, CounterServer.Cluster, CounterServer.TotalId);
        Assert.Equal(MatterStatus.Success, read.Status);
        Assert.Equal(Unsigned(9), read.Value.ToArray());
        Assert.Equal(MatterStatus.UnsupportedCluster, (await transport.ReadAttributeAsync(3, 0x0006, 0)).Status);
        Assert.Equal(MatterStatus.UnsupportedEndpoint, (await transport.ReadAttributeAsync(4, CounterServer.Cluster, 0)).Status);
        Assert.Equal(MatterStatus.UnsupportedCommand, (await transport.InvokeAsync(3, CounterServer.Cluster, 0x7F, new byte[] { 0x15, 0x18 }, timed: false)).Status);
        await Assert.ThrowsAsync<MatterStatusException>(() => transport.ReadEventsAsync(9, CounterServer.Cluster, 0).AsTask());
    }
}
