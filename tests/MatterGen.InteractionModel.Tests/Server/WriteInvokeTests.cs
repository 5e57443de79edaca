using System;
using System.Linq;
using System.Threading.Tasks;
using MatterGen.Interaction;
using MatterGen.InteractionModel.Messages;
using MatterGen.InteractionModel.Tests.Clusters;
using MatterGen.InteractionModel.Tests.Support;
using Xunit;

namespace MatterGen.InteractionModel.Tests.Server;

/// <summary>Writes and invokes over IM messages: statuses per path, data versions, list appends, batches, timed interactions.</summary>
public sealed class WriteInvokeTests
{
    private const uint Cluster = InteractionTest.ClusterId;
    private static readonly byte[] Uint8Seven = [0x04, 0x07];

    [Fact]
    public async Task A_write_gets_one_status_per_path()
    {
        await using var node = new NodeFixture();
        var write = new WriteRequest(null, false,
        [
            new AttributeData(null, AttributePath.Concrete(1, Cluster, 0), Uint8Seven),
            new AttributeData(null, AttributePath.Concrete(1, Cluster, 5), Uint8Seven),
            new AttributeData(null, AttributePath.Concrete(1, Cluster, 4), Uint8Seven),
            new AttributeData(null, AttributePath.Concrete(1, Cluster, 0x99), Uint8Seven),
            new AttributeData(null, AttributePath.Concrete(1, Cluster, 0xFFFD), Uint8Seven),
            new AttributeData(null, AttributePath.Concrete(7, Cluster, 0), Uint8Seven),
            new AttributeData(null, AttributePath.Concrete(1, Cluster, 0), new byte[] { 0x0C, 0x01, 0x41 }),
        ], null);

        var exchange = await node.StartAsync(write);
        var response = Assert.IsType<WriteResponse>(await node.ReceiveAsync(exchange));

        Assert.Equal(
            [MatterStatus.Success, MatterStatus.UnsupportedWrite, MatterStatus.NeedsTimedInteraction, MatterStatus.UnsupportedAttribute,
             MatterStatus.UnsupportedWrite, MatterStatus.UnsupportedEndpoint, MatterStatus.InvalidDataType],
            response.WriteResponses.Select(r => r.Status.Status));
        Assert.Equal((ushort)7, node.Server.Counter);
    }

    [Fact]
    public async Task A_write_with_a_stale_data_version_is_refused()
    {
        await using var node = new NodeFixture();
        var stale = node.Server.DataVersion;
        node.Server.Counter = 1;

        var exchange = await node.StartAsync(new WriteRequest(null, false, [new AttributeData(stale, AttributePath.Concrete(1, Cluster, 0), Uint8Seven)], null));
        var response = Assert.IsType<WriteResponse>(await node.ReceiveAsync(exchange));
        var current = await node.StartAsync(new WriteRequest(null, false, [new AttributeData(node.Server.DataVersion, AttributePath.Concrete(1, Cluster, 0), Uint8Seven)], null));
        var accepted = Assert.IsType<WriteResponse>(await node.ReceiveAsync(current));

        Assert.Equal(MatterStatus.DataVersionMismatch, response.WriteResponses[0].Status.Status);
        Assert.Equal(MatterStatus.Success, accepted.WriteResponses[0].Status.Status);
        Assert.Equal((ushort)7, node.Server.Counter);
    }

    [Fact]
    public async Task A_list_item_is_appended_with_list_index_null()
    {
        await using var node = new NodeFixture();
        node.Server.Items = [1, 2];

        var exchange = await node.StartAsync(new WriteRequest(null, false, [new AttributeData(null, AttributePath.Append(1, Cluster, 1), new byte[] { 0x04, 0x03 })], null));
        await node.ReceiveAsync(exchange);

        Assert.Equal([1u, 2u, 3u], node.Server.Items);
    }

    [Fact]
    public async Task A_timed_write_goes_through_and_an_untimed_one_needs_a_timed_interaction()
    {
        await using var node = new NodeFixture();
        var client = new InteractionTest.Client(node.Client, 1);

        var untimed = await Assert.ThrowsAsync<MatterStatusException>(async () => await client.WriteSecretAsync(9, timed: false, node.Guard));
        await client.WriteSecretAsync(9, timed: true, node.Guard);

        Assert.Equal(MatterStatus.NeedsTimedInteraction, untimed.Status);
        Assert.Equal((byte)9, node.Server.Secret);
    }

    [Fact]
    public async Task The_generated_client_invokes_with_a_response_and_a_timed_command()
    {
        await using var node = new NodeFixture();
        var client = new InteractionTest.Client(node.Client, 1);

        var echo = await client.EchoAsync(new InteractionTest.EchoRequest { Value = 123456 }, cancellationToken: node.Guard);
        await client.UnlockAsync(new InteractionTest.UnlockRequest(), cancellationToken: node.Guard);
        var untimed = await Assert.ThrowsAsync<MatterStatusException>(async () => await client.UnlockAsync(new InteractionTest.UnlockRequest(), timed: false, node.Guard));

        Assert.Equal(123456u, echo.Value);
        Assert.Equal(1, node.Driver.Unlocks);
        Assert.Equal(MatterStatus.NeedsTimedInteraction, untimed.Status);
    }

