using System.Net;
using System.Threading;

namespace MatterGen.Transport.Sessions;

/// <summary>
/// The unsecured session with one peer (Core Specification 4.13.2.1), on which PASE and CASE run: keyed by the
/// peer's address and its ephemeral node id, with the node-wide global unencrypted counter.
/// </summary>
public sealed class UnsecuredSession : Session
{
    private static int globalCounter = (int)InitialCounter();

    internal UnsecuredSession(EndPoint peerAddress, ulong peerEphemeralNodeId, ulong localEphemeralNodeId, bool isInitiator)
        : base(peerAddress, null, countersMayRollOver: true)
    {
        PeerEphemeralNodeId = peerEphemeralNodeId;
        LocalEphemeralNodeId = localEphemeralNodeId;
        IsInitiator = isInitiator;
    }

    /// <summary>The peer's ephemeral node id (the source node id of its messages; 0 when it sent none).</summary>
    public ulong PeerEphemeralNodeId { get; }

    /// <summary>Our ephemeral node id when we initiated the session (sent as source node id), else 0.</summary>
    public ulong LocalEphemeralNodeId { get; }

    /// <summary>True when this side started the session.</summary>
    public bool IsInitiator { get; }

    /// <inheritdoc/>
    public override ushort PeerSessionId => 0;

    /// <inheritdoc/>
    public override bool IsSecure => false;

    /// <inheritdoc/>
    internal override uint NextCounter() => (uint)Interlocked.Increment(ref globalCounter);
}
