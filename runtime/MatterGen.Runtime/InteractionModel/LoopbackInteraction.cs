using System;
using System.Threading.Tasks;
using MatterGen.InteractionModel.Client;
using MatterGen.InteractionModel.Server;
using MatterGen.Messaging;
using MatterGen.Messaging.Loopback;

namespace MatterGen.InteractionModel;

/// <summary>
/// A data model served over Interaction Model messages in one process: an <see cref="InteractionServer"/> at one end
/// of an in-memory session (<see cref="LoopbackSession"/>), an <see cref="InteractionClient"/> at the other, each with
/// its handler registered. Every read, write, invoke and subscription of the client (and of the generated cluster
/// clients over it) crosses as encoded IM messages, checked by the node's access control for
/// <see cref="Subject"/>: no network, no secure channel. For a controller living beside the node (a simulator, a
/// test, a local automation) and for tests of the engine.
/// </summary>
public sealed class LoopbackInteraction : IAsyncDisposable
{
    /// <summary>Serves <paramref name="model"/> to a client that the node sees as <paramref name="subject"/>.</summary>
    /// <param name="model">The node.</param>
    /// <param name="subject">Who the client is to the node's access control (auth mode, node id, fabric).</param>
    /// <param name="time">The clock of the engine and of the session's timeouts.</param>
    /// <param name="serverOptions">The engine's options; null for the defaults on <paramref name="time"/>.</param>
    /// <param name="maxPayloadSize">The session's largest message payload, bytes (at least 64).</param>
    public LoopbackInteraction(IDataModel model, SubjectDescriptor subject, TimeProvider time, InteractionServerOptions? serverOptions = null, int maxPayloadSize = 1200)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(time);
        Subject = subject;
        (ClientSession, NodeSession) = LoopbackSession.CreatePair(subject, maxPayloadSize: maxPayloadSize, time: time);
        Server = new InteractionServer(model, serverOptions ?? new InteractionServerOptions { Time = time });
        NodeSession.AddHandler(Server);
        Client = new InteractionClient(ClientSession);
        ClientSession.AddHandler(Client.ReportHandler);
    }

    /// <summary>Who the client is to the node.</summary>
    public SubjectDescriptor Subject { get; }

    /// <summary>The engine serving the node.</summary>
    public InteractionServer Server { get; }

    /// <summary>The client's end of the session (its <see cref="LoopbackSession.Sent"/> shows every message the client sends).</summary>
    public LoopbackSession ClientSession { get; }

    /// <summary>The node's end of the session.</summary>
    public LoopbackSession NodeSession { get; }

    /// <summary>The client: an <see cref="Interaction.IInteractionTransport"/> for the generated cluster clients.</summary>
    public InteractionClient Client { get; }

    /// <summary>Stops the engine (its subscriptions end) and closes both ends of the session.</summary>
    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync().ConfigureAwait(false);
        ClientSession.Dispose();
        NodeSession.Dispose();
    }
}
