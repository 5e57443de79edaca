using System;
using System.Collections.Generic;
using MatterGen.Generator.Diagnostics;
using MatterGen.Generator.Model;

namespace MatterGen.Generator.Parsing;

/// <summary>Reports ids used twice in one scope (MG0004), at the second use.</summary>
internal static class DuplicateCheck
{
    /// <summary>Reports every item whose id an earlier item already used.</summary>
    public static void Ids<T>(
        IEnumerable<T> items,
        Func<T, ulong> id,
        Func<T, string> name,
        Func<T, SourcePosition?> position,
        string what,
        ParseContext context)
    {
        var seen = new Dictionary<ulong, T>();
        foreach (var item in items)
        {
            var key = id(item);
            if (seen.TryGetValue(key, out var first))
            {
                context.Report(DiagnosticInfo.Create(DiagnosticIds.DuplicateId, position(item), what, DiagnosticInfo.IdText(key), name(first), name(item)));
            }
            else
            {
                seen.Add(key, item);
            }
        }
    }
}
