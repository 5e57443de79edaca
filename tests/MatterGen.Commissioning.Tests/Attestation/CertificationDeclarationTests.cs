using System;
using System.Diagnostics;
using System.IO;
using System.Security.Cryptography;
using CsCheck;
using MatterGen.Commissioning.Attestation;
using MatterGen.Tlv;
using Xunit;

namespace MatterGen.Commissioning.Tests.Attestation;

public sealed class CertificationDeclarationTests
{
    private static readonly CertificationDeclaration Declaration = new()
    {
        VendorId = 0xFFF1,
        ProductIds = [0x8000, 0x8001],
        DeviceTypeId = 0x050C,
        CertificateId = "ZIG20142ZB330003-24",
        VersionNumber = 1,
        CertificationType = CertificationType.DevelopmentAndTest,
    };

    [Fact]
    public void A_declaration_signed_with_the_test_key_verifies_with_the_test_signing_certificate()
    {
        var envelope = DevelopmentAttestation.SignDeclaration(Declaration);
        using var signer = DevelopmentAttestation.TestCdSigner();
        var verified = CertificationDeclarationEnvelope.Verify(envelope, [signer]);
        Assert.Equal(Declaration with { ProductIds = verified.ProductIds }, verified);
        Assert.Equal(Declaration.ProductIds, verified.ProductIds);
    }

    [Fact]
    public void Envelope_names_the_signer_by_key_id_and_carries_the_TLV()
    {
        var (content, keyId, signature) = CertificationDeclarationEnvelope.Read(DevelopmentAttestation.SignDeclaration(Declaration));
        Assert.Equal(Declaration.Encode(), content);
        Assert.Equal(Convert.FromHexString("62FA823359ACFAA9963E1CFA140ADDF504F37160"), keyId);
        Assert.Equal(0x30, signature[0]); // a DER ECDSA-Sig-Value
    }

    [Fact]
    public void Another_signer_is_refused()
    {
        using var paa = DevelopmentAttestation.TestPaa();
        Assert.Throws<CryptographicException>(() => CertificationDeclarationEnvelope.Verify(DevelopmentAttestation.SignDeclaration(Declaration), [paa]));
    }

    [Fact]
    public void Tampered_content_fails_the_signature()
    {
        var envelope = DevelopmentAttestation.SignDeclaration(Declaration);
        var content = Declaration.Encode();
        var at = envelope.AsSpan().IndexOf(content);
        envelope[at + content.Length - 3] ^= 0x01;
        using var signer = DevelopmentAttestation.TestCdSigner();
        Assert.Throws<CryptographicException>(() => CertificationDeclarationEnvelope.Verify(envelope, [signer]));
    }

    [Fact]
    public void TLV_round_trips_with_the_optional_fields()
    {
        var full = Declaration with { DacOriginVendorId = 0xFFF2, DacOriginProductId = 0x8002, AuthorizedPaaList = [new byte[20]] };
        var decoded = CertificationDeclaration.Decode(full.Encode());
        Assert.Equal((ushort?)0xFFF2, decoded.DacOriginVendorId);
        Assert.Equal((ushort?)0x8002, decoded.DacOriginProductId);
        Assert.Equal(new byte[20], Assert.Single(decoded.AuthorizedPaaList!));
    }

    [Fact]
    public void Encode_checks_the_constraints()
    {
        Assert.Throws<ArgumentException>(() => (Declaration with { CertificateId = "short" }).Encode());
        Assert.Throws<ArgumentException>(() => (Declaration with { ProductIds = [] }).Encode());
        Assert.Throws<ArgumentException>(() => (Declaration with { DacOriginVendorId = 1 }).Encode());
    }

    [Fact]
    public void Malformed_envelopes_and_content_are_format_errors()
    {
        var envelope = DevelopmentAttestation.SignDeclaration(Declaration);
        using var signer = DevelopmentAttestation.TestCdSigner();
        Gen.Select(Gen.Int[0, envelope.Length - 1], Gen.Byte).Array[1, 3].Sample(mutations =>
        {
            var copy = (byte[])envelope.Clone();
            foreach (var (index, value) in mutations)
            {
                copy[index] = value;
            }

            try
            {
                CertificationDeclarationEnvelope.Verify(copy, [signer]);
            }
            catch (Exception exception) when (exception is FormatException or CryptographicException or TlvException)
            {
            }
        }, iter: 5000);
        Assert.Throws<FormatException>(() => CertificationDeclarationEnvelope.Read(new byte[CertificationDeclarationEnvelope.MaximumLength + 1]));
    }

    [OpenSslFact]
    public void OpenSSL_reads_our_envelope()
    {
        // An independent CMS implementation: openssl verifies the signature and returns the TLV content.
        var folder = Directory.CreateTempSubdirectory("mattergen-cd-");
        try
        {
            var envelope = Path.Combine(folder.FullName, "cd.der");
            var signerPem = Path.Combine(folder.FullName, "signer.pem");
            var content = Path.Combine(folder.FullName, "content.tlv");
            File.WriteAllBytes(envelope, DevelopmentAttestation.SignDeclaration(Declaration));
            using (var signer = DevelopmentAttestation.TestCdSigner())
            {
                File.WriteAllText(signerPem, signer.ExportCertificatePem());
            }

            var start = new ProcessStartInfo("openssl") { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in new[] { "cms", "-verify", "-inform", "DER", "-in", envelope, "-certfile", signerPem, "-noverify", "-binary", "-out", content })
            {
                start.ArgumentList.Add(argument);
            }

            using (var process = Process.Start(start)!)
            {
                var error = process.StandardError.ReadToEnd();
                process.WaitForExit(30_000);
                Assert.True(process.ExitCode == 0, error);
            }

            Assert.Equal(Declaration.Encode(), File.ReadAllBytes(content));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
