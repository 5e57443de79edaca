using MatterGen.Generator.Model;
using MatterGen.Generator.Planning;
using Xunit;
using static MatterGen.Generator.Tests.Emit.EvseModel;

namespace MatterGen.Generator.Tests.Planning;

public sealed class MaturityMarksTests
{
    [Fact]
    public void Provisional_and_deprecated_are_recognised_in_otherwise_rules()
    {
        var provisionalOrOptional = new Conformance(ConformanceKind.Otherwise, null, null, false, 0, Arr(Conformance.Create(ConformanceKind.Provisional), Conformance.Optional));
        Assert.True(MaturityMarks.IsProvisional(provisionalOrOptional));
        Assert.False(MaturityMarks.IsProvisional(Conformance.Optional));
        Assert.False(MaturityMarks.IsDeprecated(new Conformance(ConformanceKind.Otherwise, null, null, false, 0, Arr(Feature(ConformanceKind.Mandatory, "A"), Conformance.Create(ConformanceKind.Deprecated)))));
        Assert.True(MaturityMarks.IsDeprecated(Conformance.Create(ConformanceKind.Deprecated)));
    }

    [Fact]
    public void A_maturity_marks_the_element_whatever_its_conformance()
    {
        Assert.True(MaturityMarks.IsProvisional(Maturity.Provisional, Conformance.Mandatory));
        Assert.True(MaturityMarks.IsDeprecated(Maturity.Deprecated));
        Assert.True(MaturityMarks.IsDeprecated(Maturity.Stable, Conformance.Create(ConformanceKind.Deprecated)));
        Assert.False(MaturityMarks.IsProvisional(Maturity.Stable, Conformance.Mandatory));
        Assert.False(MaturityMarks.IsDeprecated(Maturity.Stable));
    }
}
