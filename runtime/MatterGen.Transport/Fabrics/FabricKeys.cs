using System;
using System.Buffers.Binary;
using System.Security.Cryptography;

namespace MatterGen.Transport.Fabrics;

/// <summary>
/// The derived identifiers of a fabric (Core Specification 4.3.2.2, 4.14.2.4, 4.17.2): the compressed fabric id,
/// the operational group key (IPK) from its epoch key, and the CASE destination identifier.
/// </summary>
public static class FabricKeys
{
    /// <summary>
    /// HKDF-SHA256(IKM = root public key without its 0x04 prefix, salt = fabric id big endian, info =
    /// "CompressedFabric", 8 bytes).
    /// </summary>
    public static byte[] CompressedFabricId(ReadOnlySpan<byte> rootPublicKey, ulong fabricId)
    {
        if (rootPublicKey.Length != 65)
        {
            throw new ArgumentException("The root public key is an uncompressed P-256 point.", nameof(rootPublicKey));
        }

        Span<byte> fabric = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(fabric, fabricId);
        var output = new byte[8];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, rootPublicKey[1..], output, fabric, "CompressedFabric"u8);
        return output;
    }

    /// <summary>The operational IPK: HKDF-SHA256(epoch key, salt = compressed fabric id, info = "GroupKey v1.0", 16).</summary>
    public static byte[] OperationalGroupKey(ReadOnlySpan<byte> epochKey, ReadOnlySpan<byte> compressedFabricId)
    {
        var output = new byte[16];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, epochKey, output, compressedFabricId, "GroupKey v1.0"u8);
        return output;
    }

    /// <summary>
    /// The Sigma1 destination identifier: HMAC-SHA256(IPK, initiator random || root public key || fabric id (LE) ||
    /// node id (LE)).
    /// </summary>
    public static byte[] DestinationId(ReadOnlySpan<byte> ipk, ReadOnlySpan<byte> initiatorRandom, ReadOnlySpan<byte> rootPublicKey, ulong fabricId, ulong nodeId)
    {
        Span<byte> message = stackalloc byte[32 + 65 + 8 + 8];
        initiatorRandom.CopyTo(message);
        rootPublicKey.CopyTo(message[32..]);
        BinaryPrimitives.WriteUInt64LittleEndian(message[97..], fabricId);
        BinaryPrimitives.WriteUInt64LittleEndian(message[105..], nodeId);
        return HMACSHA256.HashData(ipk, message);
    }
}
