using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using MatterGen.Tests;

namespace MatterGen.Packaging.Tests;

/// <summary>
/// Packs the three packable projects, once per test run, into a local feed in a fresh temporary folder outside
/// the repository. The folder is new every run, so no stale package can stand in for a changed one.
/// </summary>
public sealed class PackedFeed : IDisposable
{
    /// <summary>How long one <c>dotnet</c> command may take before the test fails.</summary>
    internal static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(4);

    /// <summary>The projects that make packages, relative to the repository root.</summary>
    internal static readonly string[] PackableProjects =
    [
        "generator/MatterGen.Generator/MatterGen.Generator.csproj",
        "runtime/MatterGen.Runtime/MatterGen.Runtime.csproj",
        "runtime/MatterGen.Node/MatterGen.Node.csproj",
        "runtime/MatterGen.Evse/MatterGen.Evse.csproj",
        "runtime/MatterGen.Evse.Hardware/MatterGen.Evse.Hardware.csproj",
        "runtime/MatterGen.Evse.Simulation/MatterGen.Evse.Simulation.csproj",
        "runtime/MatterGen.Transport/MatterGen.Transport.csproj",
        "runtime/MatterGen.Commissioning/MatterGen.Commissioning.csproj",
    ];

    private readonly Lazy<DotnetResult> pack;

    /// <summary>Chooses the folders; packing happens on first use, so its failure fails a test with its output.</summary>
    public PackedFeed()
    {
        Root = Path.Combine(Path.GetTempPath(), "mattergen-packaging-" + Guid.NewGuid().ToString("N")[..12]);
        FeedDirectory = Path.Combine(Root, "feed");
        Version = ReadRepositoryVersion();
        pack = new Lazy<DotnetResult>(Pack);
    }

    /// <summary>The temporary folder that holds the feed and the consumer project.</summary>
    public string Root { get; }

    /// <summary>The local package feed.</summary>
    public string FeedDirectory { get; }

    /// <summary>The package version, as Directory.Build.props sets it.</summary>
    public string Version { get; }

    /// <summary>The finished pack command (packing on first call).</summary>
    internal DotnetResult PackResult => pack.Value;

    /// <summary>The path of a package in the feed.</summary>
    public string PackagePath(string id) => Path.Combine(FeedDirectory, $"{id}.{Version}.nupkg");

    /// <summary>Removes the temporary folder.</summary>
    public void Dispose()
    {
        try
        {
            if (Directory.Exists(Root))
            {
                Directory.Delete(Root, recursive: true);
            }
        }
        catch (IOException)
        {
            // A build server may still hold a file for a moment; the system cleans the temp folder eventually.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private DotnetResult Pack()
    {
        Directory.CreateDirectory(Root);
        WriteBuildFenceFiles(Root);

        // One solution over the three projects: one restore and one parallel build instead of three.
        var solution = Path.Combine(Root, "packing.slnx");
        new XDocument(new XElement("Solution", PackableProjects.Select(project =>
            new XElement("Project", new XAttribute("Path", Path.Combine(SharedMaterial.RepositoryRoot, project)))))).Save(solution);

        // Run from the repository root so its global.json picks the SDK.
        return DotnetCommand.Run(SharedMaterial.RepositoryRoot, CommandTimeout,
            "pack", solution, "-c", "Release", "-p:PackageOutputPath=" + FeedDirectory, "-nodeReuse:false");
    }

    /// <summary>
    /// Writes empty Directory.Build.props/.targets and Directory.Packages.props into <paramref name="directory"/>,
    /// so MSBuild's upward search stops there and nothing from a parent folder applies.
    /// </summary>
    internal static void WriteBuildFenceFiles(string directory)
    {
        foreach (var name in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "Directory.Solution.props", "Directory.Solution.targets" })
        {
            File.WriteAllText(Path.Combine(directory, name), "<Project />\n");
        }
    }

    private static string ReadRepositoryVersion()
    {
        var props = XDocument.Load(Path.Combine(SharedMaterial.RepositoryRoot, "Directory.Build.props"));
        return props.Descendants("Version").Single().Value.Trim();
    }
}
