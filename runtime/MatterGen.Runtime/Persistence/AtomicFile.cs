using System;
using System.IO;

namespace MatterGen.Persistence;

/// <summary>
/// Replaces a file so that an interrupted write loses nothing: the new contents go to a temporary file beside it,
/// are flushed to the disk, and the temporary file is renamed over the old one (atomic on one file system). A crash
/// before the rename leaves the old file; after it, the new one.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="contents"/> to <paramref name="path"/> through <paramref name="temporaryPath"/>.</summary>
    /// <param name="path">The file to replace.</param>
    /// <param name="temporaryPath">The temporary file (same directory).</param>
    /// <param name="contents">The new contents.</param>
    /// <param name="beforeReplace">Called after the temporary file is flushed, before the rename (a seam for tests).</param>
    /// <param name="ownerOnly">Create the file readable and writable by its owner only (for secrets, on Unix).</param>
    public static void Write(string path, string temporaryPath, ReadOnlySpan<byte> contents, Action? beforeReplace = null, bool ownerOnly = false)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (ownerOnly && !OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporaryPath, options))
        {
            stream.Write(contents);
            stream.Flush(flushToDisk: true);
        }

        beforeReplace?.Invoke();
        File.Move(temporaryPath, path, overwrite: true);
    }
}
