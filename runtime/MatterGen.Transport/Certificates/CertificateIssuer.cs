using System.Collections.Immutable;
using System.Security.Cryptography;

namespace MatterGen.Transport.Certificates;

/// <summary>
/// Issues Matter operational certificates (what a commissioner's CA does, and what tests need): RCAC, ICAC and NOC
/// with the spec's extensions, signed over the DER TBS.
/// </summary>
public static class CertificateIssuer
{
    /// <summary>A self-signed root.</summary>
    public static MatterCertificate CreateRoot(ECDsa key, ulong rcacId, uint notBefore, uint notAfter, ulong? fabricId = null)
    {
        var publicKey = CertificateCrypto.PublicKeyOf(key);
        var subject = ImmutableArray.Create(DnAttribute.Id(DnAttribute.RcacId, rcacId));
        if (fabricId is { } fabric)
        {
            subject = subject.Add(DnAttribute.Id(DnAttribute.FabricId, fabric));
        }

        var keyId = CertificateCrypto.KeyIdentifier(publicKey);
        return Sign(Unsigned(subject, subject, publicKey, notBefore, notAfter, CaExtensions(keyId, keyId)), key);
    }

    /// <summary>An intermediate issued by <paramref name="root"/>.</summary>
    public static MatterCertificate CreateIntermediate(MatterCertificate root, ECDsa rootKey, byte[] publicKey, ulong icacId, ulong fabricId, uint notBefore, uint notAfter) =>
        Sign(
            Unsigned(
                ImmutableArray.Create(DnAttribute.Id(DnAttribute.IcacId, icacId), DnAttribute.Id(DnAttribute.FabricId, fabricId)),
                root.Subject,
                publicKey,
                notBefore,
                notAfter,
                CaExtensions(CertificateCrypto.KeyIdentifier(publicKey), root.SubjectKeyIdentifier!, pathLength: 0)),
            rootKey);

    /// <summary>A NOC for <paramref name="publicKey"/> issued by <paramref name="issuer"/> (an RCAC or ICAC).</summary>
    public static MatterCertificate CreateNoc(MatterCertificate issuer, ECDsa issuerKey, byte[] publicKey, ulong nodeId, ulong fabricId, uint notBefore, uint notAfter, params uint[] caseAuthenticatedTags)
    {
        var subject = ImmutableArray.Create(DnAttribute.Id(DnAttribute.NodeId, nodeId), DnAttribute.Id(DnAttribute.FabricId, fabricId));
        foreach (var tag in caseAuthenticatedTags)
        {
            subject = subject.Add(DnAttribute.Id(DnAttribute.CaseAuthenticatedTag, tag));
        }

        var extensions = ImmutableArray.Create(
            new CertificateExtension(CertificateExtensionKind.BasicConstraints, IsCa: false),
            new CertificateExtension(CertificateExtensionKind.KeyUsage, Usage: KeyUsage.DigitalSignature),
            new CertificateExtension(CertificateExtensionKind.ExtendedKeyUsage, KeyPurposes: [2, 1]),
            new CertificateExtension(CertificateExtensionKind.SubjectKeyIdentifier, Bytes: CertificateCrypto.KeyIdentifier(publicKey)),
            new CertificateExtension(CertificateExtensionKind.AuthorityKeyIdentifier, Bytes: issuer.SubjectKeyIdentifier));
        return Sign(Unsigned(subject, issuer.Subject, publicKey, notBefore, notAfter, extensions), issuerKey);
    }

    /// <summary>Signs a certificate's DER TBS with <paramref name="issuerKey"/>.</summary>
    public static MatterCertificate Sign(MatterCertificate certificate, ECDsa issuerKey) =>
        certificate with { Signature = CertificateCrypto.Sign(issuerKey, certificate.ToDerTbs()) };

    private static MatterCertificate Unsigned(ImmutableArray<DnAttribute> subject, ImmutableArray<DnAttribute> issuer, byte[] publicKey, uint notBefore, uint notAfter, ImmutableArray<CertificateExtension> extensions) => new()
    {
        SerialNumber = SerialNumber(),
        Issuer = issuer,
        NotBefore = notBefore,
        NotAfter = notAfter,
        Subject = subject,
        PublicKey = publicKey,
        Extensions = extensions,
        Signature = new byte[64],
    };

    private static ImmutableArray<CertificateExtension> CaExtensions(byte[] subjectKeyId, byte[] authorityKeyId, byte? pathLength = null) => ImmutableArray.Create(
        new CertificateExtension(CertificateExtensionKind.BasicConstraints, IsCa: true, PathLength: pathLength),
        new CertificateExtension(CertificateExtensionKind.KeyUsage, Usage: KeyUsage.KeyCertSign | KeyUsage.CrlSign),
        new CertificateExtension(CertificateExtensionKind.SubjectKeyIdentifier, Bytes: subjectKeyId),
        new CertificateExtension(CertificateExtensionKind.AuthorityKeyIdentifier, Bytes: authorityKeyId));

    /// <summary>A positive 8-byte serial number in minimal DER INTEGER form.</summary>
    private static byte[] SerialNumber()
    {
        var serial = RandomNumberGenerator.GetBytes(8);
        serial[0] = (byte)((serial[0] & 0x7F) | 0x01);
        return serial;
    }
}
