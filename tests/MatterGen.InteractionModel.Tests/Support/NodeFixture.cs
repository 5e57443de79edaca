using System;
using System.Threading;
using System.Threading.Tasks;
using MatterGen.Evse.Device;
using MatterGen.Evse.Modes;
using MatterGen.Interaction;
using MatterGen.InteractionModel.Client;
using MatterGen.InteractionModel.Messages;
using MatterGen.InteractionModel.Server;
using MatterGen.Messaging;
using MatterGen.Messaging.Loopback;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace MatterGen.InteractionModel.Tests.Support;

/// <summary>
/// A node on a fake clock, served by an <see cref="InteractionServer"/> at one end of a loopback session, and an
/// <see cref="InteractionClient"/> at the other: endpoint 1 has the test cluster, endpoint 2 an Energy EVSE and
/// its mode cluster; with <c>twinEndpoint</c>, that endpoint has a second test cluster sharing the first one's event
/// log, as every server of a real node does.
/// </summary>
public sealed class NodeFixture : IAsyncDisposable
{
    public static readonly SubjectDescriptor Controller = new(SessionAuthMode.Case, 0x1122334455667788, FabricIndex: 1);

    private readonly CancellationTokenSource guard = new(TimeSpan.FromSeconds(30));

    public NodeFixture(int maxPayloadSize = 1200, int? budget = null, SubjectDescriptor? subject = null, int subscriptionsPerFabric = 3, ushort? twinEndpoint = null)
    {
        Driver = new TestDriver();
        Server = new InteractionTestServer(Driver, new ClusterServerOptions { Endpoint = 1, Time = Time });
        Driver.Server = Server;
        Evse = EnergyEvseDevice.CreateStandard(serverOptions: new ClusterServerOptions { Endpoint = 2, Time = Time });
        var (_, modeServer) = EnergyEvseModes.Create(new ClusterServerOptions { Endpoint = 2, Time = Time });
        Node = new TestNode().Add(Server).Add(Evse.Server).Add(modeServer);
        if (twinEndpoint is { } endpoint)
        {
            Twin = new InteractionTestServer(new TestDriver(), new ClusterServerOptions { Endpoint = endpoint, Time = Time, EventLog = Server.EventLog });
            Node.Add(Twin);
        }

        Wire = new LoopbackInteraction(
            Node,
            subject ?? Controller,
            Time,
            new InteractionServerOptions { Time = Time, PayloadBudget = budget, SubscriptionsPerFabric = subscriptionsPerFabric },
            maxPayloadSize);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public TestDriver Driver { get; }

    public InteractionTestServer Server { get; }

    /// <summary>The second test cluster (on <c>twinEndpoint</c>), sharing <see cref="Server"/>'s event log; null without one.</summary>
    public InteractionTestServer? Twin { get; }

    public EnergyEvseDevice Evse { get; }

    public TestNode Node { get; }

    public LoopbackInteraction Wire { get; }

    public InteractionServer Engine => Wire.Server;

    public LoopbackSession ClientSession => Wire.ClientSession;

    public LoopbackSession NodeSession => Wire.NodeSession;

    public InteractionClient Client => Wire.Client;

    /// <summary>Cancels a test that would hang (30 s of real time).</summary>
    public CancellationToken Guard => guard.Token;

    /// <summary>Sends one message on a new exchange and returns the exchange for the conversation that follows.</summary>
    public async Task<IMessageExchange> StartAsync(InteractionMessage message)
    {
        var exchange = ClientSession.CreateExchange();
        await exchange.SendAsync(InteractionMessageWriter.ToProtocolMessage(message), true, Guard);
        return exchange;
    }

    /// <summary>Sends raw bytes as a message of the opcode on a new exchange; returns the exchange.</summary>
    public async Task<IMessageExchange> StartRawAsync(byte opcode, byte[] payload)
    {
        var exchange = ClientSession.CreateExchange();
        await exchange.SendAsync(new ProtocolMessage(ProtocolId.InteractionModel, opcode, payload), true, Guard);
        return exchange;
    }

    public async Task<InteractionMessage> ReceiveAsync(IMessageExchange exchange) =>
        InteractionMessageReader.Decode(await exchange.ReceiveAsync(TimeSpan.FromHours(1), Guard));

    public async ValueTask DisposeAsync()
    {
        await Wire.DisposeAsync();
        Evse.Dispose();
        Assert.Empty(NodeSession.HandlerFailures);
        Assert.Empty(ClientSession.HandlerFailures);
        guard.Dispose();
    }
}
