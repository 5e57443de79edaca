using System;
using System.Threading;
using System.Threading.Tasks;
using MatterGen.Messaging;
using MatterGen.Transport.Messages;
using MatterGen.Transport.SecureChannel;
using MatterGen.Transport.Sessions;
using MatterGen.Transport.Tests.Support;
using Xunit;

namespace MatterGen.Transport.Tests.SecureChannel;

public class PaseHandshakeTests
{
    [Fact]
    public async Task Pase_establishes_a_session_both_sides_can_use()
    {
        using var nodes = new TestNodes();
        _ = new SecureChannelHandler(nodes.Device, nodes.Pase);
        var established = new TaskCompletionSource<SecureSession>();
        nodes.Pase.Window!.SessionEstablished += session => established.TrySetResult(session);

        var session = await nodes.Run(PaseInitiator.EstablishAsync(nodes.Controller, nodes.Device.LocalEndPoint, TestNodes.Passcode));
        var deviceSession = await nodes.Run(established.Task);

        Assert.Equal(SessionAuthMode.Pase, session.Subject.AuthMode);
        Assert.Equal(new SubjectDescriptor(SessionAuthMode.Pase, 0, 0, default, IsCommissioning: true), deviceSession.Subject with { CaseAuthenticatedTags = default });
        Assert.Equal(session.PeerSessionId, deviceSession.LocalSessionId);
        Assert.Equal(deviceSession.PeerSessionId, session.LocalSessionId);

        var reply = await nodes.Run(Echo(session, [1, 2, 3]));
        Assert.Equal(new byte[] { 1, 2, 3 }, reply.Payload.ToArray());
        Assert.Equal(0, nodes.Device.Statistics.AuthenticationFailures);
    }

    [Fact]
    public async Task Wrong_passcode_fails_with_invalid_parameter_no_session_and_counts_the_attempt()
    {
        using var nodes = new TestNodes();
        _ = new SecureChannelHandler(nodes.Device, nodes.Pase);

        var error = await Assert.ThrowsAsync<SessionEstablishmentException>(
            () => nodes.Run(PaseInitiator.EstablishAsync(nodes.Controller, nodes.Device.LocalEndPoint, 12345679)));

        Assert.Equal((ushort)SecureChannelStatusCode.InvalidParameter, error.Report!.ProtocolCode);
        await nodes.Run(Task.Delay(10));
        Assert.Equal(0, nodes.Device.Sessions.Count);
        Assert.Equal(0, nodes.Controller.Sessions.Count);
        Assert.Equal(1, nodes.Pase.Window!.FailedAttempts);
        Assert.True(nodes.Pase.Window.IsOpen);
    }

