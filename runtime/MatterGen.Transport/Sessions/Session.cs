using System;
using System.Net;
using System.Security.Cryptography;
using MatterGen.Transport.Messages;
using MatterGen.Transport.SecureChannel;

namespace MatterGen.Transport.Sessions;

/// <summary>
/// What every session has, secure or not: the peer's address and session parameters, the duplicate-detection
/// window for its counters, and when it was last heard from (which selects the active or idle MRP interval).
/// </summary>
public abstract class Session
{
    private readonly object windowGate = new();
    private MessageCounterWindow window;

    /// <summary>Creates the session state.</summary>
    private protected Session(EndPoint peerAddress, SessionParameters? peerParameters, bool countersMayRollOver)
    {
        PeerAddress = peerAddress;
        PeerParameters = peerParameters ?? new SessionParameters();
        window = new MessageCounterWindow(countersMayRollOver);
    }

    /// <summary>Where the peer was last heard from (messages go there).</summary>
    public EndPoint PeerAddress { get; internal set; }

    /// <summary>The MRP intervals and revisions the peer announced.</summary>
    public SessionParameters PeerParameters { get; internal set; }

    /// <summary>When a message from the peer was last accepted (UTC, from the transport's clock).</summary>
    public DateTimeOffset LastReceived { get; internal set; }

    /// <summary>When a message was last sent or received on the session (for least-recently-used eviction).</summary>
    public DateTimeOffset LastActivity { get; internal set; }

    /// <summary>The session id messages to the peer carry (0 on the unsecured session).</summary>
    public abstract ushort PeerSessionId { get; }

    /// <summary>True for PASE and CASE sessions.</summary>
    public abstract bool IsSecure { get; }

    /// <summary>The MRP base interval for a message to the peer: active while it was heard from within its active threshold.</summary>
    internal TimeSpan RetransmissionInterval(DateTimeOffset now) =>
        now - LastReceived < PeerParameters.ActiveThreshold ? PeerParameters.ActiveInterval : PeerParameters.IdleInterval;

    /// <summary>
    /// Records a received counter; false for a duplicate. Atomic: a datagram transport may hand over datagrams on
    /// several threads at once (the in-memory network does), and two copies of one message checked together
    /// must not both pass as new.
    /// </summary>
    internal bool AcceptCounter(uint counter)
    {
        lock (windowGate)
        {
            return window.Accept(counter);
        }
    }

    /// <summary>The next counter to send with.</summary>
    internal abstract uint NextCounter();

    /// <summary>A random starting counter in [1, 2^28] (Core Specification 4.6.1.1).</summary>
    private protected static uint InitialCounter() => (uint)RandomNumberGenerator.GetInt32(1, (1 << 28) + 1);
}
