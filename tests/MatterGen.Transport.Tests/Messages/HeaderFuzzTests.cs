using System;
using CsCheck;
using MatterGen.Messaging;
using MatterGen.Transport.Messages;
using MatterGen.Transport.SecureChannel;
using Xunit;

namespace MatterGen.Transport.Tests.Messages;

/// <summary>Random bytes never make the header codecs throw anything but their own error.</summary>
public class HeaderFuzzTests
{
    [Fact]
    public void Random_datagrams_decode_or_fail_with_the_codec_error()
    {
        Gen.Byte.Array[0, 64].Sample(bytes =>
        {
            try
            {
                var header = MessageHeader.Decode(bytes, out var length);
                Assert.InRange(length, 8, bytes.Length);
                var encoded = new byte[MessageHeader.MaxLength];
                if ((bytes[0] & 0x08) == 0 && (bytes[3] & 0x3C) == 0)
                {
                    // Without extensions or reserved bits the header re-encodes to the bytes it came from.
                    Assert.Equal(bytes.AsSpan(0, length).ToArray(), encoded.AsSpan(0, header.Encode(encoded)).ToArray());
                }
            }
            catch (MessageFormatException)
            {
            }

            try
            {
                var protocol = ProtocolHeader.Decode(bytes, out var length);
                Assert.InRange(length, 6, bytes.Length);
            }
            catch (MessageFormatException)
            {
            }

            try
            {
                StatusReport.Decode(bytes);
            }
            catch (MessageFormatException)
            {
            }
        }, iter: 20000);
    }

    [Fact]
    public void Header_decoding_allocates_nothing()
    {
        var datagram = Convert.FromHexString("06cdab010010000069b601000000000001010108420001001529");
        MessageHeader.Decode(datagram, out var length);
        ProtocolHeader.Decode(datagram.AsSpan(length), out _);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            MessageHeader.Decode(datagram, out length);
            ProtocolHeader.Decode(datagram.AsSpan(length), out _);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Random_handshake_payloads_fail_only_with_the_tlv_error()
    {
        Gen.Byte.Array[0, 200].Sample(bytes =>
        {
            foreach (var decode in Decoders)
            {
                try
                {
                    decode(bytes);
                }
                catch (Tlv.TlvException)
                {
                }
            }
        }, iter: 5000);
    }

    [Fact]
    public void Headers_round_trip_for_every_field_combination()
    {
        var gen =
            from session in Gen.UShort
            from counter in Gen.UInt
            from source in Gen.ULong.Nullable()
            from destination in Gen.Int[0, 2]
            from node in Gen.ULong
            from groupId in Gen.UShort
            from control in Gen.Bool
            select new MessageHeader
            {
                SessionId = session,
                MessageCounter = counter,
                SourceNodeId = source,
                IsControl = control,
                SessionType = destination == 2 ? SessionType.Group : SessionType.Unicast,
                DestinationNodeId = destination == 1 ? node : null,
                DestinationGroupId = destination == 2 ? groupId : null,
            };
        gen.Sample(header =>
        {
            var bytes = new byte[MessageHeader.MaxLength];
            var length = header.Encode(bytes);
            Assert.Equal(header.EncodedLength, length);
            Assert.Equal(header, MessageHeader.Decode(bytes.AsSpan(0, length), out var read));
            Assert.Equal(length, read);
        });

        var protocolGen =
            from flags in Gen.Int[0, 3]
            from opcode in Gen.Byte
            from exchange in Gen.UShort
            from vendor in Gen.UShort
            from id in Gen.UShort
            from ack in Gen.UInt.Nullable()
            select new ProtocolHeader { IsInitiator = (flags & 1) != 0, NeedsAcknowledgement = (flags & 2) != 0, Opcode = opcode, ExchangeId = exchange, Protocol = new ProtocolId(vendor, id), AcknowledgedCounter = ack };
        protocolGen.Sample(header =>
        {
            var bytes = new byte[ProtocolHeader.MaxLength];
            var length = header.Encode(bytes);
            Assert.Equal(header, ProtocolHeader.Decode(bytes.AsSpan(0, length), out var read));
            Assert.Equal(length, read);
        });
    }

    private static readonly Action<byte[]>[] Decoders =
    [
        bytes => PbkdfParamRequest.Decode(bytes),
        bytes => PbkdfParamResponse.Decode(bytes),
        bytes => Pake1.Decode(bytes),
        bytes => Pake2.Decode(bytes),
        bytes => Pake3.Decode(bytes),
        bytes => Sigma1.Decode(bytes),
        bytes => Sigma2.Decode(bytes),
        bytes => Sigma3.Decode(bytes),
        bytes => TbeData.Decode(bytes, true),
    ];
}
