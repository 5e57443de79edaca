using System.Collections.Generic;

namespace MatterGen.Generator.Manifest;

/// <summary>
/// Path arithmetic on text only (a generator must not touch the file system): separators unified to '/',
/// <c>.</c> and <c>..</c> segments resolved, repeated separators collapsed.
/// </summary>
internal static class PathText
{
    /// <summary>The path with '/' separators and no <c>.</c>, <c>..</c> or empty segments (a leading root is kept).</summary>
    public static string Normalize(string path)
    {
        var unified = path.Replace('\\', '/');
        var prefix = unified.StartsWith("//", System.StringComparison.Ordinal) ? "//" : unified.StartsWith("/", System.StringComparison.Ordinal) ? "/" : string.Empty;
        var segments = new List<string>();
        foreach (var segment in unified.Split('/'))
        {
            switch (segment)
            {
                case "":
                case ".":
                    continue;
                case "..":
                    if (segments.Count > 0 && segments[segments.Count - 1] != ".." && !IsDrive(segments, segments.Count - 1))
                    {
                        segments.RemoveAt(segments.Count - 1);
                    }
                    else if (prefix.Length == 0 && (segments.Count == 0 || segments[segments.Count - 1] == ".."))
                    {
                        segments.Add(segment);
                    }

                    continue;
                default:
                    segments.Add(segment);
                    continue;
            }
        }

        return prefix + string.Join("/", segments);
    }

    /// <summary>The folder part of a normalized path.</summary>
    public static string DirectoryOf(string normalizedPath)
    {
        var slash = normalizedPath.LastIndexOf('/');
        return slash < 0 ? string.Empty : normalizedPath.Substring(0, slash);
    }

    /// <summary>True for an absolute path (<c>/x</c>, <c>\\server</c>, <c>C:\x</c>).</summary>
    public static bool IsRooted(string path) =>
        path.StartsWith("/", System.StringComparison.Ordinal) || path.StartsWith("\\", System.StringComparison.Ordinal)
        || (path.Length >= 2 && path[1] == ':');

    private static bool IsDrive(List<string> segments, int index) => index == 0 && segments[0].Length == 2 && segments[0][1] == ':';
}
