using System;
using System.Security.Cryptography;

namespace MatterGen.Transport.Certificates;

/// <summary>P-256 keys and ECDSA-with-SHA256 in the raw forms Matter uses (65-byte points, r || s signatures).</summary>
public static class CertificateCrypto
{
    /// <summary>An ECDSA/ECDH public key from an uncompressed point.</summary>
    /// <exception cref="CertificateException">Not an uncompressed P-256 point.</exception>
    public static ECParameters PublicParameters(ReadOnlySpan<byte> point)
    {
        if (point.Length != 65 || point[0] != 0x04)
        {
            throw new CertificateException("A public key is an uncompressed P-256 point of 65 bytes.");
        }

        return new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = point[1..33].ToArray(), Y = point[33..].ToArray() },
        };
    }

    /// <summary>Verifies an r || s signature over <paramref name="data"/> with a public key; false for a bad key or signature.</summary>
    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != 64)
        {
            return false;
        }

        try
        {
            using var key = ECDsa.Create(PublicParameters(publicKey));
            return key.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
        catch (Exception error) when (error is CryptographicException or CertificateException)
        {
            return false;
        }
    }

    /// <summary>Signs <paramref name="data"/> as r || s.</summary>
    public static byte[] Sign(ECDsa key, ReadOnlySpan<byte> data) =>
        key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    /// <summary>The uncompressed public point of a key.</summary>
    public static byte[] PublicKeyOf(ECDsa key)
    {
        var parameters = key.ExportParameters(false);
        return [0x04, .. parameters.Q.X!, .. parameters.Q.Y!];
    }

    /// <summary>The uncompressed public point of an ECDH key.</summary>
    public static byte[] PublicKeyOf(ECDiffieHellman key)
    {
        var parameters = key.ExportParameters(false);
        return [0x04, .. parameters.Q.X!, .. parameters.Q.Y!];
    }

    /// <summary>The key identifier of a public key: SHA-1 of the point (RFC 5280 method 1, as the spec requires).</summary>
    public static byte[] KeyIdentifier(ReadOnlySpan<byte> publicKey)
    {
#pragma warning disable CA5350 // SHA-1 is what the Matter spec prescribes for key identifiers, not a security use.
        return SHA1.HashData(publicKey);
#pragma warning restore CA5350
    }
}
