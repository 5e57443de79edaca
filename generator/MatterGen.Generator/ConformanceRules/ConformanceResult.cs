namespace MatterGen.Generator.ConformanceRules;

/// <summary>What a conformance rule makes of an element (or feature) in one context.</summary>
internal enum ConformanceStatus
{
    /// <summary>The element must be supported.</summary>
    Mandatory,

    /// <summary>The element may be supported.</summary>
    Optional,

    /// <summary>The element must not be supported.</summary>
    Disallowed,
}

/// <summary>A choice group (<c>O.a+</c>): of its members, at least <see cref="Min"/>, and more only when <see cref="More"/>.</summary>
/// <param name="Name">The group's name (<c>a</c>).</param>
/// <param name="More">True for <c>+</c>: more than <see cref="Min"/> members may be chosen.</param>
/// <param name="Min">How many members must be chosen at the least (at least 1).</param>
internal sealed record ChoiceGroup(string Name, bool More, int Min);

/// <summary>The outcome of evaluating a conformance rule in a context.</summary>
/// <param name="Status">Mandatory, optional or disallowed.</param>
/// <param name="IsProvisional">The rule that applied was P (provisional).</param>
/// <param name="IsDeprecated">The rule that applied was D (deprecated).</param>
/// <param name="IsRuntimeDependent">The rule that applied was guarded by a run-time comparison, so it counts as optional.</param>
/// <param name="Choice">The choice group of the optional rule that applied, if it had one.</param>
internal sealed record ConformanceResult(
    ConformanceStatus Status,
    bool IsProvisional,
    bool IsDeprecated,
    bool IsRuntimeDependent,
    ChoiceGroup? Choice)
{
    public static ConformanceResult Mandatory { get; } = new(ConformanceStatus.Mandatory, false, false, false, null);

    public static ConformanceResult Optional { get; } = new(ConformanceStatus.Optional, false, false, false, null);

    public static ConformanceResult Disallowed { get; } = new(ConformanceStatus.Disallowed, false, false, false, null);
}
