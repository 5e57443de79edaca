using System;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using MatterGen.Messaging;
using MatterGen.Transport.Crypto;
using MatterGen.Transport.Reliability;
using MatterGen.Transport.Sessions;

namespace MatterGen.Transport.SecureChannel;

/// <summary>
/// The device side of PASE (Core Specification 4.14.1): PBKDFParamRequest → PBKDFParamResponse, Pake1 → Pake2,
/// Pake3 → StatusReport. The session exists only after the prover's confirmation cA verified; a wrong passcode gets
/// INVALID_PARAMETER and counts as a failed attempt of the <see cref="CommissioningWindow"/>.
/// </summary>
public sealed class PaseResponder
{
    /// <summary>The minimum wait announced with BUSY (ms).</summary>
    public const ushort BusyRetryMilliseconds = 500;

    private readonly SecureTransport transport;

    /// <summary>Creates the responder.</summary>
    public PaseResponder(SecureTransport transport)
    {
        this.transport = transport ?? throw new ArgumentNullException(nameof(transport));
    }

    /// <summary>The open commissioning window, or null when none is open (requests then fail with INVALID_PARAMETER).</summary>
    public CommissioningWindow? Window { get; set; }

    /// <summary>Runs one PASE exchange whose first message is a PBKDFParamRequest.</summary>
    internal async ValueTask RespondAsync(IMessageExchange exchange, ProtocolMessage first, CancellationToken cancellationToken)
    {
        var window = Window;
        if (window is null || !window.IsOpen)
        {
            await Handshake.SendStatusAsync(exchange, StatusReport.InvalidParameter, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!window.TryBegin())
        {
            var wait = new byte[2];
            BinaryPrimitives.WriteUInt16LittleEndian(wait, BusyRetryMilliseconds);
            await Handshake.SendStatusAsync(exchange, StatusReport.SecureChannel(GeneralStatusCode.Busy, SecureChannelStatusCode.Busy, wait), cancellationToken).ConfigureAwait(false);
            return;
        }

        var attempt = new Attempt();
        try
        {
            var session = await RunAsync(window, exchange, first, attempt, cancellationToken).ConfigureAwait(false);
            if (session is not null)
            {
                attempt.Succeeded = true;
            }
        }
        catch (SessionEstablishmentException error) when (error.Report is { } report && !error.ReportFromPeer)
        {
            // The attempt ends before the failure report goes out: the initiator may start again as soon as it
            // reads the report, before our send has its acknowledgement, and must not be told BUSY by its own past.
            EndAttempt(window, attempt);
            await Handshake.SendStatusAsync(exchange, report, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            EndAttempt(window, attempt);
        }
    }

    // Once Pake2 went out, a failure is a failed passcode attempt: the initiator rejects our cB (and says so) or we
    // reject its cA. A failure before that is a protocol error, not a guess.
    private static void EndAttempt(CommissioningWindow window, Attempt attempt)
    {
        if (!attempt.Ended)
        {
            attempt.Ended = true;
            window.End(failed: attempt.ConfirmationSent && !attempt.Succeeded);
        }
    }

    private async ValueTask<SecureSession?> RunAsync(CommissioningWindow window, IMessageExchange exchange, ProtocolMessage first, Attempt attempt, CancellationToken cancellationToken)
    {
        var request = Handshake.Decode(first.Payload, payload => PbkdfParamRequest.Decode(payload.Span), "PBKDFParamRequest");
        if (request.PasscodeId != 0)
        {
            throw new SessionEstablishmentException("Only passcode id 0 exists", StatusReport.InvalidParameter);
        }

        var localSessionId = transport.AllocateSessionId();
        var response = new PbkdfParamResponse(
            request.InitiatorRandom,
            Handshake.Random32(),
            localSessionId,
            request.HasPbkdfParameters ? null : new PbkdfParameters(window.Iterations, window.Salt),
            transport.Options.LocalParameters);
        var responseBytes = response.Encode();
        await Handshake.SendAsync(exchange, SecureChannelOpcode.PbkdfParamResponse, responseBytes, cancellationToken).ConfigureAwait(false);

        var pake1 = Handshake.Decode(
            await Handshake.ExpectAsync(exchange, SecureChannelOpcode.Pake1, "Pake1", cancellationToken).ConfigureAwait(false),
            payload => Pake1.Decode(payload.Span),
            "Pake1");
        var context = PaseContext.Compute(first.Payload.Span, responseBytes);
        var y = P256.ScalarBytes(P256.RandomScalar());
        var shareY = Spake2Plus.ComputeY(window.Verifier.W0, y);
        var shared = Spake2Plus.VerifierFinish(window.Verifier.W0, window.Verifier.L, y, pake1.PA)
            ?? throw new SessionEstablishmentException("pA is not a point on P-256", StatusReport.InvalidParameter);
        var keys = Spake2Plus.MatterKeys(
            Spake2Plus.Transcript(context, [], [], pake1.PA, shareY, shared.Z, shared.V, window.Verifier.W0), pake1.PA, shareY);
        attempt.ConfirmationSent = true;
        await Handshake.SendAsync(exchange, SecureChannelOpcode.Pake2, new Pake2(shareY, keys.VerifierConfirmation).Encode(), cancellationToken).ConfigureAwait(false);

        var pake3 = Handshake.Decode(
            await Handshake.ExpectAsync(exchange, SecureChannelOpcode.Pake3, "Pake3", cancellationToken).ConfigureAwait(false),
            payload => Pake3.Decode(payload.Span),
            "Pake3");
        if (!CryptographicOperations.FixedTimeEquals(pake3.CA, keys.ProverConfirmation))
        {
            // A wrong passcode: the spec's INVALID_PARAMETER, no session, one failed attempt (counted before the
            // report goes out, so an initiator that retries at once is not told BUSY).
            EndAttempt(window, attempt);
            await Handshake.SendStatusAsync(exchange, StatusReport.InvalidParameter, cancellationToken).ConfigureAwait(false);
            return null;
        }

        var sessionKeys = SessionKeys.Derive(keys.SharedKey, [], "SessionKeys"u8);
        var peer = ((Exchange)exchange).Session.PeerAddress;
        var session = transport.AddSecureSession(owner => new SecureSession(
            owner, localSessionId, request.InitiatorSessionId, peer, request.SessionParameters, sessionKeys,
            isInitiator: false, SecureSession.PaseSubject, localNodeId: 0, peerNodeId: 0));
        // The attempt is over: the next commissioner need not wait for this report's acknowledgement.
        attempt.Ended = true;
        window.End(failed: false);

        // Before the success report: the initiator may start using the session as soon as it has the report, so
        // whoever sets the session up (the commissioning privilege, the window's hold) must be done by then.
        window.OnEstablished(session);

        // As the reference SDK, the session counts as established once the success report is sent: an initiator
        // that missed it resends Pake3 on a closed exchange and gives up; the unused session then ages out (LRU).
        await Handshake.SendStatusAsync(exchange, StatusReport.Success, cancellationToken).ConfigureAwait(false);
        return session;
    }

    private sealed class Attempt
    {
        public bool ConfirmationSent { get; set; }

        public bool Succeeded { get; set; }

        public bool Ended { get; set; }
    }
}
