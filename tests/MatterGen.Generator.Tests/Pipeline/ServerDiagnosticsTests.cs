using System.Linq;
using MatterGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MatterGen.Generator.Tests.Pipeline;

/// <summary>
/// Every diagnostic about a server declaration is reported, with its stable id, at the attribute the user
/// wrote, and the rest of the build goes on.
/// </summary>
public sealed class ServerDiagnosticsTests
{
    [Theory]
    [InlineData("MG1001", """[MatterGen.MatterServer("Energy EVSF", Features = "PREF")]""")]
    [InlineData("MG1002", """[MatterGen.MatterServer("Energy EVSE", Features = "PREF, Turbo")]""")]
    [InlineData("MG1003", """[MatterGen.MatterServer("Energy EVSE", Features = "V2X")]""")]
    [InlineData("MG1003", """[MatterGen.MatterServer("Energy EVSE")]""")]
    [InlineData("MG1004", """[MatterGen.MatterServer("Energy EVSE", Features = "PREF", Enable = "DischargingEnabledUntil")]""")]
    [InlineData("MG1005", """[MatterGen.MatterServer("Energy EVSE", Features = "PREF", Enable = "WarpDrive")]""")]
    [InlineData("MG1006", """[MatterGen.MatterServer("Energy EVSE", Features = "PREF", Enable = "ApproximateEVEfficiency")] [MatterGen.MatterAttributeDefault("ApproximateEVEfficiency", 70000)]""")]
    [InlineData("MG1007", """[MatterGen.MatterServer("Energy EVSE", Features = "PREF", Enable = "ApproximateEVEfficiency")] [MatterGen.MatterAttributeConstraint("ApproximateEVEfficiency", Max = 70000)]""")]
    public void A_bad_declaration_is_reported_at_the_attribute(string id, string attributes)
    {
        var source = $"namespace Charging;\n\n{attributes}\npublic partial class Charger {{ }}\n";

        var run = GeneratorHarness.Run([source], GeneratorHarness.SpecFiles());

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("Source0.cs", span.Path);
        Assert.Equal(2, span.StartLinePosition.Line);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "MG0008");
    }

    [Fact]
    public void A_server_type_that_is_not_partial_is_reported()
    {
        const string source = """
            namespace Charging;

            [MatterGen.MatterServer("Energy EVSE", Features = "PREF")]
            public class Charger { }
            """;

        var run = GeneratorHarness.Run([source], GeneratorHarness.SpecFiles());

        Assert.Single(run.GeneratorDiagnostics, d => d.Id == "MG1008");
    }

    [Fact]
    public void A_legal_declaration_compiles_with_no_warnings()
    {
        const string source = """
            namespace Charging;

            [MatterGen.MatterServer("Energy EVSE", Features = "ChargingPreferences, SoCReporting, RFID", Enable = "UserMaximumChargeCurrent, RandomizationDelayWindow")]
            [MatterGen.MatterAttributeDefault("RandomizationDelayWindow", 300)]
            [MatterGen.MatterAttributeConstraint("UserMaximumChargeCurrent", Max = 32000)]
            public partial class Charger { }
            """;

        var run = GeneratorHarness.Run([source], GeneratorHarness.SpecFiles());

        Assert.Empty(run.Problems.Select(d => d.ToString()));
    }
}
