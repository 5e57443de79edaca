using System;
using System.Collections.Generic;
using System.Linq;

namespace MatterGen.Generator.ConformanceRules;

/// <summary>
/// What conformance terms are evaluated against: the features on, the elements present (by name, one set per
/// element kind) and the named conditions that hold. Names compare case-insensitively, as definition files do
/// not always agree with themselves on case.
/// </summary>
internal sealed class ConformanceContext
{
    /// <summary>
    /// The conditions a generated server satisfies when none are given: it is a <c>Matter</c> device. Every other
    /// named condition (<c>Zigbee</c>, ...) is false, because a MatterGen server is never anything else.
    /// </summary>
    public static IReadOnlyList<string> DefaultConditions { get; } = new[] { "Matter" };

    private readonly HashSet<string> features;
    private readonly HashSet<string> attributes;
    private readonly HashSet<string> commands;
    private readonly HashSet<string> events;
    private readonly HashSet<string> conditions;

    /// <summary>Creates a context.</summary>
    /// <param name="features">Features on, each by code and/or name (a term may use either).</param>
    /// <param name="attributes">Attributes present.</param>
    /// <param name="commands">Commands present.</param>
    /// <param name="events">Events present.</param>
    /// <param name="conditions">Named conditions that hold; <see langword="null"/> means <see cref="DefaultConditions"/>.</param>
    public ConformanceContext(
        IEnumerable<string> features,
        IEnumerable<string>? attributes = null,
        IEnumerable<string>? commands = null,
        IEnumerable<string>? events = null,
        IEnumerable<string>? conditions = null)
    {
        this.features = ToSet(features);
        this.attributes = ToSet(attributes);
        this.commands = ToSet(commands);
        this.events = ToSet(events);
        this.conditions = ToSet(conditions ?? DefaultConditions);
    }

    /// <summary>True when the feature with this code or name is on.</summary>
    public bool HasFeature(string codeOrName) => features.Contains(codeOrName);

    /// <summary>True when the attribute is present.</summary>
    public bool HasAttribute(string name) => attributes.Contains(name);

    /// <summary>True when the command is present.</summary>
    public bool HasCommand(string name) => commands.Contains(name);

    /// <summary>True when the event is present.</summary>
    public bool HasEvent(string name) => events.Contains(name);

    /// <summary>True when the named condition holds; unknown conditions are false.</summary>
    public bool HasCondition(string name) => conditions.Contains(name);

    private static HashSet<string> ToSet(IEnumerable<string>? names) =>
        new(names ?? Enumerable.Empty<string>(), StringComparer.OrdinalIgnoreCase);
}
