using System;
using System.IO;

namespace MatterGen.Tests;

/// <summary>
/// Finds the material in <c>../shared</c> beside the repository root. Tests that need it use
/// <see cref="SharedFactAttribute"/> or <see cref="SharedTheoryAttribute"/>: under CI (CI=true) a missing
/// folder fails the test; elsewhere the test is skipped with a message that says what is missing.
/// </summary>
public static class SharedMaterial
{
    private static readonly Lazy<string?> Root = new(FindRoot);

    /// <summary>The repository root: the nearest folder above the test binaries that holds MatterGen.sln.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The shared folder, or null when it is not there.</summary>
    public static string? Directory => Root.Value;

    /// <summary>True when the tests run under CI.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The reason a shared test is skipped, or null when it runs.</summary>
    public static string? SkipReason => Directory is null && !IsCi
        ? $"../shared is not beside the repository root ({RepositoryRoot}); tests against the reference material are skipped"
        : null;

    /// <summary>The full path of a file or folder under ../shared; fails the test when ../shared is missing.</summary>
    public static string PathOf(string relativePath)
    {
        var root = Directory ?? throw new InvalidOperationException(
            $"../shared was not found beside the repository root {RepositoryRoot}; under CI it is required.");
        return Path.Combine(root, relativePath.Replace('/', Path.DirectorySeparatorChar));
    }

    /// <summary>The cluster XML folder of the reference SDK: ../shared/chip-zcl/data-model/chip.</summary>
    public static string ChipClusterDirectory => PathOf("chip-zcl/data-model/chip");

    private static string? FindRoot()
    {
        var candidate = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));
        return System.IO.Directory.Exists(candidate) ? candidate : null;
    }

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MatterGen.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("MatterGen.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A fact that needs ../shared: skipped outside CI when it is missing, failed under CI.</summary>
public sealed class SharedFactAttribute : Xunit.FactAttribute
{
    /// <summary>Sets the skip reason from <see cref="SharedMaterial.SkipReason"/>.</summary>
    public SharedFactAttribute()
    {
        if (SharedMaterial.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>A theory that needs ../shared: skipped outside CI when it is missing, failed under CI.</summary>
public sealed class SharedTheoryAttribute : Xunit.TheoryAttribute
{
    /// <summary>Sets the skip reason from <see cref="SharedMaterial.SkipReason"/>.</summary>
    public SharedTheoryAttribute()
    {
        if (SharedMaterial.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
