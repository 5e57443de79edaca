namespace MatterGen.Generator.Model;

/// <summary>
/// A tree's <c>zcl.json</c> (the ZAP manifest): the folders it searches (<c>xmlRoot</c>) and the XML files that
/// form the corpus, in the order ZAP loads them (<c>xmlFile</c>).
/// </summary>
/// <param name="FilePath">The manifest's path.</param>
/// <param name="Roots">The search folders as written, relative to the manifest's folder.</param>
/// <param name="Files">The listed files, in load order.</param>
/// <param name="Diagnostics">Problems reading it.</param>
internal sealed record CorpusManifest(
    string FilePath,
    EquatableArray<string> Roots,
    EquatableArray<ManifestEntry> Files,
    EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>One <c>xmlFile</c> entry: the name as written and where it is written.</summary>
internal sealed record ManifestEntry(string Name, SourcePosition Position);

/// <summary>
/// Which XML AdditionalFiles form the corpus and in what order. Without a manifest every file counts, in path
/// order. With one, the files it lists come first in its order; XML files outside the manifest's folder (the
/// user's own definitions) follow in path order; files inside that folder it does not list are left out.
/// </summary>
/// <param name="ManifestPath">The manifest in force, or null.</param>
/// <param name="ManifestDirectory">Its folder, normalized with '/' separators, or null.</param>
/// <param name="Listed">The listed files found among the AdditionalFiles, in load order (their paths as given).</param>
/// <param name="Diagnostics">Problems choosing the files (unreadable manifest, listed files not found).</param>
internal sealed record CorpusSelection(
    string? ManifestPath,
    string? ManifestDirectory,
    EquatableArray<string> Listed,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>No manifest: every file, in path order.</summary>
    public static CorpusSelection None { get; } = new(null, null, EquatableArray<string>.Empty, EquatableArray<DiagnosticInfo>.Empty);

    /// <summary>True when a manifest decides.</summary>
    public bool IsManifestDriven => ManifestPath is not null;
}
