using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace MatterGen.Interop.Tests;

/// <summary>
/// The harness proved on matter.js at both ends: our controller script commissions a matter.js device by discovery,
/// with attestation verified, then reads, subscribes, invokes and writes. Its commissioning time is the baseline our
/// device is measured against.
/// </summary>
public sealed class MatterJsBaselineTests(ITestOutputHelper output)
{
    private const string Device = "node device.mjs --port 5540 --passcode 20202021 --discriminator 3840 --storage '{work}/device' --seconds 80";

    [InteropFact]
    public async Task Controller_commissions_a_matter_js_device_with_verified_attestation()
    {
        var run = await NamespaceRun.RunAsync([Device], TestCredentials.Controller(3840, 20202021), TimeSpan.FromSeconds(100), output);

        Assert.False(run.TimedOut);
        var result = Assert.IsType<JsonElement>(run.Result);
        Assert.True(result.GetProperty("ok").GetBoolean(), result.ToString());
        Assert.DoesNotContain(result.GetProperty("attestationFindings").EnumerateArray(), f => f.GetProperty("level").GetString() == "error");
        Assert.Equal(0xFFF1, result.GetProperty("vendorId").GetInt32());
        Assert.Equal("Baseline light", result.GetProperty("productName").GetString());
        Assert.Equal([1], result.GetProperty("partsList").EnumerateArray().Select(e => e.GetInt32()).ToArray());
        Assert.False(result.GetProperty("onOff").GetProperty("before").GetBoolean());
        Assert.Contains(result.GetProperty("onOff").GetProperty("reported").EnumerateArray(), v => v.GetBoolean());
        Assert.Equal("written-by-interop", result.GetProperty("nodeLabel").GetString());
        output.WriteLine($"matter.js device: commissioning (discovery included) {result.GetProperty("commissioningMs").GetInt32()} ms, invoke {result.GetProperty("invokeMs").GetInt32()} ms, whole run {run.Elapsed.TotalSeconds:F1} s");
    }

    [InteropFact]
    public async Task Attestation_is_really_verified()
    {
        // Trusting only another root (the CD signing authority) as PAA, the same device must be refused.
        var run = await NamespaceRun.RunAsync([Device], TestCredentials.Controller(3840, 20202021, paa: TestCredentials.CdSigner), TimeSpan.FromSeconds(100), output);

        Assert.False(run.TimedOut);
        var result = Assert.IsType<JsonElement>(run.Result);
        Assert.False(result.GetProperty("ok").GetBoolean(), result.ToString());
        Assert.Contains("ttestation", result.GetProperty("error").GetString(), StringComparison.Ordinal);
    }
}
