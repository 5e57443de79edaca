using System;
using System.Collections.Immutable;
using System.Linq;
using MatterGen.DataModel;

namespace MatterGen.Transport.Certificates;

/// <summary>What a valid NOC chain says about its subject.</summary>
/// <param name="NodeId">The NOC's matter-node-id.</param>
/// <param name="FabricId">The matter-fabric-id.</param>
/// <param name="RootPublicKey">The trusted root's public key.</param>
/// <param name="CaseAuthenticatedTags">The NOC's CATs.</param>
public sealed record ValidatedChain(ulong NodeId, ulong FabricId, byte[] RootPublicKey, ImmutableArray<uint> CaseAuthenticatedTags);

/// <summary>
/// Validates a NOC → (ICAC) → RCAC chain (Core Specification 6.5.x, 6.6): every signature over the DER TBS,
/// validity at the given time, the profile of each certificate (ids present, CA flags, key usages, key
/// identifiers), names chaining, and one fabric id throughout.
/// </summary>
public static class CertificateValidator
{
    /// <summary>The highest operational node id.</summary>
    public const ulong MaxOperationalNodeId = 0xFFFF_FFEF_FFFF_FFFF;

    /// <summary>Validates the chain; <paramref name="at"/> null skips the validity-period check (no trusted time).</summary>
    /// <exception cref="CertificateException">Any rule broken; the message says which.</exception>
    public static ValidatedChain ValidateChain(MatterCertificate noc, MatterCertificate? icac, MatterCertificate rcac, DateTimeOffset? at)
    {
        ValidateRoot(rcac, at);
        var issuer = rcac;
        if (icac is not null)
        {
            CheckCa(icac, "ICAC");
            if (icac.IcacId is null || icac.RcacId is not null || icac.NodeId is not null)
            {
                throw new CertificateException("An ICAC's subject has a matter-icac-id and no rcac or node id.");
            }

            CheckIssued(icac, rcac, at, "ICAC");
            issuer = icac;
        }

        if (noc.IsCa || noc.BasicConstraints is null)
        {
            throw new CertificateException("A NOC has basic constraints with is-ca false.");
        }

        if (noc.KeyUsage != KeyUsage.DigitalSignature)
        {
            throw new CertificateException("A NOC's key usage is digitalSignature only.");
        }

        var purposes = noc.Extension(CertificateExtensionKind.ExtendedKeyUsage)?.KeyPurposes ?? [];
        if (!purposes.Contains((byte)1) || !purposes.Contains((byte)2))
        {
            throw new CertificateException("A NOC's extended key usage has serverAuth and clientAuth.");
        }

        if (noc.NodeId is not { } nodeId || nodeId is 0 or > MaxOperationalNodeId)
        {
            throw new CertificateException("A NOC's subject has an operational matter-node-id.");
        }

        if (noc.FabricId is not { } fabricId || fabricId == 0)
        {
            throw new CertificateException("A NOC's subject has a non-zero matter-fabric-id.");
        }

        var tags = noc.CaseAuthenticatedTags;
        if (tags.Length > 3 || tags.Any(tag => (tag & 0xFFFF) == 0))
        {
            throw new CertificateException("A NOC has at most 3 CATs, each with a non-zero version.");
        }

        CheckIssued(noc, issuer, at, "NOC");
        foreach (var certificate in new[] { icac, rcac })
        {
            if (certificate?.FabricId is { } other && other != fabricId)
            {
                throw new CertificateException("The chain's certificates name different fabrics.");
            }
        }

        return new ValidatedChain(nodeId, fabricId, rcac.PublicKey, tags);
    }

    /// <summary>Validates a root certificate on its own (self-signed CA with a matter-rcac-id).</summary>
    /// <exception cref="CertificateException">Any rule broken.</exception>
    public static void ValidateRoot(MatterCertificate rcac, DateTimeOffset? at)
    {
        CheckCa(rcac, "RCAC");
        if (rcac.RcacId is null || rcac.NodeId is not null || rcac.IcacId is not null)
        {
            throw new CertificateException("An RCAC's subject has a matter-rcac-id and no node or icac id.");
        }

        if (!MatterCertificate.SameName(rcac.Subject, rcac.Issuer))
        {
            throw new CertificateException("An RCAC is self-issued (issuer = subject).");
        }

        if (rcac.AuthorityKeyIdentifier is { } authority && !authority.AsSpan().SequenceEqual(rcac.SubjectKeyIdentifier))
        {
            throw new CertificateException("An RCAC's authority key id is its own subject key id.");
        }

        CheckTime(rcac, at, "RCAC");
        if (!CertificateCrypto.Verify(rcac.PublicKey, rcac.ToDerTbs(), rcac.Signature))
        {
            throw new CertificateException("The RCAC's self-signature does not verify.");
        }
    }

    private static void CheckCa(MatterCertificate certificate, string role)
    {
        if (!certificate.IsCa)
        {
            throw new CertificateException($"An {role} has basic constraints with is-ca true.");
        }

        var usage = certificate.KeyUsage ?? KeyUsage.None;
        if ((usage & KeyUsage.KeyCertSign) == 0 || (usage & KeyUsage.CrlSign) == 0 || (usage & KeyUsage.DigitalSignature) != 0)
        {
            throw new CertificateException($"An {role}'s key usage is keyCertSign and cRLSign.");
        }

        if (certificate.SubjectKeyIdentifier is null)
        {
            throw new CertificateException($"An {role} has a subject key identifier.");
        }
    }

    private static void CheckIssued(MatterCertificate certificate, MatterCertificate issuer, DateTimeOffset? at, string role)
    {
        if (!MatterCertificate.SameName(certificate.Issuer, issuer.Subject))
        {
            throw new CertificateException($"The {role}'s issuer is not its issuing certificate's subject.");
        }

        if (certificate.SubjectKeyIdentifier is null || certificate.AuthorityKeyIdentifier is not { } authority
            || !authority.AsSpan().SequenceEqual(issuer.SubjectKeyIdentifier))
        {
            throw new CertificateException($"The {role}'s authority key id is not its issuer's subject key id.");
        }

        CheckTime(certificate, at, role);
        if (!CertificateCrypto.Verify(issuer.PublicKey, certificate.ToDerTbs(), certificate.Signature))
        {
            throw new CertificateException($"The {role}'s signature does not verify with its issuer's key.");
        }
    }

    private static void CheckTime(MatterCertificate certificate, DateTimeOffset? at, string role)
    {
        if (at is not { } now)
        {
            return;
        }

        var notBefore = MatterEpoch.Zero.AddSeconds(certificate.NotBefore);
        if (now < notBefore)
        {
            throw new CertificateException($"The {role} is not valid before {notBefore:u}.");
        }

        if (certificate.NotAfter != 0 && now > MatterEpoch.Zero.AddSeconds(certificate.NotAfter))
        {
            throw new CertificateException($"The {role} expired at {MatterEpoch.Zero.AddSeconds(certificate.NotAfter):u}.");
        }
    }
}
