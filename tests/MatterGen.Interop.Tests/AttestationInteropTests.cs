using System;
using System.IO;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading.Tasks;
using MatterGen.Commissioning.Attestation;
using Xunit;
using Xunit.Abstractions;

namespace MatterGen.Interop.Tests;

/// <summary>Our attestation answers checked by matter.js's own validator, offline, against the published test roots.</summary>
public sealed class AttestationInteropTests(ITestOutputHelper output)
{
    [InteropFact]
    public async Task Matter_js_accepts_our_development_attestation()
    {
        var result = await ValidateAsync(tamper: false);
        Assert.True(result.GetProperty("ok").GetBoolean(), result.ToString());
        Assert.True(result.GetProperty("csrSignatureValid").GetBoolean());
        Assert.DoesNotContain(result.GetProperty("findings").EnumerateArray(), f => f.GetProperty("level").GetString() == "error");
    }

    [InteropFact]
    public async Task Matter_js_refuses_a_tampered_attestation_signature()
    {
        var result = await ValidateAsync(tamper: true);
        Assert.False(result.GetProperty("ok").GetBoolean(), result.ToString());
        Assert.Equal("AttestationSignatureInvalid", result.GetProperty("failure").GetString());
    }

    private async Task<JsonElement> ValidateAsync(bool tamper)
    {
        using var credentials = DevelopmentAttestation.Create(0xFFF1, 0x8000, 0x050C, TimeProvider.System);
        var attestation = new DeviceAttestation(credentials, TimeProvider.System);
        var nonce = RandomNumberGenerator.GetBytes(32);
        var csrNonce = RandomNumberGenerator.GetBytes(32);
        var challenge = RandomNumberGenerator.GetBytes(16);
        var attested = attestation.Attest(nonce, challenge);
        var csr = attestation.CreateCsr(csrNonce, challenge);
        csr.OperationalKey.Dispose();
        if (tamper)
        {
            attested.Signature[5] ^= 0x40;
        }

        var input = Path.Combine(Path.GetTempPath(), $"mattergen-attestation-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(input, JsonSerializer.Serialize(new
        {
            dac = Convert.ToHexString(credentials.Dac),
            pai = Convert.ToHexString(credentials.Pai),
            attestationElements = Convert.ToHexString(attested.Elements),
            attestationSignature = Convert.ToHexString(attested.Signature),
            attestationNonce = Convert.ToHexString(nonce),
            attestationChallenge = Convert.ToHexString(challenge),
            nocsrElements = Convert.ToHexString(csr.Response.Elements),
            nocsrSignature = Convert.ToHexString(csr.Response.Signature),
            vendorId = 0xFFF1,
            productId = 0x8000,
        }));
        try
        {
            var run = await NamespaceRun.RunAsync(
                [],
                $"node verify-attestation.mjs --input {NamespaceRun.Quote(input)} --storage '{{work}}/store' --paa {NamespaceRun.Quote(TestCredentials.TestPaa)} --cdsigner {NamespaceRun.Quote(TestCredentials.CdSigner)}",
                TimeSpan.FromSeconds(90),
                output);
            Assert.False(run.TimedOut);
            return Assert.IsType<JsonElement>(run.Result);
        }
        finally
        {
            File.Delete(input);
        }
    }
}
