using System;
using System.Buffers.Binary;
using MatterGen.Messaging;

namespace MatterGen.Transport.Messages;

/// <summary>
/// The protocol header (Core Specification 4.4.3): exchange flags, opcode, exchange id, protocol (with the vendor id
/// when it is not 0), the acknowledged message counter and secured extensions (skipped on decode, never written).
/// On a secure session it is encrypted together with the payload.
/// </summary>
public readonly record struct ProtocolHeader
{
    /// <summary>The largest header this codec writes (flags, opcode, exchange, vendor, protocol, ack counter).</summary>
    public const int MaxLength = 1 + 1 + 2 + 2 + 2 + 4;

    /// <summary>The exchange flags other than A, V and SX, which follow from the other properties.</summary>
    public bool IsInitiator { get; init; }

    /// <summary>The R flag: the sender asks for an acknowledgement.</summary>
    public bool NeedsAcknowledgement { get; init; }

    /// <summary>The protocol's message type.</summary>
    public byte Opcode { get; init; }

    /// <summary>The exchange id (chosen by the exchange's initiator).</summary>
    public ushort ExchangeId { get; init; }

    /// <summary>The protocol.</summary>
    public ProtocolId Protocol { get; init; }

    /// <summary>The message counter this message acknowledges, when the A flag is set.</summary>
    public uint? AcknowledgedCounter { get; init; }

    /// <summary>The exchange flags byte as written.</summary>
    public ExchangeFlags Flags =>
        (IsInitiator ? ExchangeFlags.Initiator : 0)
        | (AcknowledgedCounter.HasValue ? ExchangeFlags.Acknowledgement : 0)
        | (NeedsAcknowledgement ? ExchangeFlags.Reliability : 0)
        | (Protocol.VendorId != 0 ? ExchangeFlags.Vendor : 0);

    /// <summary>The bytes <see cref="Encode"/> writes.</summary>
    public int EncodedLength => 6 + (Protocol.VendorId != 0 ? 2 : 0) + (AcknowledgedCounter.HasValue ? 4 : 0);

    /// <summary>Writes the header and returns the bytes written.</summary>
    /// <exception cref="ArgumentException">The span is too small.</exception>
    public int Encode(Span<byte> destination)
    {
        if (destination.Length < EncodedLength)
        {
            throw new ArgumentException("The destination is smaller than the protocol header.", nameof(destination));
        }

        destination[0] = (byte)Flags;
        destination[1] = Opcode;
        BinaryPrimitives.WriteUInt16LittleEndian(destination[2..], ExchangeId);
        var at = 4;
        if (Protocol.VendorId != 0)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(destination[at..], Protocol.VendorId);
            at += 2;
        }

        BinaryPrimitives.WriteUInt16LittleEndian(destination[at..], Protocol.Id);
        at += 2;
        if (AcknowledgedCounter is { } acknowledged)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(destination[at..], acknowledged);
            at += 4;
        }

        return at;
    }

    /// <summary>Reads a protocol header and returns it with the bytes it took (secured extensions included).</summary>
    /// <exception cref="MessageFormatException">The bytes are not a valid protocol header.</exception>
    public static ProtocolHeader Decode(ReadOnlySpan<byte> source, out int length)
    {
        if (source.Length < 6)
        {
            throw new MessageFormatException($"A protocol header needs at least 6 bytes; there are {source.Length}.");
        }

        var flags = (ExchangeFlags)source[0];
        var at = 4;
        ushort vendor = 0;
        if ((flags & ExchangeFlags.Vendor) != 0)
        {
            vendor = BinaryPrimitives.ReadUInt16LittleEndian(source[at..]);
            at += 2;
        }

        if (source.Length < at + 2)
        {
            throw new MessageFormatException("The message ends inside the protocol id.");
        }

        var protocol = BinaryPrimitives.ReadUInt16LittleEndian(source[at..]);
        at += 2;
        uint? acknowledged = null;
        if ((flags & ExchangeFlags.Acknowledgement) != 0)
        {
            if (source.Length < at + 4)
            {
                throw new MessageFormatException("The message ends inside the acknowledged message counter.");
            }

            acknowledged = BinaryPrimitives.ReadUInt32LittleEndian(source[at..]);
            at += 4;
        }

        if ((flags & ExchangeFlags.SecuredExtensions) != 0)
        {
            if (source.Length < at + 2)
            {
                throw new MessageFormatException("The message ends inside the secured extensions length.");
            }

            var extensionLength = BinaryPrimitives.ReadUInt16LittleEndian(source[at..]);
            at += 2;
            if (source.Length - at < extensionLength)
            {
                throw new MessageFormatException($"Secured extensions of {extensionLength} bytes run past the message.");
            }

            at += extensionLength;
        }

        length = at;
        return new ProtocolHeader
        {
            IsInitiator = (flags & ExchangeFlags.Initiator) != 0,
            NeedsAcknowledgement = (flags & ExchangeFlags.Reliability) != 0,
            Opcode = source[1],
            ExchangeId = BinaryPrimitives.ReadUInt16LittleEndian(source[2..]),
            Protocol = new ProtocolId(vendor, protocol),
            AcknowledgedCounter = acknowledged,
        };
    }
}
