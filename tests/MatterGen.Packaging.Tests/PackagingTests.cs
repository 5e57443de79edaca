using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using MatterGen.Tests;
using Xunit;
using Xunit.Abstractions;

namespace MatterGen.Packaging.Tests;

/// <summary>
/// The packages as a user gets them: what is inside each .nupkg, and a project outside the repository that
/// installs them by version, builds with warnings as errors and runs.
/// </summary>
public sealed partial class PackagingTests(PackedFeed feed, ITestOutputHelper output) : IClassFixture<PackedFeed>
{
    private const string Generator = "MatterGen.Generator";
    private const string Runtime = "MatterGen.Runtime";
    private const string Node = "MatterGen.Node";
    private const string Evse = "MatterGen.Evse";
    private const string EvseHardware = "MatterGen.Evse.Hardware";
    private const string EvseSimulation = "MatterGen.Evse.Simulation";
    private const string Transport = "MatterGen.Transport";

    [Fact]
    public void Packing_makes_warning_free_packages_and_the_generator_package_is_analyzer_only()
    {
        var pack = AssertPacked();
        Assert.False(WarningPattern().IsMatch(pack.Output), pack.Describe("Packing printed a warning"));

        foreach (var id in new[] { Generator, Runtime, Node, Evse, EvseHardware, EvseSimulation, Transport })
        {
            using var package = ZipFile.OpenRead(feed.PackagePath(id));
            var entries = package.Entries.Select(entry => entry.FullName).ToList();
            var metadata = ReadNuspec(package, id);
            Assert.Equal(id, Text(metadata, "id"));
            Assert.Equal(feed.Version, Text(metadata, "version"));
            Assert.False(string.IsNullOrWhiteSpace(Text(metadata, "authors")), id + ": no authors");
            Assert.False(string.IsNullOrWhiteSpace(Text(metadata, "description")), id + ": no description");
            Assert.False(string.IsNullOrWhiteSpace(Text(metadata, "tags")), id + ": no tags");
            var license = Element(metadata, "license");
            Assert.Equal("expression", (string?)license?.Attribute("type"));
            Assert.Equal("Apache-2.0", license?.Value);
            Assert.Equal("PACKAGE.md", Text(metadata, "readme"));
            Assert.Contains("PACKAGE.md", entries);

            // Repository-free: no project or repository address.
            Assert.Null(Element(metadata, "projectUrl"));
            Assert.Null(Element(metadata, "repository")?.Attribute("url"));
        }

        using (var generator = ZipFile.OpenRead(feed.PackagePath(Generator)))
        {
            var entries = generator.Entries.Select(entry => entry.FullName).ToList();
            Assert.Contains("analyzers/dotnet/cs/MatterGen.Generator.dll", entries);
            Assert.DoesNotContain(entries, entry => entry.StartsWith("lib/", StringComparison.Ordinal));
            Assert.Contains("buildTransitive/MatterGen.Generator.props", entries);
            Assert.Equal(RepositoryDefinitionNames(), entries
                .Where(entry => entry.StartsWith("buildTransitive/spec/", StringComparison.Ordinal))
                .Select(FileName).Order(StringComparer.Ordinal).ToList());

            // The compiler loads Roslyn itself: the package must not drag it into the user's project.
            var metadata = ReadNuspec(generator, Generator);
            Assert.DoesNotContain(metadata.Descendants(), element => element.Name.LocalName == "dependency");
            Assert.DoesNotContain("Microsoft.CodeAnalysis", metadata.ToString(), StringComparison.Ordinal);
            Assert.Equal("true", Text(metadata, "developmentDependency"));
        }

        AssertHasEntry(Runtime, "lib/net10.0/MatterGen.Runtime.dll");
        AssertHasEntry(Node, "lib/net10.0/MatterGen.Node.dll");
        AssertHasEntry(Evse, "lib/net10.0/MatterGen.Evse.dll");
        AssertHasEntry(EvseHardware, "lib/net10.0/MatterGen.Evse.Hardware.dll");
        AssertHasEntry(EvseSimulation, "lib/net10.0/MatterGen.Evse.Simulation.dll");
        AssertHasEntry(Transport, "lib/net10.0/MatterGen.Transport.dll");

        // The device packages carry their own generated cluster types; the generator is not a dependency of them,
        // and the charger depends on the node package for its root endpoint.
        using var evsePackage = ZipFile.OpenRead(feed.PackagePath(Evse));
        var evse = ReadNuspec(evsePackage, Evse);
        Assert.DoesNotContain(evse.Descendants(), element => element.Name.LocalName == "dependency" && (string?)element.Attribute("id") == Generator);
        Assert.Contains(evse.Descendants(), element => element.Name.LocalName == "dependency" && (string?)element.Attribute("id") == Node);
        // A production charger installs the hardware package without the simulation; the simulation builds on it.
        using var hardwarePackage = ZipFile.OpenRead(feed.PackagePath(EvseHardware));
        Assert.DoesNotContain(ReadNuspec(hardwarePackage, EvseHardware).Descendants(), element => element.Name.LocalName == "dependency" && (string?)element.Attribute("id") == EvseSimulation);
        using var simulationPackage = ZipFile.OpenRead(feed.PackagePath(EvseSimulation));
        Assert.Contains(ReadNuspec(simulationPackage, EvseSimulation).Descendants(), element => element.Name.LocalName == "dependency" && (string?)element.Attribute("id") == EvseHardware);
        using var nodePackage = ZipFile.OpenRead(feed.PackagePath(Node));
        Assert.DoesNotContain(ReadNuspec(nodePackage, Node).Descendants(), element => element.Name.LocalName == "dependency" && (string?)element.Attribute("id") == Generator);
    }

