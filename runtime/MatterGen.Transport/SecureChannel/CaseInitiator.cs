using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using MatterGen.Messaging;
using MatterGen.Transport.Certificates;
using MatterGen.Transport.Fabrics;
using MatterGen.Transport.Sessions;

namespace MatterGen.Transport.SecureChannel;

/// <summary>The controller side of CASE (Core Specification 4.14.2): establishes an operational session with a node of a fabric.</summary>
public static class CaseInitiator
{
    /// <summary>Runs CASE with node <paramref name="peerNodeId"/> of <paramref name="fabric"/> at <paramref name="peer"/>.</summary>
    /// <exception cref="SessionEstablishmentException">The peer refused, or its credentials or messages are invalid.</exception>
    /// <exception cref="TimeoutException">The peer did not answer.</exception>
    public static async Task<SecureSession> EstablishAsync(SecureTransport transport, EndPoint peer, Fabric fabric, ulong peerNodeId, bool checkValidityPeriods = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(fabric);
        var unsecured = transport.CreateUnsecuredSession(peer);
        var exchange = transport.CreateExchange(unsecured);
        try
        {
            using var ephemeral = CaseCrypto.NewEphemeral();
            var ownKey = CertificateCrypto.PublicKeyOf(ephemeral);
            var random = Handshake.Random32();
            var localSessionId = transport.AllocateSessionId();
            var destination = FabricKeys.DestinationId(fabric.OperationalIpk, random, fabric.Root.PublicKey, fabric.FabricId, peerNodeId);
            var sigma1Bytes = new Sigma1(random, localSessionId, destination, ownKey, transport.Options.LocalParameters).Encode();
            await Handshake.SendAsync(exchange, SecureChannelOpcode.Sigma1, sigma1Bytes, cancellationToken).ConfigureAwait(false);

            var sigma2Payload = await Handshake.ExpectAsync(exchange, SecureChannelOpcode.Sigma2, "Sigma2", cancellationToken).ConfigureAwait(false);
            var sigma2Bytes = sigma2Payload.ToArray();
            var sigma2 = Handshake.Decode(sigma2Payload, payload => Sigma2.Decode(payload.Span), "Sigma2");
            ValidatedChain chain;
            byte[] shared;
            try
            {
                shared = CaseCrypto.SharedSecret(ephemeral, sigma2.ResponderEphemeralPublicKey)
                    ?? throw new SessionEstablishmentException("The responder's ephemeral key is not a P-256 point", StatusReport.InvalidParameter);
                var s2k = CaseCrypto.Sigma2Key(shared, fabric.OperationalIpk, sigma2.ResponderRandom, sigma2.ResponderEphemeralPublicKey, sigma1Bytes);
                (chain, _) = CaseCrypto.VerifyPeer(
                    s2k, true, sigma2.Encrypted2, fabric.Root, fabric.FabricId, sigma2.ResponderEphemeralPublicKey, ownKey,
                    checkValidityPeriods ? transport.Time.GetUtcNow() : null);
                if (chain.NodeId != peerNodeId)
                {
                    throw new SessionEstablishmentException("The responder is not the node we asked for", StatusReport.InvalidParameter);
                }
            }
            catch (SessionEstablishmentException error) when (error.Report is { } report)
            {
                await Handshake.SendStatusAsync(exchange, report, cancellationToken).ConfigureAwait(false);
                throw;
            }

            var noc = fabric.Noc.ToTlv();
            var icac = fabric.Icac?.ToTlv();
            var signature = CertificateCrypto.Sign(fabric.OperationalKey, TbsData.Encode(noc, icac, ownKey, sigma2.ResponderEphemeralPublicKey));
            var s3k = CaseCrypto.Sigma3Key(shared, fabric.OperationalIpk, sigma1Bytes, sigma2Bytes);
            var sigma3Bytes = new Sigma3(CaseCrypto.Seal(s3k, false, new TbeData(noc, icac, signature, null).Encode())).Encode();
            await Handshake.SendAsync(exchange, SecureChannelOpcode.Sigma3, sigma3Bytes, cancellationToken).ConfigureAwait(false);

            var status = StatusReport.Decode((await Handshake.ExpectAsync(exchange, SecureChannelOpcode.StatusReport, "StatusReport", cancellationToken).ConfigureAwait(false)).Span);
            if (!status.IsSessionEstablishmentSuccess)
            {
                throw new SessionEstablishmentException("The responder refused the CASE session", status, reportFromPeer: true);
            }

            var keys = CaseCrypto.SessionKeys(shared, fabric.OperationalIpk, sigma1Bytes, sigma2Bytes, sigma3Bytes);
            return transport.AddSecureSession(owner => new SecureSession(
                owner, localSessionId, sigma2.ResponderSessionId, peer, sigma2.SessionParameters, keys, isInitiator: true,
                new SubjectDescriptor(SessionAuthMode.Case, chain.NodeId, fabric.Index, chain.CaseAuthenticatedTags),
                fabric.NodeId, chain.NodeId));
        }
        finally
        {
            await exchange.DisposeAsync().ConfigureAwait(false);
            transport.RemoveUnsecuredSession(unsecured);
        }
    }
}
