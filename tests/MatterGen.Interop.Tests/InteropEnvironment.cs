using System;
using System.Diagnostics;
using System.IO;
using MatterGen.Tests;

namespace MatterGen.Interop.Tests;

/// <summary>
/// What an interop case needs: <c>unshare -n</c> that works (root or user namespaces), <c>ip</c>, Node.js and the
/// pinned matter.js installed in tests/interop (<c>npm ci</c>). Missing pieces skip the cases with a message, except
/// under CI (CI=true), where they fail.
/// </summary>
public static class InteropEnvironment
{
    private static readonly Lazy<string?> Missing = new(FindMissing);

    /// <summary>The folder of the Node scripts: tests/interop.</summary>
    public static string ScriptDirectory { get; } = Path.Combine(SharedMaterial.RepositoryRoot, "tests", "interop");

    /// <summary>The reason the cases are skipped, or null when they run.</summary>
    public static string? SkipReason => Missing.Value is { } missing && !SharedMaterial.IsCi ? $"Interop skipped: {missing}" : null;

    /// <summary>What is missing, or null (also under CI, where the case then fails with this message).</summary>
    public static string? MissingPiece => Missing.Value;

    private static string? FindMissing()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "network namespaces need Linux";
        }

        if (!Directory.Exists(Path.Combine(ScriptDirectory, "node_modules", "@project-chip", "matter.js")))
        {
            return "matter.js is not installed; run `npm ci` in tests/interop";
        }

        if (Run("node", "--version") is not 0)
        {
            return "Node.js (node) is not on the PATH";
        }

        return Run("unshare", "-n ip link set lo up") is not 0
            ? "`unshare -n` with `ip` does not work here (needs root or user namespaces, and iproute2)"
            : null;
    }

    private static int? Run(string program, string arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true });
            if (process is null)
            {
                return null;
            }

            if (!process.WaitForExit(10_000))
            {
                process.Kill(entireProcessTree: true);
                return null;
            }

            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}

/// <summary>An interop case: skipped with a message where the environment lacks a piece, failed under CI.</summary>
public sealed class InteropFactAttribute : Xunit.FactAttribute
{
    /// <summary>Sets the skip reason from <see cref="InteropEnvironment.SkipReason"/>.</summary>
    public InteropFactAttribute()
    {
        if (InteropEnvironment.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
