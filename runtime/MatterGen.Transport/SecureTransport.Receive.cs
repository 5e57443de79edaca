using System;
using System.Buffers;
using System.Net;
using MatterGen.Messaging;
using MatterGen.Transport.Crypto;
using MatterGen.Transport.Messages;
using MatterGen.Transport.Reliability;
using MatterGen.Transport.SecureChannel;
using MatterGen.Transport.Sessions;

namespace MatterGen.Transport;

/// <content>The receive path: datagram → session → authenticated, new message → exchange.</content>
public sealed partial class SecureTransport
{
    private void OnDatagram(EndPoint source, ReadOnlySpan<byte> datagram)
    {
        MessageHeader header;
        int headerLength;
        try
        {
            header = MessageHeader.Decode(datagram, out headerLength);
        }
        catch (MessageFormatException)
        {
            Statistics.CountMalformed();
            return;
        }

        if (header.Privacy || header.SessionType == SessionType.Group || header.DestinationGroupId.HasValue)
        {
            // Privacy obfuscation and group messages are not supported by this transport.
            Statistics.CountMalformed();
            return;
        }

        if (header.SessionId == 0)
        {
            ReceiveUnsecured(source, header, datagram[headerLength..]);
        }
        else
        {
            ReceiveSecure(source, header, datagram, headerLength);
        }
    }

    private void ReceiveUnsecured(EndPoint source, in MessageHeader header, ReadOnlySpan<byte> body)
    {
        UnsecuredSession? session;
        lock (gate)
        {
            if (header.DestinationNodeId is { } destination)
            {
                initiatorSessions.TryGetValue(destination, out session);
            }
            else
            {
                var key = (source, header.SourceNodeId ?? 0);
                if (!responderSessions.TryGetValue(key, out session))
                {
                    if (responderSessions.Count >= Options.MaxUnsecuredSessions)
                    {
                        EvictOldestUnsecured();
                    }

                    session = new UnsecuredSession(source, header.SourceNodeId ?? 0, 0, isInitiator: false);
                    responderSessions[key] = session;
                }
            }
        }

        if (session is null)
        {
            Statistics.CountUnknownSession();
            return;
        }

        Process(session, header, body);
    }

    private void ReceiveSecure(EndPoint source, in MessageHeader header, ReadOnlySpan<byte> datagram, int headerLength)
    {
        var session = Sessions.Find(header.SessionId);
        if (session is null || session.IsClosed)
        {
            Statistics.CountUnknownSession();
            return;
        }

        var encryptedLength = datagram.Length - headerLength - MessageCipher.MicLength;
        if (encryptedLength < 6)
        {
            Statistics.CountMalformed();
            return;
        }

        var plaintext = ArrayPool<byte>.Shared.Rent(encryptedLength);
        try
        {
            var body = plaintext.AsSpan(0, encryptedLength);
            if (!session.Decryptor.TryDecrypt(datagram[..headerLength], header, session.PeerNodeId, datagram.Slice(headerLength, encryptedLength), datagram[^MessageCipher.MicLength..], body))
            {
                Statistics.CountAuthenticationFailure();
                return;
            }

            // Only an authenticated message may move the peer's address (4.13.2.4 "peer address update").
            session.PeerAddress = source;
            Process(session, header, body);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(plaintext);
        }
    }

