using System;
using System.Buffers;
using MatterGen.Messaging;
using MatterGen.Transport.Crypto;
using MatterGen.Transport.Messages;
using MatterGen.Transport.Reliability;
using MatterGen.Transport.SecureChannel;
using MatterGen.Transport.Sessions;

namespace MatterGen.Transport;

/// <content>The send path: message → headers → encryption → datagram.</content>
public sealed partial class SecureTransport
{
    /// <summary>Sends a message on an exchange; a reliable one is kept (same counter) for retransmission.</summary>
    internal OutboundMessage SendOnExchange(Exchange exchange, ProtocolMessage message, bool reliable, uint? ack)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(datagrams.MaxDatagramSize + 64);
        var counter = exchange.Session.NextCounter();
        var length = Encode(exchange.Session, counter, new ProtocolHeader
        {
            IsInitiator = exchange.IsInitiator,
            NeedsAcknowledgement = reliable,
            Opcode = message.Opcode,
            ExchangeId = exchange.Id,
            Protocol = message.Protocol,
            AcknowledgedCounter = ack,
        }, message.Payload.Span, buffer);
        exchange.Session.LastActivity = Time.GetUtcNow();
        datagrams.Send(exchange.Session.PeerAddress, buffer.AsSpan(0, length));
        return new OutboundMessage(buffer, length, counter);
    }

    /// <summary>Sends the same datagram again (MRP keeps the counter).</summary>
    internal void Retransmit(Exchange exchange, OutboundMessage message) =>
        datagrams.Send(exchange.Session.PeerAddress, message.Datagram.AsSpan(0, message.Length));

    /// <summary>Sends a standalone acknowledgement on an exchange.</summary>
    internal void SendStandaloneAck(Exchange exchange, uint counter) => SendAck(exchange.Session, exchange.Id, exchange.IsInitiator, counter);

    private void SendAck(Session session, ushort exchangeId, bool weAreInitiator, uint counter)
    {
        if (session is SecureSession { IsClosed: true })
        {
            return;
        }

        Span<byte> buffer = stackalloc byte[MessageHeader.MaxLength + ProtocolHeader.MaxLength + MessageCipher.MicLength];
        var length = Encode(session, session.NextCounter(), new ProtocolHeader
        {
            IsInitiator = weAreInitiator,
            Opcode = SecureChannelOpcode.StandaloneAck,
            ExchangeId = exchangeId,
            Protocol = ProtocolId.SecureChannel,
            AcknowledgedCounter = counter,
        }, [], buffer);
        datagrams.Send(session.PeerAddress, buffer[..length]);
    }

    /// <summary>Writes header, protocol header and payload, encrypting on a secure session; returns the length.</summary>
    internal static int Encode(Session session, uint counter, in ProtocolHeader protocol, ReadOnlySpan<byte> payload, Span<byte> destination)
    {
        var unsecured = session as UnsecuredSession;
        var header = new MessageHeader
        {
            SessionId = session.PeerSessionId,
            MessageCounter = counter,
            SourceNodeId = unsecured is { LocalEphemeralNodeId: not 0 } ? unsecured.LocalEphemeralNodeId : null,
            DestinationNodeId = unsecured is { IsInitiator: false, PeerEphemeralNodeId: not 0 } ? unsecured.PeerEphemeralNodeId : null,
        };
        var headerLength = header.Encode(destination);
        var protocolLength = protocol.Encode(destination[headerLength..]);
        payload.CopyTo(destination[(headerLength + protocolLength)..]);
        var bodyLength = protocolLength + payload.Length;
        if (session is not SecureSession secure)
        {
            return headerLength + bodyLength;
        }

        var body = destination.Slice(headerLength, bodyLength);
        secure.Encryptor.Encrypt(destination[..headerLength], header, secure.LocalNodeId, body, body, destination.Slice(headerLength + bodyLength, MessageCipher.MicLength));
        return headerLength + bodyLength + MessageCipher.MicLength;
    }
}
