using System.IO;
using System.Xml.Linq;

namespace MatterGen.Packaging.Tests;

/// <summary>
/// A console project written from scratch, as a user starts one: the MatterGen packages by version from the
/// local feed, everything else from nuget.org, its own package folder so no earlier restore is reused.
/// </summary>
internal static class ConsumerProject
{
    /// <summary>The project's file name (without extension it is also the assembly name).</summary>
    public const string ProjectName = "Consumer";

    /// <summary>Set to true on the command line to make the project turn off the packaged definitions itself.</summary>
    public const string UseOwnDefinitionsProperty = "UseOwnDefinitions";

    /// <summary>Writes the project into <paramref name="directory"/> and returns its folder.</summary>
    public static string Write(string directory, string feedDirectory, string version)
    {
        var projectDirectory = Path.Combine(directory, ProjectName);
        Directory.CreateDirectory(projectDirectory);
        PackedFeed.WriteBuildFenceFiles(directory);
        WriteNuGetConfig(Path.Combine(directory, "NuGet.config"), feedDirectory);
        File.WriteAllText(Path.Combine(projectDirectory, ProjectName + ".csproj"), ProjectFile(Path.Combine(directory, "packages"), version));
        File.WriteAllText(Path.Combine(projectDirectory, "Program.cs"), ProgramText);
        return projectDirectory;
    }

    // Source mapping sends MatterGen.* to the local feed only: a same-named package elsewhere can never win.
    private static void WriteNuGetConfig(string path, string feedDirectory) =>
        new XDocument(new XElement("configuration",
            new XElement("packageSources",
                new XElement("clear"),
                new XElement("add", new XAttribute("key", "local"), new XAttribute("value", feedDirectory)),
                new XElement("add", new XAttribute("key", "nuget.org"), new XAttribute("value", "https://api.nuget.org/v3/index.json"))),
            new XElement("packageSourceMapping",
                new XElement("packageSource", new XAttribute("key", "local"),
                    new XElement("package", new XAttribute("pattern", "MatterGen.*"))),
                new XElement("packageSource", new XAttribute("key", "nuget.org"),
                    new XElement("package", new XAttribute("pattern", "*")))))).Save(path);

    private static string ProjectFile(string packagesDirectory, string version) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
            <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
            <RestorePackagesPath>{packagesDirectory}</RestorePackagesPath>
          </PropertyGroup>
          <PropertyGroup Condition="'$({UseOwnDefinitionsProperty})' == 'true'">
            <MatterGenIncludeDefaultDefinitions>false</MatterGenIncludeDefaultDefinitions>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="MatterGen.Generator" Version="{version}" />
            <PackageReference Include="MatterGen.Runtime" Version="{version}" />
          </ItemGroup>
        </Project>
        """;

    private const string ProgramText = """
        using System;
        using MatterGen.Clusters;
        using MatterGen.Tlv;

        var request = new EnergyEVSE.EnableChargingRequest
        {
            ChargingEnabledUntil = null,
            MinimumChargeCurrent = 6000,
            MaximumChargeCurrent = 32000,
        };
        var buffer = new byte[64];
        var writer = new TlvWriter(buffer);
        request.Encode(ref writer, TlvTag.Anonymous);
        Console.WriteLine($"FeatureMap=0x{Charger.FeatureMap:X2}");
        Console.WriteLine($"EnableCharging={Convert.ToHexString(buffer, 0, writer.BytesWritten)}");

        [MatterGen.MatterServer("Energy EVSE", Features = "ChargingPreferences, RFID")]
        public partial class Charger;
        """;
}
