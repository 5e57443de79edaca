using System;
using System.Formats.Asn1;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MatterGen.Commissioning.Attestation;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace MatterGen.Commissioning.Tests.Attestation;

public sealed class DevelopmentChainTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);
    private readonly AttestationCredentials credentials = DevelopmentAttestation.Create(0xFFF1, 0x8000, 0x050C, new FakeTimeProvider(Now));

    public void Dispose() => credentials.Dispose();

    [Fact]
    public void Chain_validates_against_the_Matter_test_PAA()
    {
        using var paa = DevelopmentAttestation.TestPaa();
        Assert.True(Build(paa, out var status), string.Join("; ", status));
    }

    [Fact]
    public void Chain_does_not_validate_against_another_root()
    {
        using var other = DevelopmentAttestation.TestCdSigner();
        Assert.False(Build(other, out _));
    }

    [Fact]
    public void DAC_follows_the_Matter_profile()
    {
        using var dac = X509CertificateLoader.LoadCertificate(credentials.Dac);
        using var pai = X509CertificateLoader.LoadCertificate(credentials.Pai);
        Assert.Equal(3, dac.Version);
        Assert.Equal("1.2.840.10045.4.3.2", dac.SignatureAlgorithm.Value);
        Assert.Equal("06082A8648CE3D030107", Convert.ToHexString(dac.PublicKey.EncodedParameters!.RawData!)); // prime256v1
        Assert.Equal(("FFF1", "8000"), (Attribute(dac, MatterCertificateOids.VendorId), Attribute(dac, MatterCertificateOids.ProductId)));

        var constraints = dac.Extensions.OfType<X509BasicConstraintsExtension>().Single();
        Assert.True(constraints.Critical);
        Assert.False(constraints.CertificateAuthority);
        var usage = dac.Extensions.OfType<X509KeyUsageExtension>().Single();
        Assert.True(usage.Critical);
        Assert.Equal(X509KeyUsageFlags.DigitalSignature, usage.KeyUsages);
        var authorityKeyId = dac.Extensions.OfType<X509AuthorityKeyIdentifierExtension>().Single().KeyIdentifier!.Value.ToArray();
        Assert.Equal(pai.Extensions.OfType<X509SubjectKeyIdentifierExtension>().Single().SubjectKeyIdentifierBytes.ToArray(), authorityKeyId);
        Assert.True(dac.NotBefore.ToUniversalTime() < Now.UtcDateTime);
        Assert.Equal(9999, dac.NotAfter.ToUniversalTime().Year);
    }

    [Fact]
    public void PAI_is_a_CA_for_DACs_only()
    {
        using var pai = X509CertificateLoader.LoadCertificate(credentials.Pai);
        using var paa = DevelopmentAttestation.TestPaa();
        var constraints = pai.Extensions.OfType<X509BasicConstraintsExtension>().Single();
        Assert.True(constraints.Critical && constraints.CertificateAuthority && constraints.HasPathLengthConstraint);
        Assert.Equal(0, constraints.PathLengthConstraint);
        Assert.Equal(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, pai.Extensions.OfType<X509KeyUsageExtension>().Single().KeyUsages);
        Assert.Equal("FFF1", Attribute(pai, MatterCertificateOids.VendorId));
        Assert.Equal(paa.SubjectName.RawData, pai.IssuerName.RawData);
    }

    [Fact]
    public void Saved_credentials_load_back()
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("mattergen-attestation-");
        try
        {
            credentials.Save(folder.FullName);
            using var loaded = AttestationCredentials.LoadDirectory(folder.FullName);
            Assert.Equal(credentials.Dac, loaded.Dac);
            Assert.Equal(credentials.Pai, loaded.Pai);
            Assert.Equal(credentials.CertificationDeclaration, loaded.CertificationDeclaration);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_key_that_is_not_the_DACs_is_refused()
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Assert.Throws<ArgumentException>(() => new AttestationCredentials(credentials.Dac, credentials.Pai, other, credentials.CertificationDeclaration));
    }

    private bool Build(X509Certificate2 root, out string[] status)
    {
        using var dac = X509CertificateLoader.LoadCertificate(credentials.Dac);
        using var pai = X509CertificateLoader.LoadCertificate(credentials.Pai);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        chain.ChainPolicy.ExtraStore.Add(pai);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = Now.UtcDateTime;
        var valid = chain.Build(dac);
        status = chain.ChainStatus.Select(s => $"{s.Status}: {s.StatusInformation}").ToArray();
        return valid && chain.ChainElements.Count == 3;
    }

    // The value of a Matter attribute in the subject, checking it is a UTF8String as the profile requires.
    private static string Attribute(X509Certificate2 certificate, string oid)
    {
        foreach (var rdn in certificate.SubjectName.EnumerateRelativeDistinguishedNames())
        {
            if (rdn.GetSingleElementType().Value == oid)
            {
                var reader = new AsnReader(rdn.RawData, AsnEncodingRules.DER).ReadSetOf().ReadSequence();
                reader.ReadObjectIdentifier();
                return reader.ReadCharacterString(UniversalTagNumber.UTF8String);
            }
        }

        throw new InvalidOperationException($"{oid} is not in the subject.");
    }
}
