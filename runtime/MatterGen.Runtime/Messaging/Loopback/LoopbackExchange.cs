using System;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace MatterGen.Messaging.Loopback;

/// <summary>One end of an exchange on a <see cref="LoopbackSession"/>.</summary>
internal sealed class LoopbackExchange : IMessageExchange
{
    /// <summary>How long a receive waits when the caller gives no timeout, as a transport's default would.</summary>
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private readonly LoopbackSession session;
    private readonly Channel<ProtocolMessage> inbox = Channel.CreateUnbounded<ProtocolMessage>();
    private LoopbackExchange? peer;

    public LoopbackExchange(LoopbackSession session)
    {
        this.session = session;
    }

    private LoopbackExchange(LoopbackSession session, LoopbackExchange peer)
    {
        this.session = session;
        this.peer = peer;
    }

    public IMessageSession Session => session;

    public ValueTask SendAsync(ProtocolMessage message, bool expectResponse = true, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        session.Closed.ThrowIfCancellationRequested();
        if (message.Payload.Length > session.MaxPayloadSize)
        {
            throw new ArgumentException($"The payload of {message.Payload.Length} bytes exceeds the session's {session.MaxPayloadSize}.", nameof(message));
        }

        // A copy, so neither side shares a buffer with the other.
        var copy = message with { Payload = message.Payload.ToArray() };
        session.OnSent(copy);
        if (peer is null)
        {
            peer = new LoopbackExchange(session.Peer, this);
            session.Peer.Accept(peer, copy);
        }
        else
        {
            peer.inbox.Writer.TryWrite(copy);
        }

        return ValueTask.CompletedTask;
    }

    public async ValueTask<ProtocolMessage> ReceiveAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        using var timer = new CancellationTokenSource(timeout ?? DefaultTimeout, session.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, cancellationToken, session.Closed);
        try
        {
            return await inbox.Reader.ReadAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested && !session.Closed.IsCancellationRequested)
        {
            throw new TimeoutException("No message arrived on the exchange in time.");
        }
    }

    public ValueTask DisposeAsync()
    {
        inbox.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }
}