    [Fact]
    public async Task A_batch_answers_each_command_with_its_command_ref()
    {
        await using var node = new NodeFixture();
        var request = new InvokeRequest(false, false,
        [
            new CommandData(new CommandPath(1, Cluster, 1), new byte[] { 0x15, 0x24, 0x00, 0x05, 0x18 }, 10),
            new CommandData(new CommandPath(1, Cluster, 0x55), null, 11),
            new CommandData(new CommandPath(1, Cluster, 0), null, 12),
        ]);

        var (items, status) = await node.Client.InvokeAsync(request, node.Guard);

        Assert.Equal(MatterStatus.Success, status);
        Assert.Equal((ushort)10, items[0].Command!.CommandRef);
        Assert.Equal(InteractionTest.EchoResponse.CommandId, items[0].Command!.Path.Command);
        Assert.Equal(5u, InteractionTest.EchoResponse.Decode(items[0].Command!.Fields!.Value.Span).Value);
        Assert.Equal((MatterStatus.UnsupportedCommand, (ushort?)11), (items[1].Status!.Status.Status, items[1].Status!.CommandRef));
        Assert.Equal((MatterStatus.Success, (ushort?)12), (items[2].Status!.Status.Status, items[2].Status!.CommandRef));
    }

    [Fact]
    public async Task A_batch_without_distinct_command_refs_is_an_invalid_action()
    {
        await using var node = new NodeFixture();
        var request = new InvokeRequest(false, false, [new CommandData(new CommandPath(1, Cluster, 0), null, 1), new CommandData(new CommandPath(1, Cluster, 1), null, 1)]);

        var (_, status) = await node.Client.InvokeAsync(request, node.Guard);

        Assert.Equal(MatterStatus.InvalidAction, status);
    }

    [Fact]
    public async Task A_suppressed_invoke_runs_without_an_answer()
    {
        await using var node = new NodeFixture();
        var answers = 0;
        node.NodeSession.Sent += _ => answers++;

        var exchange = await node.StartAsync(new InvokeRequest(true, false, [new CommandData(new CommandPath(1, Cluster, 0), null)]));
        await node.Driver.FirstPing.WaitAsync(node.Guard);
        var events = await new InteractionTest.Client(node.Client, 1).ReadEventsAsync(0, node.Guard);

        Assert.Single(events);
        Assert.Equal(1, answers); // only the event read's report
        await exchange.DisposeAsync();
    }

    [Fact]
    public async Task An_action_after_its_timed_window_gets_timeout()
    {
        await using var node = new NodeFixture();
        var exchange = await node.StartAsync(new TimedRequest(500));
        Assert.Equal(new StatusResponse(MatterStatus.Success) { InteractionModelRevision = 12 }, await node.ReceiveAsync(exchange));

        node.Time.Advance(TimeSpan.FromMilliseconds(600));
        await exchange.SendAsync(InteractionMessageWriter.ToProtocolMessage(new InvokeRequest(false, true, [new CommandData(new CommandPath(1, Cluster, 3), null)])), true, node.Guard);

        Assert.Equal(MatterStatus.Timeout, Assert.IsType<StatusResponse>(await node.ReceiveAsync(exchange)).Status);
        Assert.Equal(0, node.Driver.Unlocks);
    }

    [Fact]
    public async Task A_timed_flag_that_does_not_match_the_interaction_gets_timed_request_mismatch()
    {
        await using var node = new NodeFixture();
        var flagged = await node.StartAsync(new InvokeRequest(false, true, [new CommandData(new CommandPath(1, Cluster, 3), null)]));
        var unflagged = await node.StartAsync(new TimedRequest(1000));
        await node.ReceiveAsync(unflagged);
        await unflagged.SendAsync(InteractionMessageWriter.ToProtocolMessage(new InvokeRequest(false, false, [new CommandData(new CommandPath(1, Cluster, 3), null)])), true, node.Guard);

        Assert.Equal(MatterStatus.TimedRequestMismatch, Assert.IsType<StatusResponse>(await node.ReceiveAsync(flagged)).Status);
        Assert.Equal(MatterStatus.TimedRequestMismatch, Assert.IsType<StatusResponse>(await node.ReceiveAsync(unflagged)).Status);
        Assert.Equal(0, node.Driver.Unlocks);
    }

    [Fact]
    public async Task An_energy_evse_command_runs_end_to_end_over_IM()
    {
        await using var node = new NodeFixture();
        var evse = new MatterGen.Evse.Clusters.EnergyEVSE.Client(node.Client, 2);

        await evse.EnableChargingAsync(new MatterGen.Evse.Clusters.EnergyEVSE.EnableChargingRequest { ChargingEnabledUntil = null, MinimumChargeCurrent = 6000, MaximumChargeCurrent = 16000 }, cancellationToken: node.Guard);

        Assert.Null(await evse.ReadChargingEnabledUntilAsync(node.Guard));
    }
}
