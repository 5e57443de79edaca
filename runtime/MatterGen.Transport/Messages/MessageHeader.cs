using System;
using System.Buffers.Binary;

namespace MatterGen.Transport.Messages;

/// <summary>
/// The unencrypted message header (Core Specification 4.4.1): flags, session id, security flags, message counter and
/// the optional source node id and destination node or group id. Message extensions (MX) are skipped on decode
/// and never written. It is the additional authenticated data of an encrypted message.
/// </summary>
public readonly record struct MessageHeader
{
    /// <summary>The largest encoded header (flags, session, security, counter, source and destination node ids).</summary>
    public const int MaxLength = 1 + 2 + 1 + 4 + 8 + 8;

    private const byte SourcePresent = 0x04;
    private const byte DestinationNode = 0x01;
    private const byte DestinationGroup = 0x02;
    private const byte PrivacyFlag = 0x80;
    private const byte ControlFlag = 0x40;
    private const byte ExtensionsFlag = 0x20;

    /// <summary>The session id: 0 for the unsecured session, else the receiver's local id of the secure session.</summary>
    public ushort SessionId { get; init; }

    /// <summary>The session type (unicast or group).</summary>
    public SessionType SessionType { get; init; }

    /// <summary>The P flag: the header is obfuscated (message privacy). This codec does not decode such headers.</summary>
    public bool Privacy { get; init; }

    /// <summary>The C flag: a control message (uses the control counter).</summary>
    public bool IsControl { get; init; }

    /// <summary>The message counter.</summary>
    public uint MessageCounter { get; init; }

    /// <summary>The source node id, when present.</summary>
    public ulong? SourceNodeId { get; init; }

    /// <summary>The destination node id, when present (mutually exclusive with <see cref="DestinationGroupId"/>).</summary>
    public ulong? DestinationNodeId { get; init; }

    /// <summary>The destination group id, when present.</summary>
    public ushort? DestinationGroupId { get; init; }

    /// <summary>The security flags byte as written (P, C, MX, session type); also the first byte of the nonce.</summary>
    public byte SecurityFlags => (byte)((Privacy ? PrivacyFlag : 0) | (IsControl ? ControlFlag : 0) | (byte)SessionType);

    /// <summary>The bytes <see cref="Encode"/> writes.</summary>
    public int EncodedLength => 8 + (SourceNodeId.HasValue ? 8 : 0) + (DestinationNodeId.HasValue ? 8 : DestinationGroupId.HasValue ? 2 : 0);

    /// <summary>Writes the header and returns the bytes written.</summary>
    /// <exception cref="ArgumentException">Both a destination node and a destination group are set, or the span is too small.</exception>
    public int Encode(Span<byte> destination)
    {
        if (DestinationNodeId.HasValue && DestinationGroupId.HasValue)
        {
            throw new ArgumentException("A message has a destination node id or a destination group id, not both.");
        }

        var length = EncodedLength;
        if (destination.Length < length)
        {
            throw new ArgumentException("The destination is smaller than the header.", nameof(destination));
        }

        destination[0] = (byte)((SourceNodeId.HasValue ? SourcePresent : 0)
            | (DestinationNodeId.HasValue ? DestinationNode : DestinationGroupId.HasValue ? DestinationGroup : 0));
        BinaryPrimitives.WriteUInt16LittleEndian(destination[1..], SessionId);
        destination[3] = SecurityFlags;
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], MessageCounter);
        var at = 8;
        if (SourceNodeId is { } source)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(destination[at..], source);
            at += 8;
        }

        if (DestinationNodeId is { } node)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(destination[at..], node);
            at += 8;
        }
        else if (DestinationGroupId is { } group)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(destination[at..], group);
            at += 2;
        }

        return at;
    }

    /// <summary>
    /// Reads a header from the start of a datagram and returns it with the number of bytes it took (message
    /// extensions included), so the rest is the (possibly encrypted) protocol header and payload.
    /// </summary>
    /// <exception cref="MessageFormatException">The bytes are not a valid header.</exception>
    public static MessageHeader Decode(ReadOnlySpan<byte> datagram, out int length)
    {
        if (datagram.Length < 8)
        {
            throw new MessageFormatException($"A message header needs at least 8 bytes; the datagram has {datagram.Length}.");
        }

        var flags = datagram[0];
        if ((flags >> 4) != 0)
        {
            throw new MessageFormatException($"Unsupported message format version {flags >> 4}.");
        }

        var destinationSize = flags & 0x03;
        if (destinationSize == 3)
        {
            throw new MessageFormatException("Reserved destination size 3.");
        }

        var security = datagram[3];
        var sessionType = security & 0x03;
        if (sessionType > 1)
        {
            throw new MessageFormatException($"Reserved session type {sessionType}.");
        }

        var header = new MessageHeader
        {
            SessionId = BinaryPrimitives.ReadUInt16LittleEndian(datagram[1..]),
            SessionType = (SessionType)sessionType,
            Privacy = (security & PrivacyFlag) != 0,
            IsControl = (security & ControlFlag) != 0,
            MessageCounter = BinaryPrimitives.ReadUInt32LittleEndian(datagram[4..]),
        };
        var at = 8;
        if ((flags & SourcePresent) != 0)
        {
            header = header with { SourceNodeId = ReadUInt64(datagram, ref at, "source node id") };
        }

        if (destinationSize == DestinationNode)
        {
            header = header with { DestinationNodeId = ReadUInt64(datagram, ref at, "destination node id") };
        }
        else if (destinationSize == DestinationGroup)
        {
            if (datagram.Length < at + 2)
            {
                throw new MessageFormatException("The datagram ends inside the destination group id.");
            }

            header = header with { DestinationGroupId = BinaryPrimitives.ReadUInt16LittleEndian(datagram[at..]) };
            at += 2;
        }

        if ((security & ExtensionsFlag) != 0)
        {
            // Extensions are for future use: skip them by their length (4.4.1.8).
            if (datagram.Length < at + 2)
            {
                throw new MessageFormatException("The datagram ends inside the message extensions length.");
            }

            var extensionLength = BinaryPrimitives.ReadUInt16LittleEndian(datagram[at..]);
            at += 2;
            if (datagram.Length - at < extensionLength)
            {
                throw new MessageFormatException($"Message extensions of {extensionLength} bytes run past the datagram.");
            }

            at += extensionLength;
        }

        length = at;
        return header;
    }

    private static ulong ReadUInt64(ReadOnlySpan<byte> datagram, ref int at, string what)
    {
        if (datagram.Length < at + 8)
        {
            throw new MessageFormatException($"The datagram ends inside the {what}.");
        }

        var value = BinaryPrimitives.ReadUInt64LittleEndian(datagram[at..]);
        at += 8;
        return value;
    }
}
