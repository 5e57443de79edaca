using System;
using System.Security.Cryptography;
using MatterGen.Transport.Certificates;
using MatterGen.Transport.Crypto;

namespace MatterGen.Transport.SecureChannel;

/// <summary>The key schedule and sealing of CASE (Core Specification 4.14.2.3 to 4.14.2.6).</summary>
internal static class CaseCrypto
{
    private static ReadOnlySpan<byte> Sigma2Nonce => "NCASE_Sigma2N"u8;

    private static ReadOnlySpan<byte> Sigma3Nonce => "NCASE_Sigma3N"u8;

    /// <summary>A fresh ephemeral P-256 key pair.</summary>
    public static ECDiffieHellman NewEphemeral() => ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);

    /// <summary>The ECDH shared secret with a peer's ephemeral key; null when the key is not a valid point.</summary>
    public static byte[]? SharedSecret(ECDiffieHellman ephemeral, byte[] peerPublicKey)
    {
        try
        {
            using var peer = ECDiffieHellman.Create(CertificateCrypto.PublicParameters(peerPublicKey));
            return ephemeral.DeriveRawSecretAgreement(peer.PublicKey);
        }
        catch (Exception error) when (error is CryptographicException or CertificateException)
        {
            return null;
        }
    }

    /// <summary>S2K = HKDF(shared, IPK || responder random || responder ephemeral key || SHA-256(Sigma1), "Sigma2").</summary>
    public static byte[] Sigma2Key(byte[] shared, byte[] ipk, byte[] responderRandom, byte[] responderKey, byte[] sigma1) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, shared, 16, [.. ipk, .. responderRandom, .. responderKey, .. SHA256.HashData(sigma1)], "Sigma2"u8.ToArray());

    /// <summary>S3K = HKDF(shared, IPK || SHA-256(Sigma1 || Sigma2), "Sigma3").</summary>
    public static byte[] Sigma3Key(byte[] shared, byte[] ipk, byte[] sigma1, byte[] sigma2) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, shared, 16, [.. ipk, .. SHA256.HashData([.. sigma1, .. sigma2])], "Sigma3"u8.ToArray());

    /// <summary>Session keys = HKDF(shared, IPK || SHA-256(Sigma1 || Sigma2 || Sigma3), "SessionKeys", 48).</summary>
    public static SessionKeys SessionKeys(byte[] shared, byte[] ipk, byte[] sigma1, byte[] sigma2, byte[] sigma3) =>
        Crypto.SessionKeys.Derive(shared, [.. ipk, .. SHA256.HashData([.. sigma1, .. sigma2, .. sigma3])], "SessionKeys"u8);

    /// <summary>AES-CCM with the Sigma2 or Sigma3 nonce, MIC appended.</summary>
    public static byte[] Seal(byte[] key, bool sigma2, byte[] plaintext)
    {
        var sealedBytes = new byte[plaintext.Length + MessageCipher.MicLength];
        using var aes = new AesCcm(key);
        aes.Encrypt(sigma2 ? Sigma2Nonce : Sigma3Nonce, plaintext, sealedBytes.AsSpan(0, plaintext.Length), sealedBytes.AsSpan(plaintext.Length));
        return sealedBytes;
    }

    /// <summary>Opens what <see cref="Seal"/> made; null when it does not authenticate.</summary>
    public static byte[]? Open(byte[] key, bool sigma2, byte[] sealedBytes)
    {
        if (sealedBytes.Length <= MessageCipher.MicLength)
        {
            return null;
        }

        var plaintext = new byte[sealedBytes.Length - MessageCipher.MicLength];
        using var aes = new AesCcm(key);
        try
        {
            aes.Decrypt(sigma2 ? Sigma2Nonce : Sigma3Nonce, sealedBytes.AsSpan(0, plaintext.Length), sealedBytes.AsSpan(plaintext.Length), plaintext);
            return plaintext;
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }

    /// <summary>
    /// Opens a peer's TBEData, validates its NOC chain against <paramref name="root"/> and the expected fabric,
    /// and checks its signature over the TBS data; any failure is INVALID_PARAMETER.
    /// </summary>
    public static (ValidatedChain Chain, TbeData Tbe) VerifyPeer(byte[] key, bool sigma2, byte[] sealedBytes, MatterCertificate root, ulong fabricId, byte[] peerEphemeral, byte[] ownEphemeral, DateTimeOffset? at)
    {
        var plaintext = Open(key, sigma2, sealedBytes)
            ?? throw new SessionEstablishmentException("The encrypted Sigma payload does not authenticate", StatusReport.InvalidParameter);
        var tbe = Handshake.Decode<TbeData>(plaintext, bytes => TbeData.Decode(bytes.Span, sigma2), sigma2 ? "TBEData2" : "TBEData3");
        ValidatedChain chain;
        try
        {
            var noc = MatterCertificate.FromTlv(tbe.Noc);
            var icac = tbe.Icac is null ? null : MatterCertificate.FromTlv(tbe.Icac);
            chain = CertificateValidator.ValidateChain(noc, icac, root, at);
            if (chain.FabricId != fabricId)
            {
                throw new CertificateException("The peer's NOC is for another fabric.");
            }

            if (!CertificateCrypto.Verify(noc.PublicKey, TbsData.Encode(tbe.Noc, tbe.Icac, peerEphemeral, ownEphemeral), tbe.Signature))
            {
                throw new CertificateException("The peer's TBS signature does not verify with its NOC key.");
            }
        }
        catch (CertificateException error)
        {
            throw new SessionEstablishmentException("The peer's credentials are not valid: " + error.Message, StatusReport.InvalidParameter, error);
        }

        return (chain, tbe);
    }
}
