using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using MatterGen.Interaction;
using Xunit;

namespace MatterGen.Runtime.Tests.Interaction;

/// <summary>All-or-nothing changes: a failing transaction leaves values, data version, store, events and reports as they were.</summary>
public sealed class TransactionTests
{
    private readonly InMemoryAttributeStore store = new();
    private readonly List<uint> reports = new();
    private readonly CounterServer server;

    public TransactionTests()
    {
        server = new CounterServer(new ClusterServerOptions { Store = store });
        server.AttributeReported += change => reports.Add(change.AttributeId);
    }

    [Fact]
    public void A_block_that_throws_leaves_everything_as_it_was()
    {
        server.Total = 5;
        reports.Clear();
        var version = server.DataVersion;

        Assert.Throws<InvalidOperationException>(() => server.Atomically(() =>
        {
            server.Total = 7;
            server.Label = "changed";
            server.Emit(0x00);
            throw new InvalidOperationException("half-way");
        }));

        Assert.Equal(5u, server.Total);
        Assert.Equal(string.Empty, server.Label);
        Assert.Equal(version, server.DataVersion);
        Assert.Empty(server.EventLog.ReadFrom(0));
        Assert.Empty(reports);
        Assert.True(store.TryLoad(server.Endpoint, CounterServer.Cluster, CounterServer.TotalId, out var saved));
        Assert.Equal(new byte[] { 0x04, 0x05 }, saved.ToArray());
    }

    [Fact]
    public void A_block_that_completes_saves_records_and_reports_when_it_commits()
    {
        server.Atomically(() =>
        {
            server.Total = 9;
            server.Emit(0x00);
            Assert.Empty(reports);
            Assert.Empty(server.EventLog.ReadFrom(0));
        });

        Assert.Equal([CounterServer.TotalId], reports);
        Assert.Single(server.EventLog.ReadFrom(0));
        Assert.True(store.TryLoad(server.Endpoint, CounterServer.Cluster, CounterServer.TotalId, out _));
    }

    [Fact]
    public void A_failing_save_at_commit_rolls_the_change_back()
    {
        var failing = new CounterServer(new ClusterServerOptions { Store = new FailingStore() });
        var version = failing.DataVersion;

        Assert.Throws<InvalidOperationException>(() => failing.Atomically(() => failing.Total = 3));

        Assert.Equal(0u, failing.Total);
        Assert.Equal(version, failing.DataVersion);
    }

    [Fact]
    public void A_write_whose_listener_throws_answers_failure_and_changes_nothing()
    {
        server.Total = 5;
        var version = server.DataVersion;
        server.AttributeChanged += _ => throw new InvalidOperationException("listener bug");

        var status = server.WriteAttribute(CounterServer.TotalId, [0x04, 0x08], RequestContext.Local);

        Assert.Equal(MatterStatus.Failure, status);
        Assert.Equal(5u, server.Total);
        Assert.Equal(version, server.DataVersion);
    }

    [Fact]
    public async Task A_driver_that_awaits_then_fails_answers_failure_without_holding_the_lock()
    {
        var result = await server.InvokeAsync(CounterServer.AwaitThenFailCommand, new byte[] { 0x15, 0x18 }, RequestContext.Local);

        Assert.Equal(MatterStatus.Failure, result.Status);

        // What it did before its first await was committed (documented); the server is free for the next request.
        Assert.Equal(1u, server.Total);
        await Task.Run(() => server.Total = 2);
        Assert.Equal(2u, server.Total);
    }

    private sealed class FailingStore : IAttributeStore
    {
        public bool TryLoad(ushort endpoint, uint clusterId, uint attributeId, out ReadOnlyMemory<byte> value)
        {
            value = default;
            return false;
        }

        public void Save(ushort endpoint, uint clusterId, uint attributeId, ReadOnlySpan<byte> value) => throw new InvalidOperationException("disk full");
    }
}
