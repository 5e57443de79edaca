using System;
using System.Collections.Generic;
using System.Linq;
using MatterGen.Generator.Diagnostics;
using MatterGen.Generator.Model;
using Element = MatterGen.Generator.Specialization.ElementSelection.Element;

namespace MatterGen.Generator.Specialization;

/// <summary>
/// Applies the user's <c>[MatterAttributeConstraint]</c> and <c>[MatterAttributeDefault]</c> to the present
/// attributes: constraints first, so that a default is checked against the tightened constraint. Diagnostics
/// are reported where the user wrote the override.
/// </summary>
internal static class AttributeOverrides
{
    /// <summary>The present attributes in id order, with overrides applied; MG1004..MG1007 for bad overrides.</summary>
    public static IReadOnlyList<AttributeModel> Apply(ServerDeclaration declaration, ClusterUnit unit, ElementSelection selection, List<DiagnosticInfo> diagnostics)
    {
        var cluster = unit.Cluster;
        var present = selection.Elements.Where(element => element.IsPresent && element.Attribute is not null)
            .Select(element => element.Attribute!).OrderBy(attribute => attribute.Id).ToList();
        var constrained = new HashSet<uint>();
        foreach (var constraint in declaration.Constraints)
        {
            var index = Locate(constraint.AttributeName, constraint.Position, cluster, selection, present, diagnostics);
            if (index < 0)
            {
                continue;
            }

            var attribute = present[index];
            if (!constrained.Add(attribute.Id))
            {
                Report(diagnostics, DiagnosticIds.InvalidConstraint, constraint.Position, cluster, attribute, "it is constrained more than once");
                continue;
            }

            var errors = new List<string>();
            var domain = ValueDomain.For(attribute, unit);
            var tightened = ConstraintTightening.Apply(attribute, domain, constraint.Constraint, errors);
            if (tightened is not null && !HasDefaultFor(declaration, attribute) && attribute.Default is { } definitionDefault
                && AttributeValueCheck.Check(definitionDefault, attribute, domain, attribute.Constraint, out _) is { } parsed
                && AttributeValueCheck.Check(parsed, attribute, domain, tightened, out var outside) is null)
            {
                errors.Add($"the definition's default {definitionDefault.Text} would break it ({outside}); set a default as well");
            }

            if (tightened is null || errors.Count > 0)
            {
                Report(diagnostics, DiagnosticIds.InvalidConstraint, constraint.Position, cluster, attribute, string.Join("; ", errors));
                continue;
            }

            present[index] = attribute with { Constraint = tightened };
        }

        var defaulted = new HashSet<uint>();
        foreach (var @default in declaration.Defaults)
        {
            var index = Locate(@default.AttributeName, @default.Position, cluster, selection, present, diagnostics);
            if (index < 0)
            {
                continue;
            }

            var attribute = present[index];
            if (!defaulted.Add(attribute.Id))
            {
                Report(diagnostics, DiagnosticIds.InvalidDefault, @default.Position, cluster, attribute, "its default is set more than once");
                continue;
            }

            var value = AttributeValueCheck.Check(@default.Value, attribute, ValueDomain.For(attribute, unit), attribute.Constraint, out var error);
            if (value is null)
            {
                Report(diagnostics, DiagnosticIds.InvalidDefault, @default.Position, cluster, attribute, error);
                continue;
            }

            present[index] = attribute with { Default = value };
        }

        return present;
    }

    private static bool HasDefaultFor(ServerDeclaration declaration, AttributeModel attribute) =>
        declaration.Defaults.Any(@default => string.Equals(@default.AttributeName.Trim(), attribute.Name, StringComparison.OrdinalIgnoreCase));

    // The index of the named attribute among the present ones; -1 with MG1005 (no such attribute) or MG1004 (not present).
    private static int Locate(string written, SourcePosition position, ClusterModel cluster, ElementSelection selection, List<AttributeModel> present, List<DiagnosticInfo> diagnostics)
    {
        var name = written.Trim();
        var index = present.FindIndex(attribute => string.Equals(attribute.Name, name, StringComparison.OrdinalIgnoreCase));
        if (index >= 0)
        {
            return index;
        }

        var element = selection.Elements.FirstOrDefault(candidate => candidate.Attribute is not null
            && string.Equals(candidate.Name, name, StringComparison.OrdinalIgnoreCase));
        if (element is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.UnknownElement, position, cluster.Name, name));
        }
        else
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.ElementNotAllowed, position, cluster.Name, name, AbsentReason(selection, element)));
        }

        return -1;
    }

    private static string AbsentReason(ElementSelection selection, Element element) =>
        element.Result.Status == ConformanceRules.ConformanceStatus.Optional
            ? "it is optional and not enabled; add it to Enable to set its default or constraint"
            : selection.DisallowedReason(element);

    private static void Report(List<DiagnosticInfo> diagnostics, string id, SourcePosition position, ClusterModel cluster, AttributeModel attribute, string reason) =>
        diagnostics.Add(DiagnosticInfo.Create(id, position, cluster.Name, attribute.Name, reason));
}
