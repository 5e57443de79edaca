using System;
using System.Collections.Generic;
using System.Net;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using MatterGen.Messaging;
using MatterGen.Transport.Crypto;
using MatterGen.Transport.Messages;
using MatterGen.Transport.Reliability;
using MatterGen.Transport.SecureChannel;
using MatterGen.Transport.Sessions;
using MatterGen.Transport.Udp;

namespace MatterGen.Transport;

/// <summary>
/// The message layer of a node (Core Specification 4.4 to 4.13): receives datagrams, finds their session, checks and
/// decrypts them, drops duplicates, handles MRP acknowledgements and hands each message to its exchange, starting a
/// new exchange with the registered <see cref="IProtocolHandler"/> for an unsolicited one. Sessions, exchanges and
/// queues are bounded by <see cref="SecureTransportOptions"/>; everything runs on the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class SecureTransport : IDisposable
{
    /// <summary>The top of the operational node id range (Core Specification 2.5.5.1), where ephemeral ids are drawn.</summary>
    private const ulong MaxOperationalNodeId = 0xFFFF_FFEF_FFFF_FFFF;

    private readonly object gate = new();
    private readonly IDatagramTransport datagrams;
    private readonly Dictionary<ProtocolId, IProtocolHandler> handlers = new();
    private readonly Dictionary<(Session Session, ushort Id, bool Initiator), Exchange> exchanges = new();
    private readonly Dictionary<(EndPoint Address, ulong Node), UnsecuredSession> responderSessions = new();
    private readonly Dictionary<ulong, UnsecuredSession> initiatorSessions = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly Random jitter = new();
    private int nextExchangeId = RandomNumberGenerator.GetInt32(0, ushort.MaxValue + 1);
    private ITimer? idleSweep;

    /// <summary>Creates the layer over a datagram transport; call <see cref="Start"/> to receive.</summary>
    public SecureTransport(IDatagramTransport datagrams, TimeProvider? time = null, SecureTransportOptions? options = null)
    {
        this.datagrams = datagrams ?? throw new ArgumentNullException(nameof(datagrams));
        Time = time ?? TimeProvider.System;
        Options = options ?? new SecureTransportOptions();
        Sessions = new SessionTable(Options.MaxSecureSessions);
    }

    /// <summary>The clock of every timeout and retransmission.</summary>
    public TimeProvider Time { get; }

    /// <summary>The limits.</summary>
    public SecureTransportOptions Options { get; }

    /// <summary>The secure sessions.</summary>
    public SessionTable Sessions { get; }

    /// <summary>What the receive path accepted and dropped.</summary>
    public TransportStatistics Statistics { get; } = new();

    /// <summary>Where this node receives.</summary>
    public EndPoint LocalEndPoint => datagrams.LocalEndPoint;

    /// <summary>
    /// The largest application payload of one message: the datagram budget less the longest unicast message header
    /// (with a source node id), the longest protocol header and the MIC.
    /// </summary>
    public int MaxPayloadSize => datagrams.MaxDatagramSize - 16 - ProtocolHeader.MaxLength - MessageCipher.MicLength;

    /// <summary>How long an ended handshake's unsecured session still acknowledges retransmissions (longer than MRP's give-up time).</summary>
    public static TimeSpan UnsecuredLinger => TimeSpan.FromSeconds(30);

    internal CancellationToken Stopping => stopping.Token;

    /// <summary>Serves unsolicited exchanges of the handler's protocol.</summary>
    public void AddHandler(IProtocolHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (gate)
        {
            handlers[handler.Protocol] = handler;
        }
    }

    /// <summary>Starts receiving (and, with <see cref="SecureTransportOptions.SessionIdleTimeout"/>, sweeping idle sessions).</summary>
    public void Start()
    {
        datagrams.Start(OnDatagram);
        if (Options.SessionIdleTimeout is { } idle)
        {
            var period = idle / 4 > TimeSpan.FromSeconds(1) ? idle / 4 : TimeSpan.FromSeconds(1);
            idleSweep = Time.CreateTimer(_ => CloseIdleSessions(idle), null, period, period);
        }
    }

    /// <summary>Starts an unsecured session to a peer for a PASE or CASE handshake, with a random ephemeral node id.</summary>
    public UnsecuredSession CreateUnsecuredSession(EndPoint peer)
    {
        lock (gate)
        {
            ulong node;
            Span<byte> random = stackalloc byte[8];
            do
            {
                RandomNumberGenerator.Fill(random);
                node = BitConverter.ToUInt64(random);
            }
            while (node is 0 or > MaxOperationalNodeId || initiatorSessions.ContainsKey(node));

            var session = new UnsecuredSession(peer, 0, node, isInitiator: true) { LastActivity = Time.GetUtcNow() };
            initiatorSessions[node] = session;
            return session;
        }
    }

    /// <summary>
    /// Forgets an unsecured session (its handshake ended). An initiator's session lingers for
    /// <see cref="UnsecuredLinger"/> so a retransmission of the peer's last message still gets its acknowledgement.
    /// </summary>
    public void RemoveUnsecuredSession(UnsecuredSession session)
    {
        lock (gate)
        {
            if (session.IsInitiator)
            {
                ITimer? timer = null;
                timer = Time.CreateTimer(
                    _ =>
                    {
                        lock (gate)
                        {
                            initiatorSessions.Remove(session.LocalEphemeralNodeId);
                        }

                        timer?.Dispose();
                    },
                    null,
                    UnsecuredLinger,
                    Timeout.InfiniteTimeSpan);
            }
            else
            {
                responderSessions.Remove((session.PeerAddress, session.PeerEphemeralNodeId));
            }
        }
    }

    /// <summary>Starts an exchange on an unsecured session, this side the initiator.</summary>
    public IMessageExchange CreateExchange(UnsecuredSession session) => NewInitiatorExchange(session);

    /// <summary>A fresh local session id: non-zero and not in use.</summary>
    public ushort AllocateSessionId() => Sessions.AllocateId();

    /// <summary>
    /// Sends CloseSession (a StatusReport, Core Specification 4.11.1.4) to the peer and removes the session.
    /// </summary>
    public async ValueTask CloseSessionAsync(SecureSession session, CancellationToken cancellationToken = default)
    {
        var exchange = NewInitiatorExchange(session);
        try
        {
            var report = StatusReport.SecureChannel(GeneralStatusCode.Success, SecureChannelStatusCode.CloseSession);
            await exchange.SendAsync(new ProtocolMessage(ProtocolId.SecureChannel, SecureChannelOpcode.StatusReport, report.Encode()), false, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The peer is gone; the session closes all the same.
        }
        finally
        {
            await exchange.DisposeAsync().ConfigureAwait(false);
            RemoveSession(session);
        }
    }

    /// <summary>Stops receiving and closes every session.</summary>
    public void Dispose()
    {
        idleSweep?.Dispose();
        stopping.Cancel();
        datagrams.Dispose();
        foreach (var session in Sessions.RemoveAll())
        {
            session.MarkClosed();
        }
    }

    /// <summary>Registers a session a handshake just established; evicts the least recently used one when full.</summary>
    internal SecureSession AddSecureSession(Func<SecureTransport, SecureSession> create)
    {
        var session = create(this);
        session.LastActivity = Time.GetUtcNow();
        session.LastReceived = session.LastActivity;
        if (Sessions.Add(session) is { } evicted)
        {
            CloseLocally(evicted);
        }

        return session;
    }

    internal void RemoveSession(SecureSession session)
    {
        if (Sessions.Remove(session))
        {
            CloseLocally(session);
        }
    }

    internal IMessageExchange CreateExchange(SecureSession session) => NewInitiatorExchange(session);

    internal void RemoveExchange(Exchange exchange)
    {
        bool closeNow;
        lock (gate)
        {
            exchanges.Remove((exchange.Session, exchange.Id, exchange.IsInitiator));
            closeNow = exchange.Session is SecureSession { CloseRequested: true } && !HasExchangesLocked(exchange.Session);
        }

        if (closeNow)
        {
            RemoveSession((SecureSession)exchange.Session);
        }
    }

    /// <summary>Closes a session once its open exchanges have ended (at once when it has none).</summary>
    internal void CloseWhenIdle(SecureSession session)
    {
        bool idle;
        lock (gate)
        {
            idle = !HasExchangesLocked(session);
            session.CloseRequested = !idle;
        }

        if (idle)
        {
            RemoveSession(session);
        }
    }

    private bool HasExchangesLocked(Session session)
    {
        foreach (var key in exchanges.Keys)
        {
            if (ReferenceEquals(key.Session, session))
            {
                return true;
            }
        }

        return false;
    }

    internal double NextJitter()
    {
        lock (jitter)
        {
            return jitter.NextDouble();
        }
    }

    private void CloseIdleSessions(TimeSpan idle)
    {
        var now = Time.GetUtcNow();
        foreach (var session in Sessions.Snapshot())
        {
            if (now - session.LastActivity > idle)
            {
                RemoveSession(session);
            }
        }
    }

    private Exchange NewInitiatorExchange(Session session)
    {
        lock (gate)
        {
            if (exchanges.Count >= Options.MaxExchanges)
            {
                throw new InvalidOperationException($"The node already has {Options.MaxExchanges} open exchanges.");
            }

            Exchange exchange;
            do
            {
                exchange = new Exchange(this, session, (ushort)Interlocked.Increment(ref nextExchangeId), isInitiator: true);
            }
            while (!exchanges.TryAdd((session, exchange.Id, true), exchange));

            return exchange;
        }
    }

    private void CloseLocally(SecureSession session)
    {
        List<Exchange> closing = new();
        lock (gate)
        {
            foreach (var (key, exchange) in exchanges)
            {
                if (ReferenceEquals(key.Session, session))
                {
                    closing.Add(exchange);
                }
            }

            foreach (var exchange in closing)
            {
                exchanges.Remove((exchange.Session, exchange.Id, exchange.IsInitiator));
            }
        }

        session.MarkClosed();
    }

    private async Task RunHandlerAsync(IProtocolHandler handler, Exchange exchange, ProtocolMessage first)
    {
        try
        {
            await handler.HandleExchangeAsync(exchange, first, stopping.Token).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The peer went away, the node stops, or a handler failed: the exchange ends, the node carries on.
        }
        finally
        {
            await exchange.DisposeAsync().ConfigureAwait(false);
        }
    }
}
