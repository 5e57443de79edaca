using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;

namespace MatterGen.Packaging.Tests;

/// <summary>What a finished <c>dotnet</c> command did.</summary>
/// <param name="CommandLine">The command as run, for failure messages.</param>
/// <param name="ExitCode">The process exit code.</param>
/// <param name="Output">Standard output and standard error, interleaved as they arrived.</param>
/// <param name="Elapsed">Wall-clock time the command took.</param>
internal sealed record DotnetResult(string CommandLine, int ExitCode, string Output, TimeSpan Elapsed)
{
    /// <summary>A failure message that carries the whole output, so a CI log alone explains the failure.</summary>
    public string Describe(string what) =>
        $"{what}: `{CommandLine}` exited with {ExitCode} after {Elapsed.TotalSeconds:F1} s. Output:{Environment.NewLine}{Output}";
}

/// <summary>
/// Runs the <c>dotnet</c> CLI as a child process with a time limit. The child does not inherit the MSBuild
/// variables of the test host (they point into the host's own build) and leaves no MSBuild nodes behind.
/// </summary>
internal static class DotnetCommand
{
    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>.</summary>
    /// <exception cref="TimeoutException">The command ran longer than <paramref name="timeout"/>; it is killed first.</exception>
    public static DotnetResult Run(string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in InheritedMsBuildVariables(start.Environment.Keys))
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";

        var commandLine = "dotnet " + string.Join(' ', arguments);
        var output = new StringBuilder();
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"`{commandLine}` did not finish within {timeout.TotalSeconds:F0} s. Output so far:{Environment.NewLine}{Snapshot(output)}");
        }

        // The parameterless wait drains the redirected streams.
        process.WaitForExit();
        return new DotnetResult(commandLine, process.ExitCode, Snapshot(output), stopwatch.Elapsed);
    }

    private static List<string> InheritedMsBuildVariables(IEnumerable<string> names)
    {
        var inherited = new List<string>();
        foreach (var name in names)
        {
            if (name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase))
            {
                inherited.Add(name);
            }
        }

        return inherited;
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
