using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MatterGen.Messaging;
using MatterGen.Transport.Sessions;

namespace MatterGen.Transport.Reliability;

/// <summary>
/// One exchange over MRP (Core Specification 4.10, 4.12): at most one unacknowledged reliable message, resent with
/// the spec's backoff until acknowledged or <see cref="MrpTiming.MaxTransmissions"/> is reached; the peer's reliable
/// messages acknowledged on our next message or by a standalone ack after <see cref="MrpTiming.StandaloneAckTimeout"/>;
/// received messages queued (bounded) until the protocol reads them.
/// </summary>
internal sealed class Exchange : IMessageExchange
{
    private readonly SecureTransport transport;
    private readonly Queue<ProtocolMessage> inbox = new();
    private readonly object gate = new();
    private readonly uint[] takenCounters = new uint[TakenCountersKept];
    private int takenFilled;
    private int nextTaken;
    private TaskCompletionSource? messageArrived;
    private uint? pendingAck;
    private ITimer? ackTimer;
    private OutboundMessage? outstanding;
    private bool closed;

    public Exchange(SecureTransport transport, Session session, ushort id, bool isInitiator)
    {
        this.transport = transport;
        Session = session;
        Id = id;
        IsInitiator = isInitiator;
    }

    /// <summary>The session (secure or not) the exchange runs on.</summary>
    public Session Session { get; }

    /// <summary>The exchange id.</summary>
    public ushort Id { get; }

    /// <summary>True when this side started the exchange.</summary>
    public bool IsInitiator { get; }

    IMessageSession IMessageExchange.Session => Session as IMessageSession
        ?? throw new InvalidOperationException("An unsecured session is not an IMessageSession; only PASE and CASE run on it.");

    /// <inheritdoc/>
    public async ValueTask SendAsync(ProtocolMessage message, bool expectResponse = true, CancellationToken cancellationToken = default)
    {
        if (message.Payload.Length > transport.MaxPayloadSize)
        {
            throw new ArgumentException($"The payload has {message.Payload.Length} bytes; the session takes at most {transport.MaxPayloadSize}.", nameof(message));
        }

        OutboundMessage outbound;
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(closed, this);
            if (outstanding is not null)
            {
                throw new InvalidOperationException("The exchange already has a message waiting for its acknowledgement.");
            }

            var ack = TakePendingAck();
            outbound = transport.SendOnExchange(this, message, reliable: true, ack);
            outstanding = outbound;
            outbound.Timer = transport.Time.CreateTimer(static state => ((Exchange)state!).OnRetransmitTimer(), this, Backoff(outbound), Timeout.InfiniteTimeSpan);
        }