    private void Process(Session session, in MessageHeader header, ReadOnlySpan<byte> body)
    {
        ProtocolHeader protocol;
        int protocolLength;
        try
        {
            protocol = ProtocolHeader.Decode(body, out protocolLength);
        }
        catch (MessageFormatException)
        {
            Statistics.CountMalformed();
            return;
        }

        var key = (session, protocol.ExchangeId, !protocol.IsInitiator);
        if (!session.AcceptCounter(header.MessageCounter))
        {
            Statistics.CountDuplicate();
            if (protocol.NeedsAcknowledgement)
            {
                // The peer missed our acknowledgement: repeat it, but do not process the message again (4.12.5.2.2).
                SendAck(session, protocol.ExchangeId, !protocol.IsInitiator, header.MessageCounter);
            }

            return;
        }

        var now = Time.GetUtcNow();
        session.LastReceived = now;
        session.LastActivity = now;
        Exchange? exchange;
        IProtocolHandler? handler = null;
        lock (gate)
        {
            exchanges.TryGetValue(key, out exchange);
        }

        if (exchange is not null && protocol.NeedsAcknowledgement && !exchange.TryTake(header.MessageCounter))
        {
            // A late copy the counter window let through (see Exchange.TryTake): acknowledge it again, drop it.
            Statistics.CountDuplicate();
            SendAck(session, protocol.ExchangeId, !protocol.IsInitiator, header.MessageCounter);
            return;
        }

        if (exchange is not null && protocol.AcknowledgedCounter is { } acknowledged)
        {
            exchange.OnAcknowledged(acknowledged);
        }

        if (protocol.Protocol == ProtocolId.SecureChannel && protocol.Opcode == SecureChannelOpcode.StandaloneAck)
        {
            Statistics.CountReceived();
            return;
        }

        uint? ack = protocol.NeedsAcknowledgement ? header.MessageCounter : null;
        var message = new ProtocolMessage(protocol.Protocol, protocol.Opcode, body[protocolLength..].ToArray());
        if (exchange is not null)
        {
            if (exchange.TryDeliver(message, ack))
            {
                Statistics.CountReceived();
            }
            else
            {
                Statistics.CountRefused();
            }

            return;
        }

        if (TryCloseSessionReport(session, protocol, message))
        {
            if (ack is { } closeAck)
            {
                SendAck(session, protocol.ExchangeId, !protocol.IsInitiator, closeAck);
            }

            return;
        }

        lock (gate)
        {
            if (protocol.IsInitiator && handlers.TryGetValue(protocol.Protocol, out handler) && exchanges.Count < Options.MaxExchanges)
            {
                exchange = new Exchange(this, session, protocol.ExchangeId, isInitiator: false);
                exchanges[key] = exchange;
            }
        }

        if (exchange is null)
        {
            // Nobody serves it: acknowledge so the peer stops resending, and drop it (4.10.5.2).
            Statistics.CountRefused();
            if (ack is { } refusedAck)
            {
                SendAck(session, protocol.ExchangeId, !protocol.IsInitiator, refusedAck);
            }

            return;
        }

        Statistics.CountReceived();
        if (ack is { } firstAck)
        {
            exchange.TryTake(firstAck);
            exchange.OweAck(firstAck);
        }

        _ = RunHandlerAsync(handler!, exchange, message);
    }

    /// <summary>A CloseSession StatusReport on a secure session closes it (Core Specification 4.11.1.4).</summary>
    private bool TryCloseSessionReport(Session session, in ProtocolHeader protocol, ProtocolMessage message)
    {
        if (session is not SecureSession secure || protocol.Protocol != ProtocolId.SecureChannel || protocol.Opcode != SecureChannelOpcode.StatusReport)
        {
            return false;
        }

        try
        {
            var report = StatusReport.Decode(message.Payload.Span);
            if (report.ProtocolId != 0 || report.ProtocolCode != (ushort)SecureChannelStatusCode.CloseSession)
            {
                return false;
            }
        }
        catch (MessageFormatException)
        {
            return false;
        }

        RemoveSession(secure);
        return true;
    }

    private void EvictOldestUnsecured()
    {
        (EndPoint, ulong)? oldest = null;
        var oldestTime = DateTimeOffset.MaxValue;
        foreach (var (key, session) in responderSessions)
        {
            if (session.LastActivity < oldestTime)
            {
                oldestTime = session.LastActivity;
                oldest = key;
            }
        }

        if (oldest is { } remove)
        {
            responderSessions.Remove(remove);
            Statistics.CountRefused();
        }
    }
}
