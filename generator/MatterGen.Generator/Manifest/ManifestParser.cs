using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using MatterGen.Generator.Diagnostics;
using MatterGen.Generator.Model;
using MatterGen.Generator.Parsing;

namespace MatterGen.Generator.Manifest;

/// <summary>
/// Reads a ZAP manifest (<c>zcl.json</c>): <c>xmlRoot</c> (search folders) and <c>xmlFile</c> (the files, in load
/// order). Everything else in it (ZAP's options, defaults, reporting policy) is not the generator's business.
/// Never throws for bad input: an unreadable manifest is reported (MG0013) and lists nothing.
/// </summary>
internal static class ManifestParser
{
    /// <summary>The file name the generator reads as a manifest.</summary>
    public const string FileName = "zcl.json";

    /// <summary>True for an AdditionalFile that is a ZAP manifest.</summary>
    public static bool IsManifest(string path) =>
        string.Equals(path.Substring(path.LastIndexOfAny(new[] { '/', '\\' }) + 1), FileName, StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the manifest at <paramref name="filePath"/>. Throws only <see cref="OperationCanceledException"/>.</summary>
    public static CorpusManifest Parse(string filePath, string? text, CancellationToken ct)
    {
        try
        {
            return ParseChecked(filePath, text, ct);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (JsonException ex)
        {
            return Failed(filePath, new SourcePosition(filePath, ex.Line, ex.Column), ex.Message);
        }
        catch (Exception ex)
        {
            return Failed(filePath, new SourcePosition(filePath, 1, 1), ex.GetType().Name + ": " + ex.Message);
        }
    }

    private static CorpusManifest ParseChecked(string filePath, string? text, CancellationToken ct)
    {
        if (text is null)
        {
            return Failed(filePath, new SourcePosition(filePath, 1, 1), "the file could not be read");
        }

        if (text.Length > DefinitionParser.MaxCharacters)
        {
            return Failed(filePath, new SourcePosition(filePath, 1, 1),
                "it is " + text.Length.ToString(CultureInfo.InvariantCulture) + " characters; the limit is " + DefinitionParser.MaxCharacters.ToString(CultureInfo.InvariantCulture));
        }

        if (JsonText.Parse(text, ct) is not JsonObject root)
        {
            return Failed(filePath, new SourcePosition(filePath, 1, 1), "the document is not a JSON object");
        }

        var diagnostics = new List<DiagnosticInfo>();
        var roots = new List<string>();
        var files = new List<ManifestEntry>();
        var sawFiles = false;
        foreach (var member in root.Members)
        {
            switch (member.Key)
            {
                case "xmlRoot":
                    foreach (var item in Strings(filePath, member, diagnostics))
                    {
                        roots.Add(item.Value);
                    }

                    break;
                case "xmlFile":
                    sawFiles = true;
                    foreach (var item in Strings(filePath, member, diagnostics))
                    {
                        files.Add(new ManifestEntry(item.Value, new SourcePosition(filePath, item.Line, item.Column)));
                    }

                    break;
            }
        }

        if (!sawFiles)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.UnreadableManifest, new SourcePosition(filePath, root.Line, root.Column), filePath, "it has no \"xmlFile\" list"));
        }

        if (roots.Count == 0)
        {
            // ZAP searches the manifest's own folder when no root is given.
            roots.Add(".");
        }

        return new CorpusManifest(filePath, roots.ToEquatableArray(), files.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    private static IEnumerable<JsonString> Strings(string filePath, KeyValuePair<string, JsonValue> member, List<DiagnosticInfo> diagnostics)
    {
        if (member.Value is not JsonArray array)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.UnreadableManifest, new SourcePosition(filePath, member.Value.Line, member.Value.Column), filePath, "\"" + member.Key + "\" is not a list"));
            yield break;
        }

        foreach (var item in array.Items)
        {
            if (item is JsonString text)
            {
                yield return text;
            }
            else
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.UnreadableManifest, new SourcePosition(filePath, item.Line, item.Column), filePath, "an entry of \"" + member.Key + "\" is not a string"));
            }
        }
    }

    private static CorpusManifest Failed(string filePath, SourcePosition position, string reason) => new(
        filePath,
        EquatableArray<string>.Empty,
        EquatableArray<ManifestEntry>.Empty,
        EquatableArray.From(new[] { DiagnosticInfo.Create(DiagnosticIds.UnreadableManifest, position, filePath, reason) }));
}
