using System.Threading;
using System.Threading.Tasks;

namespace MatterGen.Messaging;

/// <summary>
/// Serves the exchanges a peer starts for one protocol: the transport calls it with the first (unsolicited)
/// message of each new exchange whose protocol is <see cref="Protocol"/>, and the handler converses on the
/// exchange until it is done. The Interaction Model server is one; PASE and CASE responders are others.
/// </summary>
public interface IProtocolHandler
{
    /// <summary>The protocol this handler serves.</summary>
    ProtocolId Protocol { get; }

    /// <summary>Handles a new exchange whose first message is <paramref name="first"/>. Must not throw for bad input:
    /// a malformed message gets the protocol's error reply (or is dropped) and the exchange ends.</summary>
    ValueTask HandleExchangeAsync(IMessageExchange exchange, ProtocolMessage first, CancellationToken cancellationToken);
}
