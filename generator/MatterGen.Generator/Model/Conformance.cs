namespace MatterGen.Generator.Model;

/// <summary>How an element's conformance is stated (Matter Core Specification 7.3).</summary>
internal enum ConformanceKind
{
    /// <summary>M, or M with a condition: required where the condition holds.</summary>
    Mandatory,

    /// <summary>O, or O with a condition or a choice (<c>O.a+</c>).</summary>
    Optional,

    /// <summary>P: provisional.</summary>
    Provisional,

    /// <summary>D: deprecated.</summary>
    Deprecated,

    /// <summary>X: disallowed.</summary>
    Disallowed,

    /// <summary>desc: described in prose; the generator treats it as optional.</summary>
    Described,

    /// <summary>A list of alternatives, the first whose condition holds applies.</summary>
    Otherwise,
}

/// <summary>
/// One conformance rule as written in the XML. <see cref="Alternatives"/> is used only by
/// <see cref="ConformanceKind.Otherwise"/>; the choice fields only by <see cref="ConformanceKind.Optional"/>.
/// </summary>
/// <param name="Kind">The rule's kind.</param>
/// <param name="Condition">The condition under which the rule applies; <see langword="null"/> means always.</param>
/// <param name="Choice">Choice group name (<c>a</c> in <c>O.a+</c>), if any.</param>
/// <param name="ChoiceMore">True for <c>+</c>: at least <see cref="ChoiceMin"/> of the group, possibly more.</param>
/// <param name="ChoiceMin">How many of the group must be chosen at the least (1 unless stated).</param>
/// <param name="Alternatives">The alternatives of an otherwise rule, in order.</param>
internal sealed record Conformance(
    ConformanceKind Kind,
    ConformanceExpression? Condition,
    string? Choice,
    bool ChoiceMore,
    int ChoiceMin,
    EquatableArray<Conformance> Alternatives)
{
    public static Conformance Mandatory { get; } = new(ConformanceKind.Mandatory, null, null, false, 0, EquatableArray<Conformance>.Empty);

    public static Conformance Optional { get; } = new(ConformanceKind.Optional, null, null, false, 0, EquatableArray<Conformance>.Empty);

    public static Conformance Create(ConformanceKind kind, ConformanceExpression? condition = null) =>
        new(kind, condition, null, false, 0, EquatableArray<Conformance>.Empty);
}

/// <summary>A boolean term inside a conformance rule.</summary>
internal abstract record ConformanceExpression;

/// <summary>True when the named feature (by code or name) is on.</summary>
internal sealed record FeatureTerm(string Name) : ConformanceExpression;

/// <summary>True when the named attribute is present in the specialization.</summary>
internal sealed record AttributeTerm(string Name) : ConformanceExpression;

/// <summary>True when the named command is present in the specialization.</summary>
internal sealed record CommandTerm(string Name) : ConformanceExpression;

/// <summary>True when the named event is present in the specialization.</summary>
internal sealed record EventTerm(string Name) : ConformanceExpression;

/// <summary>A named condition (such as <c>Zigbee</c> or <c>Matter</c>) that the device declares.</summary>
internal sealed record ConditionTerm(string Name) : ConformanceExpression;

/// <summary>All terms hold.</summary>
internal sealed record AndTerm(EquatableArray<ConformanceExpression> Terms) : ConformanceExpression;

/// <summary>At least one term holds.</summary>
internal sealed record OrTerm(EquatableArray<ConformanceExpression> Terms) : ConformanceExpression;

/// <summary>Exclusive or: exactly one term holds.</summary>
internal sealed record XorTerm(EquatableArray<ConformanceExpression> Terms) : ConformanceExpression;

/// <summary>The term does not hold.</summary>
internal sealed record NotTerm(ConformanceExpression Term) : ConformanceExpression;

/// <summary>
/// A comparison against a run-time value (<c>greaterTerm</c> and the like). It cannot be decided at
/// compile time, so the evaluator treats the rule it guards as optional.
/// </summary>
internal sealed record RuntimeComparisonTerm(string Text) : ConformanceExpression;
