using System.Linq;
using MatterGen.Generator.Model;

namespace MatterGen.Generator.Planning;

/// <summary>
/// Whether an element is marked provisional or deprecated, from its maturity or its conformance (<c>P</c>,
/// <c>D</c>). Decided here so the plan (a record's <see cref="RecordSpec.IsDeprecated"/>, a field's
/// <see cref="FieldPlan.IsDeprecated"/>) and the emitters that print <c>[Provisional]</c> and <c>[Obsolete]</c>
/// agree; printing the marks is the emitters' part.
/// </summary>
internal static class MaturityMarks
{
    /// <summary>True when a maturity or conformance marks the element provisional.</summary>
    public static bool IsProvisional(Maturity maturity, Conformance? conformance = null) =>
        maturity == Maturity.Provisional || (conformance is not null && IsProvisional(conformance));

    /// <summary>True when a maturity or conformance marks the element deprecated.</summary>
    public static bool IsDeprecated(Maturity maturity, Conformance? conformance = null) =>
        maturity == Maturity.Deprecated || (conformance is not null && IsDeprecated(conformance));

    /// <summary>True when the rule makes the element provisional (<c>P</c>, alone or as an alternative).</summary>
    public static bool IsProvisional(Conformance conformance) =>
        conformance.Kind == ConformanceKind.Provisional ||
        (conformance.Kind == ConformanceKind.Otherwise && conformance.Alternatives.Any(a => a.Kind == ConformanceKind.Provisional));

    /// <summary>True when the rule deprecates the element (<c>D</c>, alone or as the only alternative).</summary>
    public static bool IsDeprecated(Conformance conformance) =>
        conformance.Kind == ConformanceKind.Deprecated ||
        (conformance.Kind == ConformanceKind.Otherwise && conformance.Alternatives.Count > 0 &&
         conformance.Alternatives.All(a => a.Kind == ConformanceKind.Deprecated));
}
