using System;
using System.Collections.Generic;
using System.Linq;
using MatterGen.Generator.ConformanceRules;
using MatterGen.Generator.Model;

namespace MatterGen.Generator.Specialization;

/// <summary>
/// Decides which attributes, commands and events a specialization has. An element's conformance may name other
/// elements, so presence is computed to a fixed point: starting from nothing present, each round evaluates every
/// element against the previous round's presence, until nothing changes.
/// </summary>
internal sealed class ElementSelection
{
    private readonly IReadOnlyList<FeatureModel> features;

    private ElementSelection(IReadOnlyList<FeatureModel> features, IReadOnlyList<Element> elements)
    {
        this.features = features;
        Elements = elements;
    }

    /// <summary>Every element of the cluster with its final conformance and presence, attributes then commands then events.</summary>
    public IReadOnlyList<Element> Elements { get; }

    /// <summary>False when presence did not settle (conformance that negates elements in a cycle).</summary>
    public bool Settled => Unsettled.Count == 0;

    /// <summary>The elements whose presence still changed in the last round, when it did not settle.</summary>
    public IReadOnlyList<Element> Unsettled { get; private set; } = Array.Empty<Element>();

    /// <summary>Selects the elements for the chosen features and the enabled names (already resolved to elements).</summary>
    public static ElementSelection Select(IReadOnlyList<FeatureModel> features, ISet<Element> enabled, IReadOnlyList<Element> elements)
    {
        var selection = new ElementSelection(features, elements);
        var featureNames = features.SelectMany(feature => new[] { feature.Code, feature.Name }).ToList();

        // Presence only grows unless conformance negates an element; a bound catches a cycle of negations.
        var rounds = (2 * elements.Count) + 2;
        for (var round = 0; round < rounds; round++)
        {
            var context = new ConformanceContext(
                featureNames,
                Names(elements, ElementKind.Attribute),
                Names(elements, ElementKind.Command),
                Names(elements, ElementKind.Event));
            var requestedResponses = new HashSet<string>(
                elements.Where(element => element.IsPresent && element.Command?.ResponseName is not null)
                    .Select(element => element.Command!.ResponseName!),
                StringComparer.OrdinalIgnoreCase);
            var changed = new List<Element>();
            foreach (var element in elements)
            {
                element.Result = ConformanceEvaluator.Evaluate(element.Conformance, context);
                var present = element.Result.Status == ConformanceStatus.Mandatory
                    || (element.Result.Status == ConformanceStatus.Optional
                        && (enabled.Contains(element) || (element.IsResponse && requestedResponses.Contains(element.Name))));
                if (present != element.IsPresent)
                {
                    changed.Add(element);
                }

                element.IsPresent = present;
            }

            selection.Unsettled = changed;
            if (changed.Count == 0)
            {
                return selection;
            }
        }

        return selection;
    }

    /// <summary>All elements of a cluster, attributes then commands then events, each in id order.</summary>
    public static IReadOnlyList<Element> ElementsOf(ClusterModel cluster) =>
        cluster.Attributes.OrderBy(attribute => attribute.Id).Select(attribute => new Element(ElementKind.Attribute, attribute.Name, attribute.Conformance) { Attribute = attribute })
            .Concat(cluster.Commands.OrderBy(command => command.Direction).ThenBy(command => command.Id)
                .Select(command => new Element(ElementKind.Command, command.Name, command.Conformance) { Command = command }))
            .Concat(cluster.Events.OrderBy(@event => @event.Id).Select(@event => new Element(ElementKind.Event, @event.Name, @event.Conformance) { Event = @event }))
            .ToList();

    /// <summary>Why an element cannot be present: its conformance and the features it was evaluated for.</summary>
    public string DisallowedReason(Element element)
    {
        var chosen = features.Count == 0 ? "no features" : "features " + string.Join(", ", features.Select(FeatureSetValidator.DisplayName));
        return $"its conformance '{ConformanceFormatter.Format(element.Conformance)}' does not allow it with {chosen}";
    }

    private static IEnumerable<string> Names(IEnumerable<Element> elements, ElementKind kind) =>
        elements.Where(element => element.Kind == kind && element.IsPresent).Select(element => element.Name);

    /// <summary>The three kinds of cluster element.</summary>
    internal enum ElementKind
    {
        /// <summary>An attribute.</summary>
        Attribute,

        /// <summary>A command, request or response.</summary>
        Command,

        /// <summary>An event.</summary>
        Event,
    }

    /// <summary>One attribute, command or event, with its state during selection.</summary>
    internal sealed class Element
    {
        public Element(ElementKind kind, string name, Model.Conformance conformance)
        {
            Kind = kind;
            Name = name;
            Conformance = conformance;
            Result = ConformanceResult.Disallowed;
        }

        /// <summary>Attribute, command or event.</summary>
        public ElementKind Kind { get; }

        /// <summary>The element's name.</summary>
        public string Name { get; }

        /// <summary>The element's conformance as written.</summary>
        public Model.Conformance Conformance { get; }

        /// <summary>The attribute, when this is one.</summary>
        public AttributeModel? Attribute { get; init; }

        /// <summary>The command, when this is one.</summary>
        public CommandModel? Command { get; init; }

        /// <summary>The event, when this is one.</summary>
        public EventModel? Event { get; init; }

        /// <summary>True for a server-to-client command (a response).</summary>
        public bool IsResponse => Command is { Direction: CommandDirection.ServerToClient };

        /// <summary>The latest evaluation of its conformance.</summary>
        public ConformanceResult Result { get; set; }

        /// <summary>Whether it is present after the latest round.</summary>
        public bool IsPresent { get; set; }

        /// <summary>The element as diagnostics show it: <c>attribute 'State'</c>.</summary>
        public string DisplayName => $"{Kind.ToString().ToLowerInvariant()} '{Name}'";
    }
}
