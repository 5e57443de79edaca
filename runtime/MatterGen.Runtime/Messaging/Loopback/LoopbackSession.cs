using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace MatterGen.Messaging.Loopback;

/// <summary>
/// One end of an in-memory session: what a protocol sees of a secure session, with no bytes on a network. A
/// message sent on an exchange arrives on the peer's matching exchange; the first message of an exchange the
/// peer did not start goes to the peer's <see cref="IProtocolHandler"/> for that protocol. For tests and for
/// connecting a client to a node in one process.
/// </summary>
public sealed class LoopbackSession : IMessageSession, IDisposable
{
    private readonly ConcurrentDictionary<ProtocolId, IProtocolHandler> handlers = new();
    private readonly ConcurrentQueue<Exception> handlerFailures = new();
    private readonly CancellationTokenSource closed = new();
    private LoopbackSession? peer;

    private LoopbackSession(SubjectDescriptor subject, int maxPayloadSize, TimeProvider time)
    {
        Subject = subject;
        MaxPayloadSize = maxPayloadSize;
        Time = time;
    }

    /// <summary>
    /// A connected pair. <paramref name="initiatorSeenByResponder"/> is who the responder (a node) sees on the
    /// other end, for its access control; <paramref name="responderSeenByInitiator"/> the reverse.
    /// </summary>
    /// <param name="initiatorSeenByResponder">The subject the responder's protocols see.</param>
    /// <param name="responderSeenByInitiator">The subject the initiator's protocols see.</param>
    /// <param name="maxPayloadSize">The largest payload either end may send.</param>
    /// <param name="time">The clock receive timeouts run on; the system clock when null.</param>
    public static (LoopbackSession Initiator, LoopbackSession Responder) CreatePair(
        SubjectDescriptor initiatorSeenByResponder,
        SubjectDescriptor responderSeenByInitiator = default,
        int maxPayloadSize = 1200,
        TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPayloadSize, 64);
        var clock = time ?? TimeProvider.System;
        var initiator = new LoopbackSession(responderSeenByInitiator, maxPayloadSize, clock);
        var responder = new LoopbackSession(initiatorSeenByResponder, maxPayloadSize, clock);
        initiator.peer = responder;
        responder.peer = initiator;
        return (initiator, responder);
    }

    /// <inheritdoc/>
    public SubjectDescriptor Subject { get; }

    /// <inheritdoc/>
    public int MaxPayloadSize { get; }

    /// <inheritdoc/>
    public CancellationToken Closed => closed.Token;

    /// <summary>The clock receive timeouts run on.</summary>
    public TimeProvider Time { get; }

    /// <summary>Exceptions the handlers of this end let escape (a handler must not throw; tests check this is empty).</summary>
    public IReadOnlyCollection<Exception> HandlerFailures => handlerFailures;

    /// <summary>Raised for every message this end sends, for tests that look at the traffic.</summary>
    public event Action<ProtocolMessage>? Sent;

    /// <summary>Serves the exchanges the peer starts for the handler's protocol.</summary>
    public void AddHandler(IProtocolHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        handlers[handler.Protocol] = handler;
    }

    /// <inheritdoc/>
    public IMessageExchange CreateExchange() => new LoopbackExchange(this);

    /// <summary>Closes both ends: pending receives are cancelled.</summary>
    public void Dispose()
    {
        closed.Cancel();
        if (peer is { } other && !other.closed.IsCancellationRequested)
        {
            other.Dispose();
        }
    }

    internal LoopbackSession Peer => peer ?? throw new InvalidOperationException("The session has no peer.");

    internal void OnSent(ProtocolMessage message) => Sent?.Invoke(message);

    /// <summary>A peer's new exchange arrives here with its first message.</summary>
    internal void Accept(LoopbackExchange exchange, ProtocolMessage first)
    {
        if (!handlers.TryGetValue(first.Protocol, out var handler))
        {
            return; // Nobody serves the protocol: the message is dropped, as an unsolicited one would be.
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await handler.HandleExchangeAsync(exchange, first, closed.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (closed.IsCancellationRequested)
            {
                // The session closed under the handler.
            }
            catch (Exception exception)
            {
                handlerFailures.Enqueue(exception);
            }
            finally
            {
                await exchange.DisposeAsync().ConfigureAwait(false);
            }
        });
    }
}
