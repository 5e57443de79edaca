using System.Diagnostics;
using MatterGen.Tests;

namespace MatterGen.Commissioning.Tests.Attestation;

/// <summary>A fact that cross-checks with the openssl command: skipped with a message where it is missing, failed under CI.</summary>
public sealed class OpenSslFactAttribute : Xunit.FactAttribute
{
    /// <summary>Sets the skip reason when openssl cannot be started (outside CI).</summary>
    public OpenSslFactAttribute()
    {
        if (!SharedMaterial.IsCi && !Available())
        {
            Skip = "openssl is not installed; the cross-check with an independent CMS implementation is skipped";
        }
    }

    private static bool Available()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("openssl", "version") { RedirectStandardOutput = true });
            return process is not null && process.WaitForExit(10_000) && process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
