using System.Collections.Generic;
using System.Linq;
using MatterGen.Generator.Diagnostics;
using MatterGen.Generator.Model;

namespace MatterGen.Generator.Resolution;

/// <summary>
/// Finds structs that contain themselves, directly or through other structs, with or without a list on the
/// way (MG0005). A list would make such data finite, but the generated codecs decode structs by nesting
/// calls, so any cycle is refused; the upstream definitions have none.
/// </summary>
internal static class StructCycles
{
    /// <summary>Reports one MG0005 per cycle found among <paramref name="types"/>, at the struct the cycle is found from.</summary>
    public static void Report(IReadOnlyList<DataTypeModel> types, TypeScope scope, ICollection<DiagnosticInfo> diagnostics)
    {
        var structs = types.Where(t => t.Kind == DataTypeKind.Struct).ToList();
        var state = new Dictionary<string, int>(System.StringComparer.Ordinal);
        foreach (var root in structs.OrderBy(s => s.Name, System.StringComparer.Ordinal))
        {
            if (!state.ContainsKey(root.Name))
            {
                Visit(root, scope, state, diagnostics);
            }
        }
    }

    // Iterative depth-first search (hostile input may chain thousands of structs): 1 = on the path, 2 = done.
    private static void Visit(DataTypeModel root, TypeScope scope, Dictionary<string, int> state, ICollection<DiagnosticInfo> diagnostics)
    {
        var path = new List<(DataTypeModel Type, int NextField, string? Via)>();
        state[root.Name] = 1;
        path.Add((root, 0, null));
        while (path.Count > 0)
        {
            var (type, next, via) = path[path.Count - 1];
            if (next >= type.Fields.Count)
            {
                state[type.Name] = 2;
                path.RemoveAt(path.Count - 1);
                continue;
            }

            path[path.Count - 1] = (type, next + 1, via);
            var field = type.Fields[next];
            if (scope.Resolve(field.Type.Name)?.Named is not { Kind: DataTypeKind.Struct } target)
            {
                continue;
            }

            var edge = type.Name + "." + field.Name;
            if (!state.TryGetValue(target.Name, out var mark))
            {
                state[target.Name] = 1;
                path.Add((target, 0, edge));
            }
            else if (mark == 1)
            {
                var start = path.FindIndex(p => p.Type.Name == target.Name);
                var chain = path.Skip(start + 1).Select(p => p.Via!).Concat(new[] { edge });
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.CyclicStruct, target.Position, target.Name, string.Join(" -> ", chain)));
            }
        }
    }
}
