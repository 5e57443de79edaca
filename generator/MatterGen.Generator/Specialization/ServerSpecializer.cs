using System;
using System.Collections.Generic;
using System.Linq;
using MatterGen.Generator.ConformanceRules;
using MatterGen.Generator.Diagnostics;
using MatterGen.Generator.Model;
using Element = MatterGen.Generator.Specialization.ElementSelection.Element;
using ElementKind = MatterGen.Generator.Specialization.ElementSelection.ElementKind;

namespace MatterGen.Generator.Specialization;

/// <summary>
/// Specializes a cluster for a server declaration: resolves and validates the features, selects the elements
/// their conformance requires plus the optional ones the user enabled, and applies the user's attribute
/// constraints and defaults. Pure and deterministic, so its result caches in the incremental pipeline.
/// </summary>
internal static class ServerSpecializer
{
    /// <summary>Specializes <paramref name="unit"/>'s cluster as <paramref name="declaration"/> asks.</summary>
    /// <param name="declaration">The server declaration.</param>
    /// <param name="unit">Its cluster.</param>
    /// <param name="strictConformance">Report choices certification rejects (a deprecated feature) as errors.</param>
    public static SpecializationResult Specialize(ServerDeclaration declaration, ClusterUnit unit, bool strictConformance = false)
    {
        var cluster = unit.Cluster;
        var diagnostics = new List<DiagnosticInfo>();
        var features = FeatureSelection.Resolve(declaration, cluster, diagnostics);
        if (diagnostics.Count > 0)
        {
            return Result(null, diagnostics);
        }

        DeprecatedFeatures.Report(declaration, cluster, features, strictConformance, diagnostics);
        if (diagnostics.Any(d => d.AsError))
        {
            return Result(null, diagnostics);
        }

        var reasons = FeatureSetValidator.Validate(cluster, features.ToList());
        if (reasons.Count > 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.FeatureSetNotAllowed, declaration.Position, cluster.Name, string.Join("; ", reasons)));
            return Result(null, diagnostics);
        }

        var elements = ElementSelection.ElementsOf(cluster);
        var enabledByName = ResolveEnabled(declaration, cluster, elements, diagnostics);
        var selection = ElementSelection.Select(features, new HashSet<Element>(enabledByName.SelectMany(pair => pair.Value)), elements);
        ReportSelectionProblems(declaration, cluster, selection, enabledByName, diagnostics);

        var present = selection.Elements.Where(element => element.IsPresent).ToList();
        UnavailableElements.Report(
            declaration,
            unit,
            present.Where(element => element.Kind == ElementKind.Attribute).Select(element => element.Attribute!),
            present.Where(element => element.Kind == ElementKind.Command).Select(element => element.Command!),
            present.Where(element => element.Kind == ElementKind.Event).Select(element => element.Event!),
            diagnostics);
        var attributes = AttributeOverrides.Apply(declaration, unit, selection, diagnostics);
        var specialized = new SpecializedCluster(
            declaration,
            unit,
            FeatureSelection.FeatureMap(features),
            features.ToEquatableArray(),
            attributes.ToEquatableArray(),
            Present(selection, element => element.Command is { Direction: CommandDirection.ClientToServer }, element => element.Command!, command => command.Id),
            Present(selection, element => element.IsResponse, element => element.Command!, command => command.Id),
            Present(selection, element => element.Kind == ElementKind.Event, element => element.Event!, @event => @event.Id));
        return Result(specialized, diagnostics);
    }

    // Each enabled name with the elements it names (an attribute and a command may share a name); MG1005 for none.
    private static List<KeyValuePair<string, List<Element>>> ResolveEnabled(
        ServerDeclaration declaration, ClusterModel cluster, IReadOnlyList<Element> elements, List<DiagnosticInfo> diagnostics)
    {
        var resolved = new List<KeyValuePair<string, List<Element>>>();
        foreach (var written in declaration.EnabledElements)
        {
            var name = written.Trim();
            if (name.Length == 0)
            {
                continue;
            }

            var matches = elements.Where(element => string.Equals(element.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
            if (matches.Count == 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.UnknownElement, declaration.Position, cluster.Name, name));
            }
            else if (resolved.All(pair => !string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase)))
            {
                resolved.Add(new KeyValuePair<string, List<Element>>(name, matches));
            }
        }

        return resolved;
    }

    private static void ReportSelectionProblems(
        ServerDeclaration declaration,
        ClusterModel cluster,
        ElementSelection selection,
        List<KeyValuePair<string, List<Element>>> enabledByName,
        List<DiagnosticInfo> diagnostics)
    {
        if (!selection.Settled)
        {
            var unsettled = string.Join(", ", selection.Unsettled.Select(element => element.DisplayName));
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.FeatureSetNotAllowed, declaration.Position, cluster.Name,
                $"the conformance of its elements does not settle on one selection ({unsettled} keep changing)"));
        }

        foreach (var pair in enabledByName)
        {
            if (pair.Value.Any(element => element.IsPresent))
            {
                continue;
            }

            var element = pair.Value[0];
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.ElementNotAllowed, declaration.Position, cluster.Name, pair.Key,
                selection.DisallowedReason(element)));
        }

        var choiceReasons = new[] { ElementKind.Attribute, ElementKind.Command, ElementKind.Event }
            .SelectMany(kind => ChoiceGroupChecker.Check(
                kind.ToString().ToLowerInvariant() + "s",
                selection.Elements.Where(element => element.Kind == kind)
                    .Select(element => new ChoiceGroupChecker.Member(element.Name, element.Result, element.IsPresent))))
            .ToList();
        if (choiceReasons.Count > 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.FeatureSetNotAllowed, declaration.Position, cluster.Name,
                string.Join("; ", choiceReasons) + " (enable them with Enable = \"...\")"));
        }
    }

    private static EquatableArray<T> Present<T>(ElementSelection selection, Func<Element, bool> kind, Func<Element, T> model, Func<T, uint> id)
        where T : IEquatable<T> =>
        selection.Elements.Where(element => element.IsPresent && kind(element)).Select(model).OrderBy(id).ToEquatableArray();

    private static SpecializationResult Result(SpecializedCluster? cluster, List<DiagnosticInfo> diagnostics) =>
        new(cluster, diagnostics.ToEquatableArray());
}
