using System;
using System.Linq;
using System.Security.Cryptography;
using MatterGen.DataModel;
using MatterGen.Tests;
using MatterGen.Transport.Certificates;
using MatterGen.Transport.Tests.Support;
using Xunit;

namespace MatterGen.Transport.Tests.Certificates;

/// <summary>matter.js's RCAC, ICAC and NOCs: TLV ⇄ DER byte for byte, fields, signatures and chains.</summary>
public class CertificateVectorTests
{
    public static TheoryIndexes Certificates => ChannelVectors.Indexes("certificates");

    [SharedTheory]
    [MemberData(nameof(Certificates))]
    public void Tlv_and_der_convert_both_ways_byte_equal(int index)
    {
        var vector = ChannelVectors.Section("certificates")[index];
        var tlv = vector.Hex("matterTlv");
        var der = vector.Hex("x509Der");

        var fromTlv = MatterCertificate.FromTlv(tlv);
        Assert.Equal(Convert.ToHexString(der), Convert.ToHexString(fromTlv.ToDer()));
        Assert.Equal(Convert.ToHexString(tlv), Convert.ToHexString(fromTlv.ToTlv()));

        var fromDer = MatterCertificate.FromDer(der);
        Assert.Equal(Convert.ToHexString(tlv), Convert.ToHexString(fromDer.ToTlv()));

        Assert.Equal(vector.Hex("serialNumber"), fromTlv.SerialNumber);
        Assert.Equal(vector.GetProperty("notBefore").GetUInt32(), fromTlv.NotBefore);
        Assert.Equal(vector.GetProperty("notAfter").GetUInt32(), fromTlv.NotAfter);
        Assert.Equal(vector.Hex("publicKey"), fromTlv.PublicKey);
        Assert.Equal(vector.Hex("signature"), fromTlv.Signature);
        var extensions = vector.GetProperty("extensions");
        Assert.Equal(extensions.GetProperty("keyUsage").GetUInt16(), (ushort)fromTlv.KeyUsage!.Value);
        Assert.Equal(extensions.Hex("subjectKeyIdentifier"), fromTlv.SubjectKeyIdentifier);
        Assert.Equal(extensions.Hex("authorityKeyIdentifier"), fromTlv.AuthorityKeyIdentifier);
        Assert.Equal(extensions.GetProperty("basicConstraints").GetProperty("isCa").GetBoolean(), fromTlv.IsCa);

        // The same DER parses with .NET's X.509 reader, and the signature verifies with the issuer's key.
        using var x509 = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(der);
        Assert.Equal(vector.Text("serialNumber").ToUpperInvariant(), x509.SerialNumber);
        var issuerKey = IssuerPublicKey(vector.Text("signedBy"));
        Assert.True(CertificateCrypto.Verify(issuerKey, fromTlv.ToDerTbs(), fromTlv.Signature));
    }

    [SharedFact]
    public void Chains_validate_through_the_icac_and_directly_from_the_root()
    {
        var (rcac, icac, nocByIcac, nocByRoot) = Load();
        var at = MatterEpoch.Zero.AddSeconds(800_000_000);

        var viaIcac = CertificateValidator.ValidateChain(nocByIcac, icac, rcac, at);
        Assert.Equal(0xDEDEDEDEDE000001UL, viaIcac.NodeId);
        Assert.Equal(0xFAB000000000001DUL, viaIcac.FabricId);
        Assert.Equal(new uint[] { 0x00010001, 0xABCD0002 }, viaIcac.CaseAuthenticatedTags.ToArray());

        var direct = CertificateValidator.ValidateChain(nocByRoot, null, rcac, at);
        Assert.Equal(112233UL, direct.NodeId);
    }

