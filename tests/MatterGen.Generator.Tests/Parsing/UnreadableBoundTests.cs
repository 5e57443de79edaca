using Xunit;

namespace MatterGen.Generator.Tests.Parsing;

/// <summary>A bound that cannot be read is left out with a warning; the element stays.</summary>
public sealed class UnreadableBoundTests
{
    [Fact]
    public void An_unreadable_bound_is_a_warning_and_the_element_keeps_the_rest_of_its_constraint()
    {
        var file = ParseHelpers.Parse(ParseHelpers.Cluster("""
            <attribute code="0" name="Glint" type="int8u" min="1" max="-" length="4"/>
            """));

        var diagnostic = Assert.Single(file.Diagnostics);
        Assert.Equal(MatterGen.Generator.Diagnostics.DiagnosticIds.ElementLeftOut, diagnostic.Id);
        Assert.False(ParseHelpers.IsError(diagnostic));
        var constraint = Assert.Single(Assert.Single(file.Clusters).Attributes).Constraint;
        Assert.Equal((1m, (decimal?)null, "max=\"-\""), (constraint.Min, constraint.Max, constraint.Unreadable));
    }
}
