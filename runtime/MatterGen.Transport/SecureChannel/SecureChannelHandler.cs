using System.Threading;
using System.Threading.Tasks;
using MatterGen.Messaging;

namespace MatterGen.Transport.SecureChannel;

/// <summary>
/// The Secure Channel protocol's server: unsolicited PBKDFParamRequests go to the PASE responder, Sigma1s to the
/// CASE responder; anything else that starts an exchange is answered with INVALID_PARAMETER (a StatusReport is
/// only noted: answering a report with a report could loop).
/// </summary>
public sealed class SecureChannelHandler : IProtocolHandler
{
    private readonly PaseResponder? pase;
    private readonly CaseResponder? caseResponder;

    /// <summary>Creates the handler and registers it with <paramref name="transport"/>.</summary>
    public SecureChannelHandler(SecureTransport transport, PaseResponder? pase, CaseResponder? caseResponder = null)
    {
        this.pase = pase;
        this.caseResponder = caseResponder;
        transport.AddHandler(this);
    }

    /// <inheritdoc/>
    public ProtocolId Protocol => ProtocolId.SecureChannel;

    /// <inheritdoc/>
    public async ValueTask HandleExchangeAsync(IMessageExchange exchange, ProtocolMessage first, CancellationToken cancellationToken)
    {
        switch (first.Opcode)
        {
            case SecureChannelOpcode.PbkdfParamRequest when pase is not null:
                await pase.RespondAsync(exchange, first, cancellationToken).ConfigureAwait(false);
                break;
            case SecureChannelOpcode.Sigma1 when caseResponder is not null:
                await caseResponder.RespondAsync(exchange, first, cancellationToken).ConfigureAwait(false);
                break;
            case SecureChannelOpcode.StatusReport:
                break;
            default:
                await Handshake.SendStatusAsync(exchange, StatusReport.InvalidParameter, cancellationToken).ConfigureAwait(false);
                break;
        }
    }
}
