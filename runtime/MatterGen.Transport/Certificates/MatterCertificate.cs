using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace MatterGen.Transport.Certificates;

/// <summary>
/// A Matter operational certificate (RCAC, ICAC or NOC) in its Matter TLV form (Core Specification 6.5.2). The
/// signature is over the X.509 DER TBS certificate, which <see cref="CertificateDer"/> rebuilds bit for bit.
/// </summary>
public sealed record MatterCertificate
{
    /// <summary>The serial number: the DER INTEGER's content bytes (1 to 20).</summary>
    public required byte[] SerialNumber { get; init; }

    /// <summary>The issuer's distinguished name, in order.</summary>
    public required ImmutableArray<DnAttribute> Issuer { get; init; }

    /// <summary>notBefore in Matter epoch seconds.</summary>
    public required uint NotBefore { get; init; }

    /// <summary>notAfter in Matter epoch seconds; 0 means no well-defined expiration (99991231235959Z).</summary>
    public required uint NotAfter { get; init; }

    /// <summary>The subject's distinguished name, in order.</summary>
    public required ImmutableArray<DnAttribute> Subject { get; init; }

    /// <summary>The subject's P-256 public key (uncompressed, 65 bytes).</summary>
    public required byte[] PublicKey { get; init; }

    /// <summary>The extensions, in order.</summary>
    public required ImmutableArray<CertificateExtension> Extensions { get; init; }

    /// <summary>The ECDSA-with-SHA256 signature as r || s (64 bytes).</summary>
    public required byte[] Signature { get; init; }

    /// <summary>The subject's matter-node-id, when present (NOC).</summary>
    public ulong? NodeId => Find(Subject, DnAttribute.NodeId);

    /// <summary>The subject's matter-fabric-id, when present.</summary>
    public ulong? FabricId => Find(Subject, DnAttribute.FabricId);

    /// <summary>The subject's matter-rcac-id, when present (RCAC).</summary>
    public ulong? RcacId => Find(Subject, DnAttribute.RcacId);

    /// <summary>The subject's matter-icac-id, when present (ICAC).</summary>
    public ulong? IcacId => Find(Subject, DnAttribute.IcacId);

    /// <summary>The subject's CASE Authenticated Tags.</summary>
    public ImmutableArray<uint> CaseAuthenticatedTags =>
        Subject.Where(attribute => attribute.Tag == DnAttribute.CaseAuthenticatedTag).Select(attribute => (uint)attribute.Number).ToImmutableArray();

    /// <summary>The basic-constraints extension, when present.</summary>
    public CertificateExtension? BasicConstraints => Extension(CertificateExtensionKind.BasicConstraints);

    /// <summary>The key-usage bits, when the extension is present.</summary>
    public KeyUsage? KeyUsage => Extension(CertificateExtensionKind.KeyUsage)?.Usage;

    /// <summary>The subject key identifier, when present.</summary>
    public byte[]? SubjectKeyIdentifier => Extension(CertificateExtensionKind.SubjectKeyIdentifier)?.Bytes;

    /// <summary>The authority key identifier, when present.</summary>
    public byte[]? AuthorityKeyIdentifier => Extension(CertificateExtensionKind.AuthorityKeyIdentifier)?.Bytes;

    /// <summary>True when the subject is a CA (basic-constraints is-ca).</summary>
    public bool IsCa => BasicConstraints?.IsCa == true;

    /// <summary>The first extension of a kind.</summary>
    public CertificateExtension? Extension(CertificateExtensionKind kind) => Extensions.FirstOrDefault(extension => extension.Kind == kind);

    /// <summary>Parses the Matter TLV form.</summary>
    /// <exception cref="CertificateException">Malformed.</exception>
    public static MatterCertificate FromTlv(ReadOnlySpan<byte> tlv) => CertificateTlv.Decode(tlv);

    /// <summary>Converts an X.509 DER certificate to the Matter form (only exact conversions succeed).</summary>
    /// <exception cref="CertificateException">Not a certificate Matter can represent.</exception>
    public static MatterCertificate FromDer(ReadOnlySpan<byte> der) => CertificateDer.Decode(der);

    /// <summary>The Matter TLV form.</summary>
    public byte[] ToTlv() => CertificateTlv.Encode(this);

    /// <summary>The X.509 DER form.</summary>
    public byte[] ToDer() => CertificateDer.Encode(this);

    /// <summary>The DER TBSCertificate: the bytes the signature covers.</summary>
    public byte[] ToDerTbs() => CertificateDer.EncodeTbs(this);

    /// <summary>Two distinguished names are the same (same attributes in the same order).</summary>
    public static bool SameName(IReadOnlyList<DnAttribute> left, IReadOnlyList<DnAttribute> right) => left.SequenceEqual(right);

    private static ulong? Find(ImmutableArray<DnAttribute> name, byte tag)
    {
        foreach (var attribute in name)
        {
            if (attribute.Tag == tag)
            {
                return attribute.Number;
            }
        }

        return null;
    }
}
