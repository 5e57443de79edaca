using System;
using MatterGen.Transport.SecureChannel;

namespace MatterGen.Transport;

/// <summary>Limits and timeouts of a <see cref="SecureTransport"/>; every queue and table a peer can fill is bounded.</summary>
public sealed record SecureTransportOptions
{
    /// <summary>The most secure sessions at once; the least recently used is evicted for a new one. The default, 16,
    /// covers the spec's minimum of 3 CASE sessions for each of 5 fabrics plus one PASE session (4.14.2.1).</summary>
    public int MaxSecureSessions { get; init; } = 16;

    /// <summary>The most unsecured sessions (handshakes in progress) at once; the least recently used is dropped.</summary>
    public int MaxUnsecuredSessions { get; init; } = 8;

    /// <summary>The most open exchanges at once; a new unsolicited exchange beyond it is refused.</summary>
    public int MaxExchanges { get; init; } = 64;

    /// <summary>The most received messages an exchange holds before its protocol reads them; more are dropped unacknowledged.</summary>
    public int MaxPendingMessagesPerExchange { get; init; } = 4;

    /// <summary>How long <see cref="Messaging.IMessageExchange.ReceiveAsync"/> waits by default.</summary>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Closes a secure session after this long without a message either way (locally, without CloseSession). Null,
    /// the default, keeps sessions until evicted or closed: the spec sets no idle limit for CASE sessions, and a
    /// PASE session ends with its fail-safe, which the node enforces.
    /// </summary>
    public TimeSpan? SessionIdleTimeout { get; init; }

    /// <summary>The session parameters this node announces in PASE and CASE.</summary>
    public SessionParameters LocalParameters { get; init; } = SessionParameters.Local;
}