    [SharedFact]
    public void Broken_chains_are_refused()
    {
        var (rcac, icac, nocByIcac, nocByRoot) = Load();
        var at = MatterEpoch.Zero.AddSeconds(800_000_000);

        // Expired (the RCAC-issued NOC ends in 2034) and not yet valid.
        Assert.Throws<CertificateException>(() => CertificateValidator.ValidateChain(nocByRoot, null, rcac, MatterEpoch.Zero.AddSeconds(1_200_000_000)));
        Assert.Throws<CertificateException>(() => CertificateValidator.ValidateChain(nocByRoot, null, rcac, MatterEpoch.Zero.AddSeconds(700_000_000)));

        // A NOC from another root.
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var otherRoot = CertificateIssuer.CreateRoot(otherKey, 0xCACACACA00000001, 757382400, 0);
        Assert.Throws<CertificateException>(() => CertificateValidator.ValidateChain(nocByRoot, null, otherRoot, at));

        // The ICAC missing from a chain that needs it; a tampered signature.
        Assert.Throws<CertificateException>(() => CertificateValidator.ValidateChain(nocByIcac, null, rcac, at));
        var tampered = nocByRoot with { Signature = nocByRoot.Signature.Select((b, i) => i == 10 ? (byte)(b ^ 1) : b).ToArray() };
        Assert.Throws<CertificateException>(() => CertificateValidator.ValidateChain(tampered, null, rcac, at));

        // A CA certificate where the NOC belongs.
        Assert.Throws<CertificateException>(() => CertificateValidator.ValidateChain(icac, null, rcac, at));
    }

    [SharedFact]
    public void Malformed_certificates_give_the_certificate_error()
    {
        var (rcac, _, _, _) = Load();
        var tlv = rcac.ToTlv();
        var der = rcac.ToDer();
        for (var cut = 0; cut < tlv.Length; cut += 7)
        {
            Assert.Throws<CertificateException>(() => MatterCertificate.FromTlv(tlv.AsSpan(0, cut)));
        }

        for (var cut = 0; cut < der.Length; cut += 7)
        {
            Assert.Throws<CertificateException>(() => MatterCertificate.FromDer(der.AsSpan(0, cut)));
        }

        var shortKey = (byte[])tlv.Clone();
        Assert.Throws<CertificateException>(() => MatterCertificate.FromTlv(shortKey.AsSpan(0, tlv.Length - 1)));
    }

    [Fact]
    public void Issued_chains_validate_and_the_csr_carries_the_key()
    {
        using var rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var icacKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var nodeKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var root = CertificateIssuer.CreateRoot(rootKey, 1, 757382400, 0);
        var icac = CertificateIssuer.CreateIntermediate(root, rootKey, CertificateCrypto.PublicKeyOf(icacKey), 2, 0x1234, 757382400, 0);
        var csr = OperationalCsr.CreateCsr(nodeKey);
        var noc = CertificateIssuer.CreateNoc(icac, icacKey, OperationalCsr.PublicKeyOfCsr(csr), 0x42, 0x1234, 757382400, 0, 0x00020003);

        var chain = CertificateValidator.ValidateChain(MatterCertificate.FromTlv(noc.ToTlv()), MatterCertificate.FromDer(icac.ToDer()), root, DateTimeOffset.UtcNow);
        Assert.Equal(0x42UL, chain.NodeId);
        Assert.Equal(CertificateCrypto.PublicKeyOf(nodeKey), noc.PublicKey);
        Assert.Equal(new uint[] { 0x00020003 }, chain.CaseAuthenticatedTags.ToArray());
        Assert.Throws<ArgumentException>(() => OperationalCsr.CreateNocsrElements(csr, new byte[31]));
        Assert.NotEmpty(OperationalCsr.CreateNocsrElements(csr, new byte[32]));
    }

    [Fact]
    public void Signatures_with_leading_zero_bytes_convert_both_ways()
    {
        using var rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var root = CertificateIssuer.CreateRoot(rootKey, 1, 757382400, 0);
        var signature = new byte[64];
        signature[1] = 0x7F;
        signature[32 + 3] = 0x80;
        var odd = root with { Signature = signature };

        var der = odd.ToDer();
        Assert.Equal(signature, MatterCertificate.FromDer(der).Signature);
        Assert.Equal(odd.ToTlv(), MatterCertificate.FromDer(der).ToTlv());
    }

    internal static (MatterCertificate Rcac, MatterCertificate Icac, MatterCertificate NocByIcac, MatterCertificate NocByRoot) Load()
    {
        var certificates = ChannelVectors.Section("certificates");
        MatterCertificate At(int i) => MatterCertificate.FromTlv(certificates[i].Hex("matterTlv"));
        return (At(0), At(1), At(2), At(3));
    }

    private static byte[] IssuerPublicKey(string label)
    {
        foreach (var certificate in ChannelVectors.Section("certificates").EnumerateArray())
        {
            if (certificate.Text("keyLabel") == label)
            {
                return certificate.Hex("publicKey");
            }
        }

        throw new InvalidOperationException("no key " + label);
    }
}
