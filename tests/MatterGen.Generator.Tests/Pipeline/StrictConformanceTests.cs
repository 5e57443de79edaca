using System.Collections.Generic;
using System.Linq;
using MatterGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MatterGen.Generator.Tests.Pipeline;

/// <summary>
/// A deprecated feature through the whole pipeline: a warning at the [MatterServer] attribute by default, an
/// error when the project sets MatterGenStrictConformance, and nothing when the feature is not chosen.
/// </summary>
public sealed class StrictConformanceTests
{
    private const string Definition = """
        <?xml version="1.0"?>
        <configurator>
          <cluster>
            <name>Clock</name>
            <domain>Test</domain>
            <code>0xFFF7</code>
            <features>
              <feature bit="0" code="TICK" name="Ticking" summary="Ticks."><optionalConform/></feature>
              <feature bit="1" code="CHIME" name="Chimes" summary="Chimes the hours, no longer wanted."><deprecateConform/></feature>
            </features>
            <attribute side="server" code="0x0000" name="Hour" type="int8u" max="23"><mandatoryConform/></attribute>
          </cluster>
        </configurator>
        """;

    [Theory]
    [InlineData("Ticking", null, null)]
    [InlineData("Ticking, Chimes", null, DiagnosticSeverity.Warning)]
    [InlineData("Chimes", "false", DiagnosticSeverity.Warning)]
    [InlineData("Chimes", "true", DiagnosticSeverity.Error)]
    [InlineData("Ticking", "true", null)]
    public void A_deprecated_feature_is_a_warning_or_in_strict_mode_an_error(string features, string? strict, DiagnosticSeverity? expected)
    {
        var source = $"namespace User;\n\n[MatterGen.MatterServer(\"Clock\", Features = \"{features}\")]\npublic partial class Clock {{ }}\n";
        var properties = strict is null ? null : new Dictionary<string, string> { ["build_property.MatterGenStrictConformance"] = strict };

        var run = GeneratorHarness.Run([source], [new InMemoryAdditionalText("/defs/clock.xml", Definition)], properties);

        var reported = run.GeneratorDiagnostics.Where(d => d.Id == "MG1010").ToList();
        if (expected is null)
        {
            Assert.Empty(reported);
            Assert.Empty(run.Problems.Select(d => d.ToString()));
            return;
        }

        var diagnostic = Assert.Single(reported);
        Assert.Equal(expected, diagnostic.Severity);
        Assert.Contains("Feature 'Chimes (CHIME)' of cluster 'Clock' is deprecated: certification rejects", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        Assert.Equal(("Source0.cs", 2), (diagnostic.Location.GetLineSpan().Path, diagnostic.Location.GetLineSpan().StartLinePosition.Line));
    }
}
