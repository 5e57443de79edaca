using System;
using System.Buffers.Binary;
using MatterGen.Transport.Messages;

namespace MatterGen.Transport.SecureChannel;

/// <summary>General status codes of a StatusReport (Core Specification Appendix D.3.1).</summary>
public enum GeneralStatusCode : ushort
{
    /// <summary>SUCCESS.</summary>
    Success = 0,

    /// <summary>FAILURE.</summary>
    Failure = 1,

    /// <summary>BAD_PRECONDITION.</summary>
    BadPrecondition = 2,

    /// <summary>OUT_OF_RANGE.</summary>
    OutOfRange = 3,

    /// <summary>BAD_REQUEST.</summary>
    BadRequest = 4,

    /// <summary>UNSUPPORTED.</summary>
    Unsupported = 5,

    /// <summary>UNEXPECTED.</summary>
    Unexpected = 6,

    /// <summary>RESOURCE_EXHAUSTED.</summary>
    ResourceExhausted = 7,

    /// <summary>BUSY.</summary>
    Busy = 8,

    /// <summary>TIMEOUT.</summary>
    Timeout = 9,

    /// <summary>CONTINUE.</summary>
    Continue = 10,

    /// <summary>ABORTED.</summary>
    Aborted = 11,

    /// <summary>INVALID_ARGUMENT.</summary>
    InvalidArgument = 12,

    /// <summary>NOT_FOUND.</summary>
    NotFound = 13,

    /// <summary>ALREADY_EXISTS.</summary>
    AlreadyExists = 14,

    /// <summary>PERMISSION_DENIED.</summary>
    PermissionDenied = 15,

    /// <summary>DATA_LOSS.</summary>
    DataLoss = 16,
}

/// <summary>Protocol status codes of the Secure Channel protocol (Core Specification 4.11.1.4).</summary>
public enum SecureChannelStatusCode : ushort
{
    /// <summary>SESSION_ESTABLISHMENT_SUCCESS.</summary>
    SessionEstablishmentSuccess = 0,

    /// <summary>NO_SHARED_TRUST_ROOTS: no fabric matches a Sigma1's destination id.</summary>
    NoSharedTrustRoots = 1,

    /// <summary>INVALID_PARAMETER: a malformed or failed handshake message.</summary>
    InvalidParameter = 2,

    /// <summary>CLOSE_SESSION: the sender closes the session the report travels on.</summary>
    CloseSession = 3,

    /// <summary>BUSY: the responder cannot take the handshake now (with a minimum wait as protocol data).</summary>
    Busy = 4,

    /// <summary>SESSION_NOT_FOUND.</summary>
    SessionNotFound = 5,
}

/// <summary>
/// A StatusReport (Core Specification Appendix D): general code, protocol id (vendor in the high 16 bits),
/// protocol code, optional protocol data. All little endian.
/// </summary>
/// <param name="GeneralCode">The general status.</param>
/// <param name="ProtocolId">The protocol the code belongs to, vendor id in the high 16 bits.</param>
/// <param name="ProtocolCode">The protocol-specific code.</param>
/// <param name="ProtocolData">Optional data (BUSY: the minimum wait in ms as UInt16).</param>
public sealed record StatusReport(GeneralStatusCode GeneralCode, uint ProtocolId, ushort ProtocolCode, byte[] ProtocolData)
{
    /// <summary>A Secure Channel report.</summary>
    public static StatusReport SecureChannel(GeneralStatusCode general, SecureChannelStatusCode code, byte[]? data = null) =>
        new(general, 0, (ushort)code, data ?? []);

    /// <summary>The report a responder sends when a handshake succeeded.</summary>
    public static StatusReport Success => SecureChannel(GeneralStatusCode.Success, SecureChannelStatusCode.SessionEstablishmentSuccess);

    /// <summary>The report for a malformed or failed handshake message.</summary>
    public static StatusReport InvalidParameter => SecureChannel(GeneralStatusCode.Failure, SecureChannelStatusCode.InvalidParameter);

    /// <summary>True for a general SUCCESS with SESSION_ESTABLISHMENT_SUCCESS of the Secure Channel protocol.</summary>
    public bool IsSessionEstablishmentSuccess =>
        GeneralCode == GeneralStatusCode.Success && ProtocolId == 0 && ProtocolCode == (ushort)SecureChannelStatusCode.SessionEstablishmentSuccess;

    /// <summary>Encodes the report.</summary>
    public byte[] Encode()
    {
        var bytes = new byte[8 + ProtocolData.Length];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, (ushort)GeneralCode);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(2), ProtocolId);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(6), ProtocolCode);
        ProtocolData.CopyTo(bytes.AsSpan(8));
        return bytes;
    }

    /// <summary>Decodes a report.</summary>
    /// <exception cref="MessageFormatException">Fewer than 8 bytes.</exception>
    public static StatusReport Decode(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < 8)
        {
            throw new MessageFormatException($"A StatusReport has at least 8 bytes; this one has {payload.Length}.");
        }

        return new StatusReport(
            (GeneralStatusCode)BinaryPrimitives.ReadUInt16LittleEndian(payload),
            BinaryPrimitives.ReadUInt32LittleEndian(payload[2..]),
            BinaryPrimitives.ReadUInt16LittleEndian(payload[6..]),
            payload[8..].ToArray());
    }

    /// <inheritdoc/>
    public override string ToString() => $"StatusReport({GeneralCode}, protocol 0x{ProtocolId:X8}, code {ProtocolCode})";
}
