using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MatterGen.Samples.EvseSimulator.Rendering;
using MatterGen.Samples.EvseSimulator.Scenarios;
using MatterGen.Samples.EvseSimulator.Session;
using Microsoft.Extensions.Time.Testing;
using Spectre.Console;

namespace MatterGen.Samples.EvseSimulator;

/// <summary>Plays one scenario with the chosen view and reports the verdict as an exit code.</summary>
internal static class SimulatorApp
{
    /// <summary>
    /// Runs the simulator. <paramref name="plainOutput"/> receives plain log lines (the live view draws on the
    /// terminal instead); <paramref name="createStation"/> builds the charger (the simulated station by default).
    /// </summary>
    public static async Task<int> RunAsync(
        SimulatorOptions options,
        TextWriter plainOutput,
        TextWriter errorOutput,
        Func<Scenario, bool, FakeTimeProvider, IChargingStation>? createStation = null,
        CancellationToken cancellationToken = default)
    {
        if (ScenarioCatalog.Find(options.Scenario) is not { } scenario)
        {
            await errorOutput.WriteLineAsync($"Unknown scenario '{options.Scenario}'; choose one of: {string.Join(", ", ScenarioCatalog.Names)}.");
            return ExitCodes.InvalidOptions;
        }

        if (scenario.RequiresBidirectional && !options.Bidirectional)
        {
            await errorOutput.WriteLineAsync($"Scenario '{scenario.Name}' needs V2X: use --features bidirectional.");
            return ExitCodes.InvalidOptions;
        }

        if (options.Speed is <= 0 or double.NaN or double.PositiveInfinity)
        {
            await errorOutput.WriteLineAsync("--speed must be a positive number of simulated seconds per second.");
            return ExitCodes.InvalidOptions;
        }

        ISessionView view = options.Plain
            ? new PlainView(plainOutput)
            : new LiveView(AnsiConsole.Console, $"MatterGen Energy EVSE simulator: {scenario.Name}");
        var runner = new SessionRunner(scenario, options.Bidirectional, options.Speed, createStation ?? SimulatedStation.Create);
        SessionOutcome outcome;
        try
        {
            outcome = await view.PresentAsync(observer => runner.RunAsync(observer, cancellationToken));
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            await errorOutput.WriteLineAsync($"The session stopped: {failure.Message}");
            return ExitCodes.Error;
        }

        var checks = SessionRunner.Check(outcome);
        string? plot = null;
        if (options.Output is { Length: > 0 } path)
        {
            try
            {
                plot = SvgChart.Write(path, outcome);
            }
            catch (Exception failure) when (failure is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                await errorOutput.WriteLineAsync($"Could not write the plot to '{path}': {failure.Message}");
                view.Summarise(outcome, checks, null);
                return ExitCodes.Error;
            }
        }

        view.Summarise(outcome, checks, plot);
        return checks.All(c => c.Passed) ? ExitCodes.Success : ExitCodes.ChecksFailed;
    }

    /// <summary>Whether the live view would be unreadable here: output redirected, no interactive terminal, or CI.</summary>
    public static bool PlainByEnvironment() =>
        Console.IsOutputRedirected
        || !AnsiConsole.Profile.Capabilities.Interactive
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));
}
