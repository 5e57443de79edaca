using System;
using System.Net;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using MatterGen.Transport.Crypto;
using MatterGen.Transport.Sessions;

namespace MatterGen.Transport.SecureChannel;

/// <summary>The commissioner side of PASE (Core Specification 4.14.1): establishes a PASE session with a device's passcode.</summary>
public static class PaseInitiator
{
    /// <summary>Runs PASE with the device at <paramref name="peer"/>.</summary>
    /// <exception cref="SessionEstablishmentException">The device refused (wrong passcode, busy, closed window) or answered wrongly.</exception>
    /// <exception cref="TimeoutException">The device did not answer.</exception>
    public static async Task<SecureSession> EstablishAsync(SecureTransport transport, EndPoint peer, uint passcode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transport);
        var unsecured = transport.CreateUnsecuredSession(peer);
        var exchange = transport.CreateExchange(unsecured);
        try
        {
            var localSessionId = transport.AllocateSessionId();
            var requestBytes = new PbkdfParamRequest(Handshake.Random32(), localSessionId, 0, false, transport.Options.LocalParameters).Encode();
            await Handshake.SendAsync(exchange, SecureChannelOpcode.PbkdfParamRequest, requestBytes, cancellationToken).ConfigureAwait(false);

            var responsePayload = await Handshake.ExpectAsync(exchange, SecureChannelOpcode.PbkdfParamResponse, "PBKDFParamResponse", cancellationToken).ConfigureAwait(false);
            var response = Handshake.Decode(responsePayload, payload => PbkdfParamResponse.Decode(payload.Span), "PBKDFParamResponse");
            var request = PbkdfParamRequest.Decode(requestBytes);
            if (!response.InitiatorRandom.AsSpan().SequenceEqual(request.InitiatorRandom) || response.Pbkdf is null)
            {
                throw await FailAsync(exchange, "The PBKDFParamResponse does not answer our request", cancellationToken).ConfigureAwait(false);
            }

            var (w0, w1) = Spake2Plus.ComputeW0W1(passcode, response.Pbkdf.Salt, (int)response.Pbkdf.Iterations);
            var x = P256.ScalarBytes(P256.RandomScalar());
            var shareX = Spake2Plus.ComputeX(w0, x);
            await Handshake.SendAsync(exchange, SecureChannelOpcode.Pake1, new Pake1(shareX).Encode(), cancellationToken).ConfigureAwait(false);

            var pake2 = Handshake.Decode(
                await Handshake.ExpectAsync(exchange, SecureChannelOpcode.Pake2, "Pake2", cancellationToken).ConfigureAwait(false),
                payload => Pake2.Decode(payload.Span),
                "Pake2");
            var shared = Spake2Plus.ProverFinish(w0, w1, x, pake2.PB);
            if (shared is null)
            {
                throw await FailAsync(exchange, "pB is not a point on P-256", cancellationToken).ConfigureAwait(false);
            }

            var context = PaseContext.Compute(requestBytes, responsePayload.Span);
            var keys = Spake2Plus.MatterKeys(Spake2Plus.Transcript(context, [], [], shareX, pake2.PB, shared.Value.Z, shared.Value.V, w0), shareX, pake2.PB);
            if (!CryptographicOperations.FixedTimeEquals(pake2.CB, keys.VerifierConfirmation))
            {
                throw await FailAsync(exchange, "The device's confirmation cB is wrong (wrong passcode or an impostor)", cancellationToken).ConfigureAwait(false);
            }

            await Handshake.SendAsync(exchange, SecureChannelOpcode.Pake3, new Pake3(keys.ProverConfirmation).Encode(), cancellationToken).ConfigureAwait(false);
            var status = StatusReport.Decode((await Handshake.ExpectAsync(exchange, SecureChannelOpcode.StatusReport, "StatusReport", cancellationToken).ConfigureAwait(false)).Span);
            if (!status.IsSessionEstablishmentSuccess)
            {
                throw new SessionEstablishmentException("The device refused the PASE session", status);
            }

            var sessionKeys = SessionKeys.Derive(keys.SharedKey, [], "SessionKeys"u8);
            return transport.AddSecureSession(owner => new SecureSession(
                owner, localSessionId, response.ResponderSessionId, peer, response.SessionParameters, sessionKeys,
                isInitiator: true, SecureSession.PaseSubject with { IsCommissioning = false }, localNodeId: 0, peerNodeId: 0));
        }
        finally
        {
            await exchange.DisposeAsync().ConfigureAwait(false);
            transport.RemoveUnsecuredSession(unsecured);
        }
    }

    private static async Task<SessionEstablishmentException> FailAsync(Messaging.IMessageExchange exchange, string reason, CancellationToken cancellationToken)
    {
        await Handshake.SendStatusAsync(exchange, StatusReport.InvalidParameter, cancellationToken).ConfigureAwait(false);
        return new SessionEstablishmentException(reason, StatusReport.InvalidParameter);
    }
}
