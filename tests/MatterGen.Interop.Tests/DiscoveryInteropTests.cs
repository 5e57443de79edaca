using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace MatterGen.Interop.Tests;

/// <summary>Our mDNS responder as matter.js's scanner sees it, on real multicast inside a private namespace.</summary>
public sealed class DiscoveryInteropTests(ITestOutputHelper output)
{
    [InteropFact]
    public async Task Matter_js_finds_our_commissionable_advertisement_by_discriminator()
    {
        var host = $"dotnet exec {NamespaceRun.Quote(typeof(Program).Assembly.Location)} mdns-advertise 3121 60";
        var run = await NamespaceRun.RunAsync([host], "node discover.mjs --discriminator 3121 --seconds 20 --storage '{work}/controller'", TimeSpan.FromSeconds(90), output);

        Assert.False(run.TimedOut);
        var result = Assert.IsType<JsonElement>(run.Result);
        Assert.True(result.GetProperty("ok").GetBoolean(), result.ToString());
        var device = result.GetProperty("devices").EnumerateArray().Single();
        output.WriteLine(device.ToString());
        Assert.Equal(3121, device.GetProperty("D").GetInt32());
        Assert.Equal("65521+32768", device.GetProperty("VP").GetString());
        Assert.Equal(1, device.GetProperty("CM").GetInt32());
        Assert.Equal("MatterGen EVSE", device.GetProperty("DN").GetString());
        Assert.Contains(device.GetProperty("addresses").EnumerateArray(), a => a.GetProperty("port").GetInt32() == 5540);
        output.WriteLine($"discovery took {result.GetProperty("elapsedMs").GetInt32()} ms");
    }

    [InteropFact]
    public async Task Our_responder_answers_announces_survives_a_flood_and_says_goodbye()
    {
        var run = await NamespaceRun.RunAsync([], $"dotnet exec {NamespaceRun.Quote(typeof(Program).Assembly.Location)} mdns-selfcheck", TimeSpan.FromSeconds(90), output);

        Assert.False(run.TimedOut);
        var result = Assert.IsType<JsonElement>(run.Result);
        foreach (var check in new[] { "announced", "legacyAnswered", "legacyTtlCapped", "multicastAnswered", "answersAfterFlood", "goodbye", "noAnswerAfterWithdraw" })
        {
            Assert.True(result.GetProperty(check).GetBoolean(), $"{check}: {result}");
        }

        Assert.True(result.GetProperty("malformedDropped").GetInt32() > 0, result.ToString());
    }
}
