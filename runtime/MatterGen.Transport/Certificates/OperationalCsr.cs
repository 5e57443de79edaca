using System;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MatterGen.Tlv;
using MatterGen.Transport.Internal;

namespace MatterGen.Transport.Certificates;

/// <summary>
/// The certificate signing request of CSRRequest (Core Specification 11.18.6.5): a PKCS#10 request for the node's
/// new operational key, wrapped in the NOCSR elements TLV {1: csr, 2: CSRNonce}.
/// </summary>
public static class OperationalCsr
{
    /// <summary>A DER PKCS#10 request signed with <paramref name="operationalKey"/> (subject "O=CSR", as the reference SDK uses a placeholder).</summary>
    public static byte[] CreateCsr(ECDsa operationalKey)
    {
        var request = new CertificateRequest(new X500DistinguishedName("O=CSR"), operationalKey, HashAlgorithmName.SHA256);
        return request.CreateSigningRequest();
    }

    /// <summary>The NOCSR elements: the CSR and the commissioner's 32-byte nonce.</summary>
    /// <exception cref="ArgumentException">A nonce that is not 32 bytes.</exception>
    public static byte[] CreateNocsrElements(byte[] csr, ReadOnlySpan<byte> csrNonce)
    {
        if (csrNonce.Length != 32)
        {
            throw new ArgumentException("The CSRNonce has 32 bytes.", nameof(csrNonce));
        }

        var nonce = csrNonce.ToArray();
        return TlvCoding.Encode((ref TlvWriter writer) =>
        {
            writer.StartStructure(TlvTag.Anonymous);
            writer.WriteOctetString(TlvTag.Context(1), csr);
            writer.WriteOctetString(TlvTag.Context(2), nonce);
            writer.EndContainer();
        });
    }

    /// <summary>The public key of a PKCS#10 request, after checking its self-signature (what a commissioner does).</summary>
    /// <exception cref="CertificateException">Not a valid P-256 request.</exception>
    public static byte[] PublicKeyOfCsr(byte[] csr)
    {
        try
        {
            var request = CertificateRequest.LoadSigningRequest(csr, HashAlgorithmName.SHA256, CertificateRequestLoadOptions.Default);
            using var key = request.PublicKey.GetECDsaPublicKey() ?? throw new CertificateException("The CSR's key is not an EC key.");
            return CertificateCrypto.PublicKeyOf(key);
        }
        catch (CryptographicException error)
        {
            throw new CertificateException("The CSR is malformed or its signature does not verify.", error);
        }
    }
}
