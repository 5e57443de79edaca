using System;
using System.Buffers.Binary;
using System.Security.Cryptography;

namespace MatterGen.Commissioning.Discovery;

/// <summary>
/// The compressed fabric identifier that names a node's operational advertisement (Matter Core 4.3.2.2):
/// the first 8 bytes of HKDF-SHA256 with the root CA's public key (without its 0x04 prefix) as input key material,
/// the 64-bit fabric id (big-endian) as salt and "CompressedFabric" as info.
/// </summary>
public static class CompressedFabricId
{
    private static readonly byte[] Info = "CompressedFabric"u8.ToArray();

    /// <summary>
    /// Computes it from the root public key (65 bytes uncompressed, 0x04 first) and the fabric id; throws
    /// <see cref="ArgumentException"/> for a key of another form.
    /// </summary>
    public static ulong Compute(ReadOnlySpan<byte> rootPublicKey, ulong fabricId)
    {
        if (rootPublicKey.Length != 65 || rootPublicKey[0] != 0x04)
        {
            throw new ArgumentException("The root public key is an uncompressed P-256 point: 65 bytes starting with 0x04.", nameof(rootPublicKey));
        }

        Span<byte> salt = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(salt, fabricId);
        Span<byte> output = stackalloc byte[8];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, rootPublicKey[1..], output, salt, Info);
        return BinaryPrimitives.ReadUInt64BigEndian(output);
    }
}