        using var registration = cancellationToken.Register(static state => ((Exchange)state!).FailOutstanding(new OperationCanceledException()), this);
        await outbound.Acknowledged.Task.ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask<ProtocolMessage> ReceiveAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        using var timeoutSource = new CancellationTokenSource(timeout ?? transport.Options.ResponseTimeout, transport.Time);
        var closedToken = Session is SecureSession secure ? secure.Closed : CancellationToken.None;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token, closedToken, transport.Stopping);
        while (true)
        {
            Task wait;
            lock (gate)
            {
                if (inbox.TryDequeue(out var message))
                {
                    return message;
                }

                ObjectDisposedException.ThrowIf(closed, this);
                messageArrived ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                wait = messageArrived.Task;
            }

            try
            {
                await wait.WaitAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException("The peer did not answer on the exchange in time.");
            }
        }
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        uint? ack;
        lock (gate)
        {
            if (closed)
            {
                return ValueTask.CompletedTask;
            }

            closed = true;
            ack = TakePendingAck();
            messageArrived?.TrySetResult();
        }

        if (ack is { } counter)
        {
            transport.SendStandaloneAck(this, counter);
        }

        // An outstanding message keeps being retransmitted until acknowledged or given up: MRP owes the peer that.
        lock (gate)
        {
            if (outstanding is null)
            {
                transport.RemoveExchange(this);
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>The peer acknowledged <paramref name="counter"/>.</summary>
    internal void OnAcknowledged(uint counter)
    {
        OutboundMessage? done = null;
        lock (gate)
        {
            if (outstanding is { } pending && pending.Counter == counter)
            {
                done = pending;
                outstanding = null;
                if (closed)
                {
                    transport.RemoveExchange(this);
                }
            }
        }

        if (done is not null)
        {
            done.Release();
            done.Acknowledged.TrySetResult();
        }
    }

    /// <summary>How many of the peer's reliable messages an exchange remembers, to know a late copy of one.</summary>
    private const int TakenCountersKept = 8;

    /// <summary>
    /// Records that the exchange took the peer's reliable message <paramref name="counter"/>; false when it
    /// already took it (a retransmission, to acknowledge and drop). The session's counter window cannot always
    /// tell: on the unsecured session a counter more than 32 behind the newest one is taken as the peer having
    /// restarted (Core Specification 4.6.5, counters with rollover), and a busy peer's node-wide unencrypted
    /// counter moves that far between two of its messages to us. MRP gives the peer one unacknowledged message per
    /// exchange, so what it retransmits is among the exchange's latest messages: a few counters are enough.
    /// </summary>
    internal bool TryTake(uint counter)
    {
        lock (gate)
        {
            for (var index = 0; index < takenFilled; index++)
            {
                if (takenCounters[index] == counter)
                {
                    return false;
                }
            }

            takenCounters[nextTaken] = counter;
            nextTaken = (nextTaken + 1) % TakenCountersKept;
            takenFilled = Math.Min(takenFilled + 1, TakenCountersKept);
            return true;
        }
    }

    /// <summary>A message for the protocol; false when the queue is full (the message is then neither queued nor acknowledged).</summary>
    internal bool TryDeliver(ProtocolMessage message, uint? ackCounter)
    {
        uint? flush = null;
        lock (gate)
        {
            if (closed || inbox.Count >= transport.Options.MaxPendingMessagesPerExchange)
            {
                return false;
            }

            inbox.Enqueue(message);
            if (ackCounter is { } counter)
            {
                flush = ScheduleAck(counter);
            }

            var arrived = messageArrived;
            messageArrived = null;
            arrived?.TrySetResult();
        }

        if (flush is { } old)
        {
            transport.SendStandaloneAck(this, old);
        }

        return true;
    }

    /// <summary>Remembers an acknowledgement owed for the first message of a responder exchange (delivered to the handler directly).</summary>
    internal void OweAck(uint counter)
    {
        uint? flush;
        lock (gate)
        {
            flush = ScheduleAck(counter);
        }

        if (flush is { } old)
        {
            transport.SendStandaloneAck(this, old);
        }
    }

    private uint? ScheduleAck(uint counter)
    {
        var previous = pendingAck;
        pendingAck = counter;
        ackTimer ??= transport.Time.CreateTimer(static state => ((Exchange)state!).OnAckTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        ackTimer.Change(MrpTiming.StandaloneAckTimeout, Timeout.InfiniteTimeSpan);
        return previous is { } old && old != counter ? old : null;
    }

    private uint? TakePendingAck()
    {
        var ack = pendingAck;
        pendingAck = null;
        ackTimer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        return ack;
    }

    private void OnAckTimer()
    {
        uint? ack;
        lock (gate)
        {
            ack = TakePendingAck();
        }

        if (ack is { } counter)
        {
            transport.SendStandaloneAck(this, counter);
        }
    }

    private void OnRetransmitTimer()
    {
        OutboundMessage? giveUp = null;
        lock (gate)
        {
            if (outstanding is not { } pending)
            {
                return;
            }

            if (pending.Transmissions >= MrpTiming.MaxTransmissions)
            {
                giveUp = pending;
                outstanding = null;
                if (closed)
                {
                    transport.RemoveExchange(this);
                }
            }
            else
            {
                transport.Retransmit(this, pending);
                pending.Transmissions++;
                pending.Timer?.Change(Backoff(pending), Timeout.InfiniteTimeSpan);
            }
        }

        if (giveUp is not null)
        {
            giveUp.Release();
            giveUp.Acknowledged.TrySetException(new TimeoutException(
                $"No acknowledgement after {MrpTiming.MaxTransmissions} transmissions."));
        }
    }

    private void FailOutstanding(Exception error)
    {
        OutboundMessage? failed;
        lock (gate)
        {
            failed = outstanding;
            outstanding = null;
        }

        if (failed is not null)
        {
            failed.Release();
            failed.Acknowledged.TrySetException(error);
        }
    }

    private TimeSpan Backoff(OutboundMessage message) =>
        MrpTiming.Backoff(Session.RetransmissionInterval(transport.Time.GetUtcNow()), message.Transmissions - 1, transport.NextJitter());
}
