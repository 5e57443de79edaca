using System;
using System.IO;
using MatterGen.Tests;

namespace MatterGen.Interop.Tests;

/// <summary>
/// Our device under test: the EVSE simulator serving Matter (<c>--matter --plain</c>), started from its built dll in
/// the same configuration as this test assembly (the project reference builds it).
/// </summary>
public static class SimulatorDevice
{
    /// <summary>The passcode of the cases (the development default).</summary>
    public const uint Passcode = 20202021;

    /// <summary>The discriminator of the cases.</summary>
    public const ushort Discriminator = 3841;

    /// <summary>The simulator's dll, next to this assembly's configuration (bin/&lt;Configuration&gt;/net10.0).</summary>
    public static string Dll { get; } = Locate();

    /// <summary>The command line that serves the charger with its storage under <c>{work}/device</c>.</summary>
    public static string Command(uint passcode = Passcode, ushort discriminator = Discriminator) =>
        $"dotnet exec {NamespaceRun.Quote(Dll)} --matter --plain --port 5540 --passcode {passcode} --discriminator {discriminator} --storage '{{work}}/device'";

    /// <summary>The controller script for a case, with its storage under <c>{work}/&lt;storage&gt;</c>.</summary>
    public static string Controller(string testCase, string storage = "controller", uint passcode = Passcode, int seconds = 90, ushort discriminator = Discriminator) =>
        $"node evse-controller.mjs --case {testCase} --discriminator {discriminator} --passcode {passcode} --storage '{{work}}/{storage}' --paa {NamespaceRun.Quote(TestCredentials.TestPaa)} --cdsigner {NamespaceRun.Quote(TestCredentials.CdSigner)} --seconds {seconds}";

    private static string Locate()
    {
        // .../tests/MatterGen.Interop.Tests/bin/<Configuration>/net10.0/MatterGen.Interop.Tests.dll
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = framework.Parent?.Name ?? "Debug";
        return Path.Combine(SharedMaterial.RepositoryRoot, "samples", "EvseSimulator", "bin", configuration, framework.Name, "EvseSimulator.dll");
    }
}