    [Fact]
    public void A_fresh_project_outside_the_repository_installs_the_packages_by_version_builds_and_runs()
    {
        AssertPacked();
        var consumerRoot = Path.Combine(feed.Root, "consumer");
        Assert.False(
            Path.GetFullPath(consumerRoot).StartsWith(Path.GetFullPath(SharedMaterial.RepositoryRoot), StringComparison.Ordinal),
            $"The consumer project must live outside the repository, but the temp folder {consumerRoot} is inside it.");
        var project = ConsumerProject.Write(consumerRoot, feed.FeedDirectory, feed.Version);

        var build = Dotnet(consumerRoot, "build", project, "-nodeReuse:false");
        Assert.True(build.ExitCode == 0, build.Describe("The consumer project did not build"));
        Assert.False(WarningPattern().IsMatch(build.Output), build.Describe("Building the consumer printed a warning"));

        var run = Dotnet(consumerRoot, "run", "--no-build", "--project", project);
        Assert.True(run.ExitCode == 0, run.Describe("The consumer program failed"));
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // ChargingPreferences is bit 0 and RFID bit 3.
        Assert.Contains("FeatureMap=0x09", lines);
        // Anonymous structure; ChargingEnabledUntil null (tag 0); 6000 and 32000 as 2-byte signed integers (tags 1, 2); end.
        Assert.Contains("EnableCharging=153400210170172102007D18", lines);

        var generated = Directory.EnumerateFiles(Path.Combine(project, "obj"), "MatterGen.Clusters.EnergyEVSE.g.cs", SearchOption.AllDirectories)
            .Where(path => path.Contains($"{Path.DirectorySeparatorChar}generated{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.True(generated.Count == 1, $"Expected one emitted MatterGen.Clusters.EnergyEVSE.g.cs under {project}/obj/**/generated/, found {generated.Count}.");

        // The package's props: our definitions by default, none once the project turns them off itself.
        var items = Dotnet(consumerRoot, "msbuild", project, "-getItem:AdditionalFiles", "-getItem:CompilerVisibleProperty", "-nodeReuse:false");
        Assert.True(items.ExitCode == 0, items.Describe("Reading the consumer's items failed"));
        Assert.Equal(RepositoryDefinitionNames(), ItemIdentities(items, "AdditionalFiles").Select(FileName).Order(StringComparer.Ordinal).ToList());
        Assert.Contains("MatterGenNamespace", ItemIdentities(items, "CompilerVisibleProperty"));

        var optedOut = Dotnet(consumerRoot, "msbuild", project, "-getItem:AdditionalFiles", $"-p:{ConsumerProject.UseOwnDefinitionsProperty}=true", "-nodeReuse:false");
        Assert.True(optedOut.ExitCode == 0, optedOut.Describe("Reading the opted-out consumer's items failed"));
        Assert.Empty(ItemIdentities(optedOut, "AdditionalFiles"));

        output.WriteLine($"pack {feed.PackResult.Elapsed.TotalSeconds:F1} s, consumer build {build.Elapsed.TotalSeconds:F1} s, run {run.Elapsed.TotalSeconds:F1} s, item queries {(items.Elapsed + optedOut.Elapsed).TotalSeconds:F1} s");
    }

    private DotnetResult AssertPacked()
    {
        var pack = feed.PackResult;
        Assert.True(pack.ExitCode == 0, pack.Describe("Packing failed"));
        output.WriteLine($"pack took {pack.Elapsed.TotalSeconds:F1} s");
        return pack;
    }

    private static DotnetResult Dotnet(string workingDirectory, params string[] arguments) =>
        DotnetCommand.Run(workingDirectory, PackedFeed.CommandTimeout, arguments);

    private void AssertHasEntry(string id, string entry)
    {
        using var package = ZipFile.OpenRead(feed.PackagePath(id));
        Assert.Contains(entry, package.Entries.Select(e => e.FullName));
    }

    private static List<string> RepositoryDefinitionNames() =>
        Directory.EnumerateFiles(Path.Combine(SharedMaterial.RepositoryRoot, "spec"), "*.xml")
            .Select(FileName).Order(StringComparer.Ordinal).ToList();

    private static string FileName(string path) => Path.GetFileName(path);

    private static XElement ReadNuspec(ZipArchive package, string id)
    {
        var nuspec = package.GetEntry(id + ".nuspec") ?? throw new InvalidDataException($"{id}: no {id}.nuspec in the package");
        using var stream = nuspec.Open();
        var metadata = XDocument.Load(stream).Root?.Elements().FirstOrDefault(element => element.Name.LocalName == "metadata");
        return metadata ?? throw new InvalidDataException($"{id}: the nuspec has no metadata element");
    }

    private static XElement? Element(XElement metadata, string name) =>
        metadata.Elements().FirstOrDefault(element => element.Name.LocalName == name);

    private static string? Text(XElement metadata, string name) => Element(metadata, name)?.Value;

    // `dotnet msbuild -getItem` prints {"Items": {"Name": [{"Identity": ...}, ...]}}.
    private static List<string> ItemIdentities(DotnetResult result, string itemType)
    {
        var json = result.Output[result.Output.IndexOf('{', StringComparison.Ordinal)..];
        using var document = JsonDocument.Parse(json);
        if (!document.RootElement.GetProperty("Items").TryGetProperty(itemType, out var items))
        {
            return [];
        }

        return items.EnumerateArray().Select(item => item.GetProperty("Identity").GetString() ?? string.Empty).ToList();
    }

    // MSBuild, compiler and NuGet warnings all print as "warning XX1234".
    [GeneratedRegex(@"\bwarning [A-Z]+[0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex WarningPattern();
}
