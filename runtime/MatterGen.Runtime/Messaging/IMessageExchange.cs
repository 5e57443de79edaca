using System;
using System.Threading;
using System.Threading.Tasks;

namespace MatterGen.Messaging;

/// <summary>
/// One exchange (Core Specification 4.10): an ordered conversation of messages with one peer on one session.
/// Reliability (MRP acknowledgements and retransmissions) and encryption are below this interface; a message
/// handed to <see cref="SendAsync"/> is delivered or the call fails, and <see cref="ReceiveAsync"/> yields each
/// message the peer sends on this exchange once, in order. Disposing closes the exchange (flushing a pending
/// acknowledgement).
/// </summary>
public interface IMessageExchange : IAsyncDisposable
{
    /// <summary>The session the exchange runs on.</summary>
    IMessageSession Session { get; }

    /// <summary>
    /// Sends a message. On a reliable transport the returned task completes when the peer acknowledged it and
    /// fails with <see cref="TimeoutException"/> when the retransmissions are exhausted.
    /// </summary>
    /// <param name="message">The message; its payload must not exceed <see cref="IMessageSession.MaxPayloadSize"/>.</param>
    /// <param name="expectResponse">True when the protocol expects the peer to answer on this exchange (sets the
    /// reliable-messaging flags accordingly and keeps the exchange open).</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    ValueTask SendAsync(ProtocolMessage message, bool expectResponse = true, CancellationToken cancellationToken = default);

    /// <summary>
    /// Waits for the peer's next message on this exchange. Fails with <see cref="TimeoutException"/> after
    /// <paramref name="timeout"/> (the transport's default response timeout when null) and with
    /// <see cref="OperationCanceledException"/> when the session closes or <paramref name="cancellationToken"/> fires.
    /// </summary>
    ValueTask<ProtocolMessage> ReceiveAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default);
}
