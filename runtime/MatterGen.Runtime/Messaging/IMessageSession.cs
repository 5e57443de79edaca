using System.Threading;

namespace MatterGen.Messaging;

/// <summary>
/// A session with one peer, as the protocols above the transport see it: who the peer is, how large a payload
/// may be, and a way to start a new exchange (a device starts one to send a subscription report). A secure UDP
/// session implements it, and so does an in-memory pair in tests; the Interaction Model depends on nothing else.
/// </summary>
public interface IMessageSession
{
    /// <summary>Who the peer is, for access control and fabric filtering.</summary>
    SubjectDescriptor Subject { get; }

    /// <summary>
    /// The largest application payload one message may carry on this session (the 1280-byte IPv6 MTU less the
    /// message, protocol and security headers on UDP); protocols chunk anything larger.
    /// </summary>
    int MaxPayloadSize { get; }

    /// <summary>Cancelled when the session closes (CloseSession, eviction, fabric removal, timeout).</summary>
    CancellationToken Closed { get; }

    /// <summary>Starts a new exchange on this session, this side the initiator.</summary>
    IMessageExchange CreateExchange();
}
