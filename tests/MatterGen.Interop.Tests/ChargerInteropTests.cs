using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace MatterGen.Interop.Tests;

/// <summary>
/// Issue 13's interop cases: matter.js 0.17.9 (tests/interop/evse-controller.mjs) against our charger, the EVSE
/// simulator serving Matter, each inside a private network namespace with real mDNS.
/// </summary>
public sealed class ChargerInteropTests(ITestOutputHelper output)
{
    private const int EnergyEvseDeviceType = 0x050C;
    private const int SupplyChargingEnabled = 1;
    private const int SupplyDisabled = 0;

    /// <summary>Case 1: commissioned by discovery with attestation verified, read, subscribed, commanded and written.</summary>
    [InteropFact]
    public async Task Case1_CommissionedByDiscoveryWithVerifiedAttestation_ReadSubscribeInvokeWrite()
    {
        var result = await RunAsync([SimulatorDevice.Command()], SimulatorDevice.Controller("commission"));

        Assert.DoesNotContain(result.GetProperty("attestationFindings").EnumerateArray(), f => f.GetProperty("level").GetString() == "error" && f.GetProperty("type").GetString() != "TrustedAsTestCertificate");
        Assert.Equal(0xFFF1, result.GetProperty("vendorId").GetInt32());
        Assert.Equal(0x8000, result.GetProperty("productId").GetInt32());
        Assert.Equal("MatterGen EVSE simulator", result.GetProperty("productName").GetString());
        Assert.Equal([1], result.GetProperty("partsList").EnumerateArray().Select(e => e.GetInt32()).ToArray());
        Assert.Contains(EnergyEvseDeviceType, result.GetProperty("deviceTypes").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Contains(0x0099, result.GetProperty("serverList").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(SupplyDisabled, result.GetProperty("evse").GetProperty("supplyState").GetInt32());
        var reports = result.GetProperty("supplyReports").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        Assert.Contains(SupplyChargingEnabled, reports);
        Assert.Equal(SupplyDisabled, reports[^1]);
        Assert.Equal(10000, result.GetProperty("userMaximumChargeCurrent").GetInt64());
        Assert.True(result.GetProperty("maximumChargeCurrentAfterWrite").GetInt64() <= 10000);
        output.WriteLine($"our device: commissioning (discovery included) {result.GetProperty("commissioningMs").GetInt32()} ms, timed EnableCharging {result.GetProperty("invokeMs").GetInt32()} ms");
    }

    private async Task<JsonElement> RunAsync(string[] background, string foreground, int seconds = 120)
    {
        var run = await NamespaceRun.RunAsync(background, foreground, TimeSpan.FromSeconds(seconds), output);
        Assert.False(run.TimedOut, "the case ran past its deadline");
        var result = Assert.IsType<JsonElement>(run.Result);
        Assert.True(result.GetProperty("ok").GetBoolean(), result.ToString());
        output.WriteLine($"whole run {run.Elapsed.TotalSeconds:F1} s");
        return result;
    }
}
