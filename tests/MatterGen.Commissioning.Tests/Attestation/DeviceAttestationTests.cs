using System;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MatterGen.Commissioning.Attestation;
using MatterGen.Tlv;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace MatterGen.Commissioning.Tests.Attestation;

public sealed class DeviceAttestationTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);
    private readonly AttestationCredentials credentials = DevelopmentAttestation.Create(0xFFF1, 0x8000, 0x050C, new FakeTimeProvider(Now));
    private readonly byte[] nonce = RandomNumberGenerator.GetBytes(32);
    private readonly byte[] challenge = RandomNumberGenerator.GetBytes(16);

    public void Dispose() => credentials.Dispose();

    private DeviceAttestation Attestation => new(credentials, new FakeTimeProvider(Now));

    [Fact]
    public void AttestationElements_carry_the_declaration_nonce_and_time()
    {
        var response = Attestation.Attest(nonce, challenge);
        var reader = new TlvReader(response.Elements);
        reader.Read();
        reader.ExpectType(TlvElementType.Structure);
        reader.Read();
        Assert.True(reader.Tag.IsContext(1));
        Assert.Equal(credentials.CertificationDeclaration, reader.GetOctetStringArray());
        reader.Read();
        Assert.True(reader.Tag.IsContext(2));
        Assert.Equal(nonce, reader.GetOctetStringArray());
        reader.Read();
        Assert.True(reader.Tag.IsContext(3));
        Assert.Equal((uint)(Now - new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero)).TotalSeconds, reader.GetUInt32());
        reader.Read();
        Assert.Equal(TlvElementType.EndOfContainer, reader.ElementType);
    }

    [Fact]
    public void AttestationSignature_verifies_with_the_DAC_key_over_elements_and_challenge()
    {
        var response = Attestation.Attest(nonce, challenge);
        Assert.Equal(64, response.Signature.Length);
        Assert.True(VerifyWithDac([.. response.Elements, .. challenge], response.Signature));
        Assert.False(VerifyWithDac(response.Elements, response.Signature));
    }

    [Fact]
    public void CSRResponse_is_signed_by_the_DAC_and_certifies_the_new_operational_key()
    {
        var csr = Attestation.CreateCsr(nonce, challenge);
        using var operationalKey = csr.OperationalKey;
        Assert.True(VerifyWithDac([.. csr.Response.Elements, .. challenge], csr.Response.Signature));

        var reader = new TlvReader(csr.Response.Elements);
        reader.Read();
        reader.Read();
        Assert.True(reader.Tag.IsContext(1));
        var request = CertificateRequest.LoadSigningRequest(reader.GetOctetStringArray(), HashAlgorithmName.SHA256);
        Assert.Equal(operationalKey.ExportSubjectPublicKeyInfo(), request.PublicKey.ExportSubjectPublicKeyInfo());
        reader.Read();
        Assert.True(reader.Tag.IsContext(2));
        Assert.Equal(nonce, reader.GetOctetStringArray());
    }

    [Fact]
    public void Every_CSR_has_a_fresh_key()
    {
        using var first = Attestation.CreateCsr(nonce, challenge).OperationalKey;
        using var second = Attestation.CreateCsr(nonce, challenge).OperationalKey;
        Assert.NotEqual(first.ExportSubjectPublicKeyInfo(), second.ExportSubjectPublicKeyInfo());
    }

    [Fact]
    public void Chain_requests_return_DAC_and_PAI()
    {
        Assert.Equal(credentials.Dac, Attestation.CertificateChain(1));
        Assert.Equal(credentials.Pai, Attestation.CertificateChain(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => Attestation.CertificateChain(3));
    }

    [Theory]
    [InlineData(31, 16)]
    [InlineData(33, 16)]
    [InlineData(32, 15)]
    public void Wrong_nonce_or_challenge_lengths_are_refused(int nonceLength, int challengeLength)
    {
        Assert.Throws<ArgumentException>(() => Attestation.Attest(new byte[nonceLength], new byte[challengeLength]));
        Assert.Throws<ArgumentException>(() => Attestation.CreateCsr(new byte[nonceLength], new byte[challengeLength]));
    }

    private bool VerifyWithDac(byte[] data, byte[] signature)
    {
        using var dac = X509CertificateLoader.LoadCertificate(credentials.Dac);
        using var key = dac.GetECDsaPublicKey()!;
        return key.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }
}
