using System;
using System.Net;
using BenchmarkDotNet.Attributes;
using MatterGen.Messaging;
using MatterGen.Transport;
using MatterGen.Transport.Crypto;
using MatterGen.Transport.Messages;
using MatterGen.Transport.Sessions;
using MatterGen.Transport.Udp;

namespace MatterGen.Benchmarks.Transport;

/// <summary>
/// The steady path of one secure message with a 100-byte payload: headers written and AES-CCM encrypted in place
/// (what the send path does), then parsed, decrypted and the protocol header read (what the receive path does).
/// Goal: zero allocations.
/// </summary>
[MemoryDiagnoser]
public class MessageCryptoBenchmarks
{
    private readonly byte[] datagram = new byte[1280];
    private readonly byte[] plaintext = new byte[1280];
    private readonly byte[] payload = new byte[100];
    private MessageCipher cipher = null!;
    private SecureTransport transport = null!;
    private SecureSession session = null!;
    private uint counter = 1000;

    [GlobalSetup]
    public void Setup()
    {
        var key = Convert.FromHexString("f6ac075efaf7f817832c95486f8bf583");
        cipher = new MessageCipher(key);
        transport = new SecureTransport(new InMemoryNetwork(TimeProvider.System).CreateEndpoint());
        session = new SecureSession(transport, 1, 2, new IPEndPoint(IPAddress.IPv6Loopback, 5540), null, new SessionKeys(key, key, new byte[16]), true, default, 0, 0);
        if (EncryptThenDecrypt() != 100 || SendPathEncode() != 8 + 6 + 100 + 16)
        {
            throw new InvalidOperationException("The message did not round-trip.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        cipher.Dispose();
        transport.Dispose();
    }

    [Benchmark]
    public int EncryptThenDecrypt()
    {
        var header = new MessageHeader { SessionId = 0x3C4D, MessageCounter = counter++ };
        var headerLength = header.Encode(datagram);
        var protocolLength = new ProtocolHeader { IsInitiator = true, NeedsAcknowledgement = true, Opcode = 2, ExchangeId = 0x5566, Protocol = ProtocolId.InteractionModel }.Encode(datagram.AsSpan(headerLength));
        payload.CopyTo(datagram.AsSpan(headerLength + protocolLength));
        var bodyLength = protocolLength + payload.Length;
        var body = datagram.AsSpan(headerLength, bodyLength);
        cipher.Encrypt(datagram.AsSpan(0, headerLength), header, 0, body, body, datagram.AsSpan(headerLength + bodyLength, MessageCipher.MicLength));
        var length = headerLength + bodyLength + MessageCipher.MicLength;

        var received = MessageHeader.Decode(datagram.AsSpan(0, length), out var receivedHeaderLength);
        var encryptedLength = length - receivedHeaderLength - MessageCipher.MicLength;
        var clear = plaintext.AsSpan(0, encryptedLength);
        if (!cipher.TryDecrypt(datagram.AsSpan(0, receivedHeaderLength), received, 0, datagram.AsSpan(receivedHeaderLength, encryptedLength), datagram.AsSpan(length - MessageCipher.MicLength, MessageCipher.MicLength), clear))
        {
            return -1;
        }

        ProtocolHeader.Decode(clear, out var receivedProtocolLength);
        return encryptedLength - receivedProtocolLength;
    }

    [Benchmark]
    public int SendPathEncode() =>
        SecureTransport.Encode(session, session.NextCounter(), new ProtocolHeader { IsInitiator = true, Opcode = 2, ExchangeId = 7, Protocol = ProtocolId.InteractionModel }, payload, datagram);
}
