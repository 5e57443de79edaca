using System.IO;
using MatterGen.Tests;

namespace MatterGen.Interop.Tests;

/// <summary>The development attestation roots the controller trusts (carried in the Commissioning package).</summary>
public static class TestCredentials
{
    private static readonly string Folder = Path.Combine(SharedMaterial.RepositoryRoot, "runtime", "MatterGen.Commissioning", "Attestation", "Development");

    /// <summary>The Matter Test PAA certificate (PEM).</summary>
    public static string TestPaa { get; } = Path.Combine(Folder, "Matter-Test-PAA-NoVID-Cert.pem");

    /// <summary>The test certification declaration signing certificate (PEM).</summary>
    public static string CdSigner { get; } = Path.Combine(Folder, "Matter-Test-CD-Signing-Cert.pem");

    /// <summary>The controller's command line: commission by discriminator and passcode, trusting <paramref name="paa"/>.</summary>
    public static string Controller(int discriminator, uint passcode, string? paa = null) =>
        $"node controller.mjs --discriminator {discriminator} --passcode {passcode} --storage '{{work}}/controller' --paa {NamespaceRun.Quote(paa ?? TestPaa)} --cdsigner {NamespaceRun.Quote(CdSigner)} --seconds 60";
}
