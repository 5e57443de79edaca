using System;
using System.Threading;
using System.Threading.Tasks;
using MatterGen.Evse.Charger;
using MatterGen.InteractionModel.Client;
using MatterGen.InteractionModel.Server;
using MatterGen.Messaging;
using MatterGen.Messaging.Loopback;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace MatterGen.Node.Tests.Wire;

/// <summary>
/// The real charger node served by an <see cref="InteractionServer"/> at one end of a loopback session, with an
/// <see cref="InteractionClient"/> at the other: what a controller with the given subject sees over IM messages.
/// Access is whatever the node's own Access Control server holds; a fresh charger holds no entry.
/// </summary>
internal sealed class ChargerOnTheWire : IAsyncDisposable
{
    /// <summary>The administrator's operational node id on fabric 1.</summary>
    public const ulong AdminNodeId = 0x0000_0000_0001_B669;

    /// <summary>A CASE session of <see cref="AdminNodeId"/> on fabric 1.</summary>
    public static readonly SubjectDescriptor Admin = new(SessionAuthMode.Case, AdminNodeId, FabricIndex: 1);

    private readonly CancellationTokenSource guard = new(TimeSpan.FromSeconds(60));
    private readonly System.Collections.Generic.List<LoopbackSession> extraSessions = [];

    public ChargerOnTheWire(SubjectDescriptor subject, int maxPayloadSize = 1200, int? budget = null, Interaction.IAttributeStore? store = null)
    {
        Charger = ChargerNode.Create(TestNodes.Options(Time, store));
        Engine = new InteractionServer(Charger.Node, new InteractionServerOptions { Time = Time, PayloadBudget = budget });
        (ClientSession, NodeSession) = LoopbackSession.CreatePair(subject, maxPayloadSize: maxPayloadSize, time: Time);
        NodeSession.AddHandler(Engine);
        Client = new InteractionClient(ClientSession);
        ClientSession.AddHandler(Client.ReportHandler);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero));

    public ChargerNode Charger { get; }

    public MatterNode Node => Charger.Node;

    public InteractionServer Engine { get; }

    public LoopbackSession ClientSession { get; }

    public LoopbackSession NodeSession { get; }

    public InteractionClient Client { get; }

    /// <summary>Cancels a test that would hang.</summary>
    public CancellationToken Guard => guard.Token;

    /// <summary>A charger whose fabric 1 has <see cref="AdminNodeId"/> as its administrator, as AddNOC leaves it, seen by that administrator.</summary>
    public static ChargerOnTheWire WithAdministrator(int maxPayloadSize = 1200, int? budget = null)
    {
        var wire = new ChargerOnTheWire(Admin, maxPayloadSize, budget);
        Assert.Equal(Interaction.MatterStatus.Success, wire.Node.AccessControlServer.AddAdministrator(1, AdminNodeId));
        return wire;
    }

    /// <summary>
    /// Grants <paramref name="privilege"/> over CASE on fabric 1 to <paramref name="nodeId"/> (beside the entries there)
    /// and connects that node's session.
    /// </summary>
    public InteractionClient ConnectGranted(ulong nodeId, Clusters.AccessControl.AccessControlEntryPrivilegeEnum privilege)
    {
        var acl = Node.AccessControlServer;
        Assert.Equal(Interaction.MatterStatus.Success, acl.ReplaceEntries(1,
        [
            .. acl.EntriesOf(1),
            new Clusters.AccessControl.AccessControlEntryStruct
            {
                Privilege = privilege,
                AuthMode = Clusters.AccessControl.AccessControlEntryAuthModeEnum.CASE,
                Subjects = [nodeId],
                Targets = null,
            },
        ]));
        return Connect(new SubjectDescriptor(SessionAuthMode.Case, nodeId, FabricIndex: 1));
    }

    /// <summary>Another controller's session to the same node and engine (another fabric, another auth mode).</summary>
    public InteractionClient Connect(SubjectDescriptor subject)
    {
        var (client, node) = LoopbackSession.CreatePair(subject, time: Time);
        node.AddHandler(Engine);
        extraSessions.Add(client);
        var interaction = new InteractionClient(client);
        client.AddHandler(interaction.ReportHandler);
        return interaction;
    }

    public async ValueTask DisposeAsync()
    {
        await Engine.DisposeAsync();
        extraSessions.ForEach(session => session.Dispose());
        ClientSession.Dispose();
        Charger.Dispose();
        Assert.Empty(NodeSession.HandlerFailures);
        Assert.Empty(ClientSession.HandlerFailures);
        guard.Dispose();
    }
}
