using MatterGen.Generator.ConformanceRules;
using Xunit;
using static MatterGen.Generator.Tests.ConformanceRules.Rules;

namespace MatterGen.Generator.Tests.ConformanceRules;

public sealed class ConformanceFormatterTests
{
    [Fact]
    public void Writes_specification_notation()
    {
        Assert.Equal("M", ConformanceFormatter.Format(M));
        Assert.Equal("O", ConformanceFormatter.Format(O));
        Assert.Equal("V2X", ConformanceFormatter.Format(Mandatory(Feature("V2X"))));
        Assert.Equal("[PREF]", ConformanceFormatter.Format(Optional(Feature("PREF"))));
        Assert.Equal("P, O", ConformanceFormatter.Format(Otherwise(P, O)));
        Assert.Equal("AUTO, O.a+", ConformanceFormatter.Format(Otherwise(Mandatory(Feature("AUTO")), Choice("a", more: true))));
        Assert.Equal("[ICTL].b2+", ConformanceFormatter.Format(Choice("b", more: true, min: 2, condition: Feature("ICTL"))));
        Assert.Equal("[!(LT | DF)]", ConformanceFormatter.Format(Optional(Not(Or(Feature("LT"), Feature("DF"))))));
        Assert.Equal("TEVT & AUTO", ConformanceFormatter.Format(Mandatory(Features("TEVT", "AUTO"))));
        Assert.Equal("D", ConformanceFormatter.Format(D));
        Assert.Equal("X", ConformanceFormatter.Format(X));
        Assert.Equal("desc", ConformanceFormatter.Format(Desc));
    }
}
