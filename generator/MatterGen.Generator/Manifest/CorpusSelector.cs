using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using MatterGen.Generator.Diagnostics;
using MatterGen.Generator.Model;

namespace MatterGen.Generator.Manifest;

/// <summary>
/// Matches a manifest's <c>xmlFile</c> entries against the XML AdditionalFiles the way ZAP finds them: each
/// entry is looked for under every <c>xmlRoot</c> folder in order, and the first that exists is the one loaded.
/// </summary>
internal static class CorpusSelector
{
    /// <summary>The selection for these manifests (normally none or one) and XML file paths.</summary>
    public static CorpusSelection Select(ImmutableArray<CorpusManifest> manifests, ImmutableArray<string> xmlPaths)
    {
        if (manifests.IsDefaultOrEmpty)
        {
            return CorpusSelection.None;
        }

        var ordered = manifests.OrderBy(m => m.FilePath, StringComparer.Ordinal).ToList();
        var manifest = ordered[0];
        var diagnostics = new List<DiagnosticInfo>(manifest.Diagnostics);
        foreach (var ignored in ordered.Skip(1))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.SeveralManifests, new SourcePosition(ignored.FilePath, 1, 1), manifest.FilePath, ignored.FilePath));
        }

        var byPath = new Dictionary<string, string>(StringComparer.Ordinal);
        var byPathIgnoringCase = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in xmlPaths.OrderBy(p => p, StringComparer.Ordinal))
        {
            var normalized = PathText.Normalize(path);
            if (!byPath.ContainsKey(normalized))
            {
                byPath.Add(normalized, path);
            }

            if (!byPathIgnoringCase.ContainsKey(normalized))
            {
                byPathIgnoringCase.Add(normalized, path);
            }
        }

        var directory = PathText.DirectoryOf(PathText.Normalize(manifest.FilePath));
        var listed = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in manifest.Files)
        {
            var found = Find(directory, manifest.Roots, entry.Name, byPath) ?? Find(directory, manifest.Roots, entry.Name, byPathIgnoringCase);
            if (found is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.ManifestFileNotFound, entry.Position, entry.Name, string.Join(", ", manifest.Roots)));
            }
            else if (seen.Add(found))
            {
                listed.Add(found);
            }
        }

        return new CorpusSelection(manifest.FilePath, directory, listed.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    /// <summary>
    /// The files of the corpus in load order: with a manifest, the listed files in its order, then every file
    /// outside its folder in path order; without one, every file in path order.
    /// </summary>
    public static List<T> Order<T>(IEnumerable<T> files, Func<T, string> pathOf, CorpusSelection selection)
    {
        var byPath = files.OrderBy(pathOf, StringComparer.Ordinal).ToList();
        if (!selection.IsManifestDriven)
        {
            return byPath;
        }

        var rank = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < selection.Listed.Count; i++)
        {
            rank[selection.Listed[i]] = i;
        }

        var listed = byPath.Where(f => rank.ContainsKey(pathOf(f))).OrderBy(f => rank[pathOf(f)]);
        var outside = byPath.Where(f => !rank.ContainsKey(pathOf(f)) && !IsUnder(selection, pathOf(f)));
        return listed.Concat(outside).ToList();
    }

    /// <summary>True when the file belongs to the corpus (so its own diagnostics are reported).</summary>
    public static bool Includes(CorpusSelection selection, string path) =>
        !selection.IsManifestDriven || selection.Listed.Contains(path) || !IsUnder(selection, path);

    private static bool IsUnder(CorpusSelection selection, string path) =>
        selection.ManifestDirectory is { } directory
        && PathText.Normalize(path).StartsWith(directory + "/", StringComparison.OrdinalIgnoreCase);

    private static string? Find(string directory, EquatableArray<string> roots, string name, Dictionary<string, string> paths)
    {
        foreach (var root in roots)
        {
            var candidate = PathText.IsRooted(name) ? PathText.Normalize(name) : PathText.Normalize(directory + "/" + root + "/" + name);
            if (paths.TryGetValue(candidate, out var path))
            {
                return path;
            }
        }

        return null;
    }
}
