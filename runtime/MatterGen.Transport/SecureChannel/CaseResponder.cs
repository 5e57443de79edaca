using System;
using System.Threading;
using System.Threading.Tasks;
using MatterGen.Messaging;
using MatterGen.Transport.Certificates;
using MatterGen.Transport.Fabrics;
using MatterGen.Transport.Reliability;
using MatterGen.Transport.Sessions;

namespace MatterGen.Transport.SecureChannel;

/// <summary>
/// The device side of CASE (Core Specification 4.14.2): Sigma1 (destination id matched against every fabric) →
/// Sigma2 (signed and encrypted with the fabric's NOC and IPK-derived key) → Sigma3 (the initiator's chain
/// validated to the fabric's root, its signature checked) → StatusReport. Resumption is not offered: a Sigma1 with a
/// resumption id gets a full Sigma2, which the spec allows.
/// </summary>
public sealed class CaseResponder
{
    private readonly SecureTransport transport;
    private readonly FabricTable fabrics;

    /// <summary>Creates the responder.</summary>
    public CaseResponder(SecureTransport transport, FabricTable fabrics)
    {
        this.transport = transport ?? throw new ArgumentNullException(nameof(transport));
        this.fabrics = fabrics ?? throw new ArgumentNullException(nameof(fabrics));
    }

    /// <summary>Whether certificates are checked against the clock (false until the node has a trusted time).</summary>
    public bool CheckValidityPeriods { get; set; } = true;

    /// <summary>Raised after a CASE session was established.</summary>
    public event Action<SecureSession>? SessionEstablished;

    internal async ValueTask RespondAsync(IMessageExchange exchange, ProtocolMessage first, CancellationToken cancellationToken)
    {
        try
        {
            var session = await RunAsync(exchange, first, cancellationToken).ConfigureAwait(false);
            SessionEstablished?.Invoke(session);
        }
        catch (SessionEstablishmentException error) when (error.Report is { } report && !error.ReportFromPeer)
        {
            await Handshake.SendStatusAsync(exchange, report, cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask<SecureSession> RunAsync(IMessageExchange exchange, ProtocolMessage first, CancellationToken cancellationToken)
    {
        var sigma1Bytes = first.Payload.ToArray();
        var sigma1 = Handshake.Decode(first.Payload, payload => Sigma1.Decode(payload.Span), "Sigma1");
        var (fabric, ipk) = fabrics.FindCaseTarget(sigma1.InitiatorRandom, sigma1.DestinationId)
            ?? throw new SessionEstablishmentException("No fabric matches the destination id", StatusReport.SecureChannel(GeneralStatusCode.Failure, SecureChannelStatusCode.NoSharedTrustRoots));

        using var ephemeral = CaseCrypto.NewEphemeral();
        var ownKey = CertificateCrypto.PublicKeyOf(ephemeral);
        var shared = CaseCrypto.SharedSecret(ephemeral, sigma1.InitiatorEphemeralPublicKey)
            ?? throw new SessionEstablishmentException("The initiator's ephemeral key is not a P-256 point", StatusReport.InvalidParameter);

        var noc = fabric.Noc.ToTlv();
        var icac = fabric.Icac?.ToTlv();
        var signature = CertificateCrypto.Sign(fabric.OperationalKey, TbsData.Encode(noc, icac, ownKey, sigma1.InitiatorEphemeralPublicKey));
        var responderRandom = Handshake.Random32();
        var localSessionId = transport.AllocateSessionId();
        var tbe2 = new TbeData(noc, icac, signature, Handshake.Random32().AsSpan(0, 16).ToArray()).Encode();
        var s2k = CaseCrypto.Sigma2Key(shared, ipk, responderRandom, ownKey, sigma1Bytes);
        var sigma2Bytes = new Sigma2(responderRandom, localSessionId, ownKey, CaseCrypto.Seal(s2k, true, tbe2), transport.Options.LocalParameters).Encode();
        await Handshake.SendAsync(exchange, SecureChannelOpcode.Sigma2, sigma2Bytes, cancellationToken).ConfigureAwait(false);

        var sigma3Payload = await Handshake.ExpectAsync(exchange, SecureChannelOpcode.Sigma3, "Sigma3", cancellationToken).ConfigureAwait(false);
        var sigma3Bytes = sigma3Payload.ToArray();
        var sigma3 = Handshake.Decode(sigma3Payload, payload => Sigma3.Decode(payload.Span), "Sigma3");
        var s3k = CaseCrypto.Sigma3Key(shared, ipk, sigma1Bytes, sigma2Bytes);
        var (chain, _) = CaseCrypto.VerifyPeer(
            s3k, false, sigma3.Encrypted3, fabric.Root, fabric.FabricId, sigma1.InitiatorEphemeralPublicKey, ownKey,
            CheckValidityPeriods ? transport.Time.GetUtcNow() : null);

        var keys = CaseCrypto.SessionKeys(shared, ipk, sigma1Bytes, sigma2Bytes, sigma3Bytes);
        var peer = ((Exchange)exchange).Session.PeerAddress;
        var session = transport.AddSecureSession(owner => new SecureSession(
            owner, localSessionId, sigma1.InitiatorSessionId, peer, sigma1.SessionParameters, keys, isInitiator: false,
            new SubjectDescriptor(SessionAuthMode.Case, chain.NodeId, fabric.Index, chain.CaseAuthenticatedTags),
            fabric.NodeId, chain.NodeId));
        await Handshake.SendStatusAsync(exchange, StatusReport.Success, cancellationToken).ConfigureAwait(false);
        return session;
    }
}
