using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace MatterGen.Interop.Tests;

/// <summary>
/// Runs one interop case inside a private network namespace (tests/interop/run-in-namespace.sh): background
/// processes (devices) started first, each awaited until it prints its ready line, then the foreground process (a
/// controller). Everything is killed at the deadline, so a case can never hang the test run.
/// </summary>
public static class NamespaceRun
{
    /// <summary>The result line prefix every interop program prints once.</summary>
    public const string ResultPrefix = "RESULT ";

    /// <summary>
    /// Runs the case and returns the foreground's result (and every log, written to <paramref name="output"/>).
    /// <c>{work}</c> in a command is replaced by a fresh folder (storage, logs) that is deleted afterwards.
    /// </summary>
    /// <param name="background">Devices, started first and awaited until ready; the foreground sees their pids as $pid0...</param>
    /// <param name="foreground">The controller side (several commands allowed); its last RESULT line is the case's result.</param>
    /// <param name="timeout">When everything is killed.</param>
    /// <param name="output">Where the logs go.</param>
    /// <param name="keepLogs">Logs under <c>{work}</c> that steps of the foreground wrote, whose last RESULT lines are returned too.</param>
    public static async Task<CaseResult> RunAsync(IReadOnlyList<string> background, string foreground, TimeSpan timeout, ITestOutputHelper output, IReadOnlyList<string>? keepLogs = null)
    {
        if (InteropEnvironment.MissingPiece is { } missing)
        {
            throw new InvalidOperationException($"The interop environment is incomplete: {missing}");
        }

        var logs = Directory.CreateTempSubdirectory("mattergen-interop-");
        try
        {
            var foregroundLog = Path.Combine(logs.FullName, "foreground.log");
            var script = new StringBuilder("set -u\n");
            // A background process is ready when it prints a JSON ready line (scripts) or "Ready:" (the simulator).
            script.Append("wait_ready() { for _ in $(seq 1 300); do grep -qE '\"ready\":true|^Ready: ' \"$1\" && return 0; kill -0 \"$2\" 2>/dev/null || return 1; sleep 0.1; done; return 1; }\n");
            for (var i = 0; i < background.Count; i++)
            {
                var log = Path.Combine(logs.FullName, $"background{i}.log");
                script.Append(background[i].Replace("{work}", logs.FullName, StringComparison.Ordinal)).Append($" > '{log}' 2>&1 &\npid{i}=$!\n");
                // Wait (at most 30 s) for the ready line, or for the process to end. The foreground may use $pid0...
                // (to restart a device) and the function wait_ready LOG, which waits the same way.
                script.Append($"wait_ready '{log}' $pid{i} || {{ echo 'RESULT {{\"ok\":false,\"error\":\"background process {i} ended or was not ready within 30 s\"}}' > '{foregroundLog}'; kill $(jobs -p) 2>/dev/null; wait; exit 4; }}\n");
            }

            // Braces: a foreground of several commands (a device restart between two controller runs) logs as one.
            script.Append("{ ").Append(foreground.Replace("{work}", logs.FullName, StringComparison.Ordinal)).Append($"\n}} > '{foregroundLog}' 2>&1\nstatus=$?\nkill $(jobs -p) 2>/dev/null\nwait\nexit $status\n");

            var start = new ProcessStartInfo(Path.Combine(InteropEnvironment.ScriptDirectory, "run-in-namespace.sh"))
            {
                WorkingDirectory = InteropEnvironment.ScriptDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.ArgumentList.Add("bash");
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(script.ToString());
            start.Environment["MATTER_MDNS_NETWORKINTERFACE"] = "lo";
            start.Environment["MATTER_LOG_LEVEL"] = "info";
            start.Environment["MATTER_LOG_FORMAT"] = "plain";

            var watch = Stopwatch.StartNew();
            using var process = Process.Start(start) ?? throw new InvalidOperationException("run-in-namespace.sh did not start");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            var finished = await Task.WhenAny(process.WaitForExitAsync(), Task.Delay(timeout)).ConfigureAwait(false);
            var timedOut = !process.HasExited;
            if (timedOut)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().ConfigureAwait(false);
            }

            output.WriteLine($"namespace run: exit {process.ExitCode}, {watch.Elapsed.TotalSeconds:F1} s{(timedOut ? ", KILLED at the deadline" : string.Empty)}");
            output.WriteLine((await stdout.ConfigureAwait(false)) + (await stderr.ConfigureAwait(false)));
            foreach (var log in logs.EnumerateFiles("*.log").OrderBy(f => f.Name))
            {
                output.WriteLine($"----- {log.Name} (last 60 lines)");
                foreach (var line in File.ReadLines(log.FullName).TakeLast(60))
                {
                    output.WriteLine(line);
                }
            }

            var results = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var name in keepLogs ?? [])
            {
                if (LastResult(Path.Combine(logs.FullName, name)) is { } kept)
                {
                    results[name] = kept;
                }
            }

            return new CaseResult(timedOut, LastResult(foregroundLog), watch.Elapsed) { Results = results };
        }
        finally
        {
            logs.Delete(recursive: true);
        }
    }

    private static JsonElement? LastResult(string log)
    {
        var line = File.Exists(log) ? File.ReadLines(log).LastOrDefault(l => l.StartsWith(ResultPrefix, StringComparison.Ordinal)) : null;
        return line is null ? null : JsonDocument.Parse(line[ResultPrefix.Length..]).RootElement.Clone();
    }

    /// <summary>Quotes a value for the bash script.</summary>
    public static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}

/// <summary>What a case produced.</summary>
/// <param name="TimedOut">True when the deadline killed it.</param>
/// <param name="Result">The foreground's result JSON, or null when it printed none.</param>
/// <param name="Elapsed">Wall time of the whole run.</param>
public sealed record CaseResult(bool TimedOut, JsonElement? Result, TimeSpan Elapsed)
{
    /// <summary>The results of the logs the case asked to keep, by file name (a missing one means that step printed none).</summary>
    public IReadOnlyDictionary<string, JsonElement> Results { get; init; } = new Dictionary<string, JsonElement>();
}
