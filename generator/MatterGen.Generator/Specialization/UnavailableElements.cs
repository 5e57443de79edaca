using System;
using System.Collections.Generic;
using System.Linq;
using MatterGen.Generator.Diagnostics;
using MatterGen.Generator.Model;

namespace MatterGen.Generator.Specialization;

/// <summary>
/// An element whose type (or a type inside it) no definition file defines is left out of the generated code
/// with a warning (MG0003); a server that has the element cannot work without it, so there it is an error
/// (MG1009) naming the element and the missing type.
/// </summary>
internal static class UnavailableElements
{
    /// <summary>Reports every present attribute, command (with its response) and event that uses an unknown type.</summary>
    public static void Report(
        ServerDeclaration declaration,
        ClusterUnit unit,
        IEnumerable<AttributeModel> attributes,
        IEnumerable<CommandModel> commands,
        IEnumerable<EventModel> events,
        List<DiagnosticInfo> diagnostics)
    {
        var types = unit.LocalTypes.Concat(unit.GlobalTypes)
            .GroupBy(t => t.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var finder = new Finder(types);

        foreach (var attribute in attributes)
        {
            Add(declaration, unit, "attribute " + attribute.Name, Problem(finder.Missing(attribute.Type), attribute.Constraint), diagnostics);
        }

        foreach (var command in commands)
        {
            Add(declaration, unit, "command " + command.Name, command.Fields.Select(f => Problem(finder.Missing(f.Type), f.Constraint)).FirstOrDefault(m => m is not null), diagnostics);
        }

        foreach (var clusterEvent in events)
        {
            Add(declaration, unit, "event " + clusterEvent.Name, clusterEvent.Fields.Select(f => Problem(finder.Missing(f.Type), f.Constraint)).FirstOrDefault(m => m is not null), diagnostics);
        }
    }

    private static string? Problem(string? missingType, Constraint constraint) =>
        missingType is not null ? "it uses type '" + missingType + "', which no definition file defines"
        : constraint.Unreadable is { } unreadable ? "its constraint " + unreadable + " could not be read, so the server could not enforce it"
        : null;

    private static void Add(ServerDeclaration declaration, ClusterUnit unit, string element, string? problem, List<DiagnosticInfo> diagnostics)
    {
        if (problem is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.ElementUnavailable, declaration.Position, unit.Cluster.Name, element, problem));
        }
    }

    private sealed class Finder(Dictionary<string, DataTypeModel> types)
    {
        private readonly Dictionary<string, string?> known = new(StringComparer.Ordinal);

        // The first unknown type name reachable from the reference, or null when every one is defined.
        public string? Missing(TypeReference reference) => Missing(reference.Name, new HashSet<string>(StringComparer.Ordinal));

        private string? Missing(string name, HashSet<string> visiting)
        {
            if (known.TryGetValue(name, out var cached))
            {
                return cached;
            }

            string? result;
            if (types.TryGetValue(name, out var named))
            {
                // A struct that contains itself was reported as cyclic; do not loop on it here.
                result = !visiting.Add(name) ? null : named.Fields.Select(f => Missing(f.Type.Name, visiting)).FirstOrDefault(m => m is not null);
                visiting.Remove(name);
            }
            else
            {
                result = BaseTypeTable.TryGetIgnoringCase(name, out _) ? null : name;
            }

            known[name] = result;
            return result;
        }
    }
}