    [Fact]
    public async Task The_window_closes_after_twenty_failed_attempts()
    {
        using var nodes = new TestNodes();
        _ = new SecureChannelHandler(nodes.Device, nodes.Pase);
        var closings = 0;
        nodes.Pase.Window!.ClosedByFailedAttempts += () => Interlocked.Increment(ref closings);
        for (var attempt = 0; attempt < CommissioningWindow.MaxFailedAttempts; attempt++)
        {
            Assert.Equal(0, Volatile.Read(ref closings));
            await Assert.ThrowsAsync<SessionEstablishmentException>(
                () => nodes.Run(PaseInitiator.EstablishAsync(nodes.Controller, nodes.Device.LocalEndPoint, 11111112)));
        }

        Assert.False(nodes.Pase.Window!.IsOpen);
        Assert.Equal(1, Volatile.Read(ref closings));
        var refused = await Assert.ThrowsAsync<SessionEstablishmentException>(
            () => nodes.Run(PaseInitiator.EstablishAsync(nodes.Controller, nodes.Device.LocalEndPoint, TestNodes.Passcode)));
        Assert.Equal((ushort)SecureChannelStatusCode.InvalidParameter, refused.Report!.ProtocolCode);
        Assert.Equal(0, nodes.Device.Sessions.Count);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    [InlineData(2026)]
    public async Task Pase_completes_over_a_lossy_network_with_twenty_percent_drop(int seed)
    {
        // Each sender's n-th datagram has a fate fixed by the seed; how many acks ride alone depends on thread timing.
        var (sent, dropped) = await LossyRun(seed);

        Assert.True(dropped > 0, $"seed {seed}: nothing was dropped in {sent} datagrams");
    }

    [Fact]
    public async Task A_late_copy_of_Pake2_behind_the_counter_window_is_acknowledged_and_dropped()
    {
        // What the lossy run met once in CI: the initiator, past Pake3 and waiting for the StatusReport, took a late
        // copy of Pake2 as new. On the unsecured session a counter more than 32 behind the newest is taken as the peer
        // restarting, and the device's node-wide unencrypted counter had moved that far (other handshakes share it).
        using var nodes = new TestNodes();
        _ = new SecureChannelHandler(nodes.Device, nodes.Pase);
        byte[]? pake2 = null;
        uint pake2Counter = 0;
        var statusReports = 0;
        var copySent = false;
        var copyAcknowledged = 0;
        nodes.Network.Tamper = (from, to, bytes) =>
        {
            var header = MessageHeader.Decode(bytes, out var headerLength);
            var protocol = ProtocolHeader.Decode(bytes.AsSpan(headerLength), out _);
            if (header.SessionId != 0)
            {
                return bytes;
            }

            if (from.Equals(nodes.Controller.LocalEndPoint))
            {
                copyAcknowledged += Volatile.Read(ref copySent) && protocol.Opcode == SecureChannelOpcode.StandaloneAck && protocol.AcknowledgedCounter == pake2Counter ? 1 : 0;
                return bytes;
            }

            if (protocol.Opcode == SecureChannelOpcode.Pake2)
            {
                pake2 ??= bytes;
                pake2Counter = header.MessageCounter;
            }
            else if (protocol.Opcode == SecureChannelOpcode.StatusReport && statusReports++ == 0)
            {
                // The first StatusReport is lost (MRP sends it again later). Meanwhile the device's next message on
                // the session carries a counter 100 ahead, and only then does the late copy of Pake2 arrive.
                nodes.Network.Inject(from, to, StandaloneAck(header with { MessageCounter = header.MessageCounter + 100 }, protocol));
                var copy = pake2!;
                nodes.Time.CreateTimer(
                    _ =>
                    {
                        Volatile.Write(ref copySent, true);
                        nodes.Network.Inject(from, to, copy);
                    },
                    null,
                    TimeSpan.FromMilliseconds(50),
                    Timeout.InfiniteTimeSpan);
                return null;
            }

            return bytes;
        };

        var session = await nodes.Run(PaseInitiator.EstablishAsync(nodes.Controller, nodes.Device.LocalEndPoint, TestNodes.Passcode));

        Assert.Equal(SessionAuthMode.Pase, session.Subject.AuthMode);
        Assert.Equal(2, statusReports);
        Assert.Equal(1, copyAcknowledged);
        Assert.Equal(1, nodes.Controller.Statistics.Duplicates);
    }

    private static byte[] StandaloneAck(MessageHeader header, ProtocolHeader protocol)
    {
        var ack = protocol with { Opcode = SecureChannelOpcode.StandaloneAck, NeedsAcknowledgement = false };
        var bytes = new byte[header.EncodedLength + ack.EncodedLength];
        var length = header.Encode(bytes);
        ack.Encode(bytes.AsSpan(length));
        return bytes;
    }

    private static async Task<(int Sent, int Dropped)> LossyRun(int seed)
    {
        using var nodes = new TestNodes(TestNodes.Lossy(seed));
        _ = new SecureChannelHandler(nodes.Device, nodes.Pase);

        var session = await nodes.Run(PaseInitiator.EstablishAsync(nodes.Controller, nodes.Device.LocalEndPoint, TestNodes.Passcode));
        var reply = await nodes.Run(Echo(session, [9]));

        Assert.Equal(new byte[] { 9 }, reply.Payload.ToArray());
        Assert.Single(nodes.Device.Sessions.Snapshot());
        return (nodes.Network.Sent, nodes.Network.Dropped);
    }

    [Fact]
    public async Task A_malformed_pbkdf_request_gets_invalid_parameter_and_a_second_commissioner_gets_busy()
    {
        using var nodes = new TestNodes();
        _ = new SecureChannelHandler(nodes.Device, nodes.Pase);

        var unsecured = nodes.Controller.CreateUnsecuredSession(nodes.Device.LocalEndPoint);
        await using (var exchange = nodes.Controller.CreateExchange(unsecured))
        {
            var malformed = new PbkdfParamRequest(new byte[31], 1, 0, false, null).Encode();
            var reply = await nodes.Run(CaseHandshakeTests.SendAndReceive(exchange, SecureChannelOpcode.PbkdfParamRequest, malformed));
            Assert.Equal((ushort)SecureChannelStatusCode.InvalidParameter, StatusReport.Decode(reply.Payload.Span).ProtocolCode);
        }

        // A first commissioner starts (and stalls after PBKDFParamResponse); a second one is told BUSY with a wait.
        await using var first = nodes.Controller.CreateExchange(nodes.Controller.CreateUnsecuredSession(nodes.Device.LocalEndPoint));
        var request = new PbkdfParamRequest(new byte[32], 1, 0, false, null).Encode();
        var response = await nodes.Run(CaseHandshakeTests.SendAndReceive(first, SecureChannelOpcode.PbkdfParamRequest, request));
        Assert.Equal(SecureChannelOpcode.PbkdfParamResponse, response.Opcode);

        await using var second = nodes.Controller.CreateExchange(nodes.Controller.CreateUnsecuredSession(nodes.Device.LocalEndPoint));
        var busy = StatusReport.Decode((await nodes.Run(CaseHandshakeTests.SendAndReceive(second, SecureChannelOpcode.PbkdfParamRequest, request))).Payload.Span);
        Assert.Equal(GeneralStatusCode.Busy, busy.GeneralCode);
        Assert.Equal((ushort)SecureChannelStatusCode.Busy, busy.ProtocolCode);
        Assert.Equal(new byte[] { 0xF4, 0x01 }, busy.ProtocolData);
        Assert.Equal(0, nodes.Pase.Window!.FailedAttempts);
        Assert.Equal(0, nodes.Device.Sessions.Count);
    }

    internal static async Task<ProtocolMessage> Echo(IMessageSession session, byte[] payload)
    {
        await using var exchange = session.CreateExchange();
        await exchange.SendAsync(new ProtocolMessage(TestNodes.EchoProtocol, 1, payload));
        return await exchange.ReceiveAsync();
    }
}
