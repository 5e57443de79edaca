using System;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using MatterGen.Messaging;
using MatterGen.Tlv;
using MatterGen.Transport.Messages;

namespace MatterGen.Transport.SecureChannel;

/// <summary>Message steps shared by the PASE and CASE state machines.</summary>
internal static class Handshake
{
    /// <summary>Sends a Secure Channel message.</summary>
    public static ValueTask SendAsync(IMessageExchange exchange, byte opcode, byte[] payload, CancellationToken cancellationToken) =>
        exchange.SendAsync(new ProtocolMessage(ProtocolId.SecureChannel, opcode, payload), true, cancellationToken);

    /// <summary>Sends a StatusReport and swallows a failure to deliver it (the handshake is over either way).</summary>
    public static async ValueTask SendStatusAsync(IMessageExchange exchange, StatusReport report, CancellationToken cancellationToken)
    {
        try
        {
            await exchange.SendAsync(new ProtocolMessage(ProtocolId.SecureChannel, SecureChannelOpcode.StatusReport, report.Encode()), false, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }
    }

    /// <summary>
    /// Waits for the message <paramref name="opcode"/>; a StatusReport from the peer or any other message ends the
    /// handshake with <see cref="SessionEstablishmentException"/>.
    /// </summary>
    public static async ValueTask<ReadOnlyMemory<byte>> ExpectAsync(IMessageExchange exchange, byte opcode, string name, CancellationToken cancellationToken)
    {
        var message = await exchange.ReceiveAsync(null, cancellationToken).ConfigureAwait(false);
        if (message.Protocol == ProtocolId.SecureChannel && message.Opcode == opcode)
        {
            return message.Payload;
        }

        if (message.Protocol == ProtocolId.SecureChannel && message.Opcode == SecureChannelOpcode.StatusReport)
        {
            StatusReport? report = null;
            try
            {
                report = StatusReport.Decode(message.Payload.Span);
            }
            catch (MessageFormatException)
            {
            }

            throw new SessionEstablishmentException($"The peer ended the handshake instead of sending {name}", report, reportFromPeer: true);
        }

        throw new SessionEstablishmentException($"Expected {name}, got opcode 0x{message.Opcode:X2} of protocol {message.Protocol}", StatusReport.InvalidParameter);
    }

    /// <summary>Decodes a handshake message; a codec error becomes a handshake failure with INVALID_PARAMETER.</summary>
    public static T Decode<T>(ReadOnlyMemory<byte> payload, Func<ReadOnlyMemory<byte>, T> decode, string name)
    {
        try
        {
            return decode(payload);
        }
        catch (TlvException error)
        {
            throw new SessionEstablishmentException($"Malformed {name}: {error.Message}", StatusReport.InvalidParameter, error);
        }
    }

    /// <summary>32 random bytes.</summary>
    public static byte[] Random32() => RandomNumberGenerator.GetBytes(32);
}
