using MatterGen.Generator.Emit;
using MatterGen.Generator.Model;
using Xunit;
using static MatterGen.Generator.Tests.Emit.EvseModel;

namespace MatterGen.Generator.Tests.Emit;

public sealed class ConformanceTextTests
{
    [Fact]
    public void Renders_the_specification_notation()
    {
        var a = new FeatureTerm("A");
        var b = new FeatureTerm("B");
        var c = new AttributeTerm("C");
        Assert.Equal("M", ConformanceText.Render(Conformance.Mandatory));
        Assert.Equal("O", ConformanceText.Render(Conformance.Optional));
        Assert.Equal("PREF", ConformanceText.Render(Feature(ConformanceKind.Mandatory, "PREF")));
        Assert.Equal("[PREF]", ConformanceText.Render(Feature(ConformanceKind.Optional, "PREF")));
        Assert.Equal("P", ConformanceText.Render(Conformance.Create(ConformanceKind.Provisional)));
        Assert.Equal("D", ConformanceText.Render(Conformance.Create(ConformanceKind.Deprecated)));
        Assert.Equal("X", ConformanceText.Render(Conformance.Create(ConformanceKind.Disallowed)));
        Assert.Equal("desc", ConformanceText.Render(Conformance.Create(ConformanceKind.Described)));
        Assert.Equal("O.a+", ConformanceText.Render(new Conformance(ConformanceKind.Optional, null, "a", true, 1, Arr<Conformance>())));
        Assert.Equal("O.b2", ConformanceText.Render(new Conformance(ConformanceKind.Optional, null, "b", false, 2, Arr<Conformance>())));
        Assert.Equal("[A].a", ConformanceText.Render(new Conformance(ConformanceKind.Optional, a, "a", false, 1, Arr<Conformance>())));
        Assert.Equal("!A & (B | C)", ConformanceText.Render(Conformance.Create(ConformanceKind.Mandatory,
            new AndTerm(Arr<ConformanceExpression>(new NotTerm(a), new OrTerm(Arr<ConformanceExpression>(b, c)))))));
        Assert.Equal("!(A ^ B)", ConformanceText.Render(Conformance.Create(ConformanceKind.Mandatory,
            new NotTerm(new XorTerm(Arr<ConformanceExpression>(a, b))))));
        Assert.Equal("A, [B], D", ConformanceText.Render(new Conformance(ConformanceKind.Otherwise, null, null, false, 0,
            Arr(Feature(ConformanceKind.Mandatory, "A"), Feature(ConformanceKind.Optional, "B"), Conformance.Create(ConformanceKind.Deprecated)))));
        Assert.Equal("[Zigbee]", ConformanceText.Render(Conformance.Create(ConformanceKind.Optional, new ConditionTerm("Zigbee"))));
    }
}
