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

    /// <summary>Case 2: the controller's default connect (wildcard read and subscribe), then ours, chunked and filtered.</summary>
    [InteropFact]
    public async Task Case2_DefaultConnect_WildcardReadChunked_WildcardSubscribeWithDataVersionFilters()
    {
        var result = await RunAsync([SimulatorDevice.Command()], SimulatorDevice.Controller("default-connect"));

        // Every attribute of the root and the charger endpoint: far more than one 1280-byte message holds.
        Assert.True(result.GetProperty("attributeCount").GetInt32() > 150, result.ToString());
        Assert.Equal([0, 1], result.GetProperty("endpoints").EnumerateArray().Select(e => e.GetInt32()).ToArray());
        Assert.True(result.GetProperty("eventCount").GetInt32() >= 1, "StartUp at least");
        var filters = result.GetProperty("filters").GetInt32();
        Assert.True(filters >= 10, result.ToString());
        // With a filter for every cluster just read, the priming report carries only what changed meanwhile.
        Assert.True(result.GetProperty("primingAttributes").GetInt32() < result.GetProperty("attributeCount").GetInt32() / 2, result.ToString());
        Assert.True(result.GetProperty("maxInterval").GetInt32() >= 60);
        Assert.Equal(0xFFF1, result.GetProperty("vendorId").GetInt32());
        output.WriteLine($"our device, default connect: commissioning {result.GetProperty("commissioningMs").GetInt32()} ms");
    }

    /// <summary>Case 3: the device restarts; the controller reconnects over CASE from its storage and reads, no commissioning.</summary>
    [InteropFact]
    public async Task Case3_DeviceRestarts_ControllerReconnectsOverCase()
    {
        var foreground = $"{SimulatorDevice.Controller("commission")}\n" +
            "kill -TERM $pid0; wait $pid0\n" +
            $"{SimulatorDevice.Command()} > '{{work}}/restarted-device.log' 2>&1 &\n" +
            "wait_ready '{work}/restarted-device.log' $! || exit 4\n" +
            SimulatorDevice.Controller("reconnect");
        var result = await RunAsync([SimulatorDevice.Command()], foreground, seconds: 180);

        Assert.Equal(1, result.GetProperty("commissionedNodes").GetArrayLength());
        Assert.Equal(0xFFF1, result.GetProperty("vendorId").GetInt32());
        Assert.Equal(1, result.GetProperty("fabrics").GetInt32());
        output.WriteLine($"reconnect over CASE after the restart (operational discovery included): {result.GetProperty("reconnectMs").GetInt32()} ms");
    }

    /// <summary>
    /// Case 4: a second controller (another fabric) commissions through an enhanced window the first opened; each
    /// sees only its own fabric's fabric-scoped data; the first removes its fabric and the second keeps working.
    /// </summary>
    [InteropFact]
    public async Task Case4_SecondFabricThroughAdministratorCommissioning_FabricScopedData_RemoveFabric()
    {
        const uint windowPasscode = 34567890;
        const ushort windowDiscriminator = 1234;
        var first = SimulatorDevice.Controller("open-window", "first") + $" --window-passcode {windowPasscode} --window-discriminator {windowDiscriminator} --id first";
        var second = SimulatorDevice.Controller("second-admin", "second", passcode: windowPasscode, discriminator: windowDiscriminator) + " --id second";
        var foreground = $"{first} > '{{work}}/first.log' 2>&1 || exit 5\n" +
            $"{second} > '{{work}}/second.log' 2>&1 || exit 6\n" +
            $"{SimulatorDevice.Controller("leave", "first")} --id first > '{{work}}/leave.log' 2>&1 || exit 7\n" +
            $"{SimulatorDevice.Controller("reconnect", "second")} --id second";
        var run = await NamespaceRun.RunAsync([SimulatorDevice.Command()], foreground, TimeSpan.FromSeconds(200), output, keepLogs: ["first.log", "second.log", "leave.log"]);
        Assert.False(run.TimedOut, "the case ran past its deadline");
        var firstResult = Step(run, "first.log");
        var secondResult = Step(run, "second.log");
        var leave = Step(run, "leave.log");
        var after = Assert.IsType<JsonElement>(run.Result);
        foreach (var step in new[] { firstResult, secondResult, leave, after })
        {
            Assert.True(step.GetProperty("ok").GetBoolean(), step.ToString());
        }

        Assert.Equal(1, firstResult.GetProperty("windowStatus").GetInt32()); // EnhancedWindowOpen
        var seenBySecond = secondResult.GetProperty("seen");
        var seenByFirst = leave.GetProperty("seen");
        Assert.Equal(2, seenBySecond.GetProperty("commissionedFabrics").GetInt32());
        AssertOnlyOwn(seenByFirst);
        AssertOnlyOwn(seenBySecond);
        Assert.NotEqual(seenByFirst.GetProperty("currentFabricIndex").GetInt32(), seenBySecond.GetProperty("currentFabricIndex").GetInt32());
        Assert.Equal(0, leave.GetProperty("removeStatus").GetInt32());
        Assert.Equal(1, after.GetProperty("fabrics").GetInt32());
        Assert.Equal(0xFFF1, after.GetProperty("vendorId").GetInt32());

        static void AssertOnlyOwn(JsonElement seen)
        {
            var own = seen.GetProperty("currentFabricIndex").GetInt32();
            Assert.All(seen.GetProperty("fabrics").EnumerateArray(), f => Assert.Equal(own, f.GetProperty("fabricIndex").GetInt32()));
            Assert.Equal(1, seen.GetProperty("fabrics").GetArrayLength());
            Assert.Equal(1, seen.GetProperty("nocs").GetInt32());
            Assert.All(seen.GetProperty("acl").EnumerateArray(), e => Assert.Equal(own, e.GetProperty("fabricIndex").GetInt32()));
        }
    }

    /// <summary>
    /// Case 5: a wrong passcode fails and leaves no fabric; a fail-safe that expires after AddNOC rolls back (the
    /// same fabric can be commissioned again, once); a controller without the privilege gets UNSUPPORTED_ACCESS.
    /// </summary>
    [InteropFact]
    public async Task Case5_WrongPasscode_FailSafeExpiry_NoPrivilege()
    {
        var foreground = $"{SimulatorDevice.Controller("wrong-passcode", "wrong", passcode: SimulatorDevice.Passcode + 1)} --id wrong > '{{work}}/wrong.log' 2>&1 || exit 5\n" +
            $"{SimulatorDevice.Controller("fail-safe", "failsafe")} --id failsafe > '{{work}}/failsafe.log' 2>&1 || exit 6\n" +
            "kill -TERM $pid0; wait $pid0; rm -rf '{work}/device'\n" +
            $"{SimulatorDevice.Command()} > '{{work}}/fresh-device.log' 2>&1 &\n" +
            "wait_ready '{work}/fresh-device.log' $! || exit 4\n" +
            SimulatorDevice.Controller("no-privilege");
        var run = await NamespaceRun.RunAsync([SimulatorDevice.Command()], foreground, TimeSpan.FromSeconds(240), output, keepLogs: ["wrong.log", "failsafe.log"]);
        Assert.False(run.TimedOut, "the case ran past its deadline");
        var wrong = Step(run, "wrong.log");
        var failSafe = Step(run, "failsafe.log");
        var privilege = Assert.IsType<JsonElement>(run.Result);
        foreach (var step in new[] { wrong, failSafe, privilege })
        {
            Assert.True(step.GetProperty("ok").GetBoolean(), step.ToString());
        }

        Assert.Contains("expired", failSafe.GetProperty("interrupted").GetString(), StringComparison.Ordinal);
        // One fabric after the rollback and a full commissioning: neither the wrong passcode nor the expired
        // fail-safe left one behind.
        Assert.Equal(1, failSafe.GetProperty("seen").GetProperty("commissionedFabrics").GetInt32());
        Assert.Equal(1, failSafe.GetProperty("seen").GetProperty("fabrics").GetArrayLength());
        Assert.Equal(0x7E, privilege.GetProperty("writeStatus").GetInt32()); // UNSUPPORTED_ACCESS
        Assert.Equal(8000, privilege.GetProperty("writeAfterRestore").GetInt64());
    }

    private static JsonElement Step(CaseResult run, string log) =>
        run.Results.TryGetValue(log, out var result) ? result : throw new Xunit.Sdk.XunitException($"{log}: that step printed no result (see the logs above)");

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
