using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;
using MatterGen.Samples.EvseSimulator;
using MatterGen.Samples.EvseSimulator.Scenarios;
using MatterGen.Samples.EvseSimulator.Session;
using Xunit;

namespace MatterGen.Simulator.Tests;

/// <summary>Every scenario, played headless through the simulator's entry point, unpaced, in plain mode.</summary>
public sealed class ScenarioRunTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("evse-sim-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData("overnight", true)]
    [InlineData("overnight", false)]
    [InlineData("fault", true)]
    [InlineData("fault", false)]
    [InlineData("v2x", true)]
    public async Task Scenario_completes_as_scripted(string scenario, bool bidirectional)
    {
        var plot = Path.Combine(folder, $"{scenario}.svg");
        var (code, output, errors) = await RunAsync(new SimulatorOptions(scenario, Speed: null, bidirectional, Plain: true, plot));

        Assert.True(code == ExitCodes.Success, $"exit {code}\n{errors}\n{output}");
        Assert.Contains("Session summary", output, StringComparison.Ordinal);
        Assert.DoesNotContain("[FAIL]", output, StringComparison.Ordinal);
        Assert.Contains("cluster EVConnected: session 0", output, StringComparison.Ordinal);
        Assert.Contains("cluster EVNotDetected: session 0", output, StringComparison.Ordinal);
        Assert.Contains($"Plot: {plot}", output, StringComparison.Ordinal);

        // The plot is a well-formed SVG: offered and measured current and state of charge above, measured power below,
        // and in the overnight scenario the house load and one requested limit per power adjustment.
        var svg = XDocument.Load(plot);
        Assert.Equal("svg", svg.Root!.Name.LocalName);
        var polylines = svg.Descendants().Count(e => e.Name.LocalName == "polyline");
        Assert.Equal(scenario == "overnight" ? 3 + 1 + 1 + 2 : 3 + 1, polylines);
        Assert.Contains(svg.Descendants(), e => e.Name.LocalName == "text" && e.Value == "requested limit");
    }

    [Fact]
    public async Task Overnight_charges_late_through_a_ground_fault_and_reaches_the_target()
    {
        var scenario = ScenarioCatalog.Find("overnight")!;
        var outcome = await new SessionRunner(scenario, bidirectional: true, speed: null, SimulatedStation.Create).RunAsync(new NullObserver());

        // Decoded over TLV: the RFID card, the fault raised and cleared, the session totals.
        Assert.Contains(outcome.Events, e => e.Name == "RFID" && e.Detail == $"card {Convert.ToHexString(ScenarioCatalog.CardUid)}");
        Assert.Contains(outcome.Events, e => e.Name == "Fault" && e.Detail.StartsWith("NoError → GroundFault", StringComparison.Ordinal));
        var started = outcome.FirstClusterEvent("EnergyTransferStarted")!;
        Assert.InRange(started.At.TimeOfDay, TimeSpan.FromHours(2.5), TimeSpan.FromHours(4));
        Assert.InRange(outcome.StateOfChargeAt(scenario.Start.Date.AddDays(1).AddHours(7.5)), 79.5, 82);
        Assert.InRange(outcome.PeakMeasuredAmps, 31, 32);
        Assert.Contains(outcome.Views, v => v.State == MatterGen.Evse.Clusters.EnergyEVSE.StateEnum.Fault);

        // Each of the manager's rounds is one Interaction Model read of both clusters' attributes and events.
        Assert.True(outcome.Polls > 1000, $"{outcome.Polls} polls");
        Assert.Equal(outcome.Polls, outcome.ReadRequests);
        Assert.All(SessionRunner.Check(outcome), check => Assert.True(check.Passed, check.Description));
    }

    [Fact]
    public async Task A_session_that_does_not_go_as_scripted_exits_non_zero()
    {
        // The same overnight session, but the card is never tapped: nothing is authorised, nothing charges.
        var scenario = ScenarioCatalog.Find("overnight")!;
        var untapped = scenario with { Script = scenario.Script.Where(a => !a.Description.Contains("tapped", StringComparison.Ordinal)).ToList() };
        var outcome = await new SessionRunner(untapped, bidirectional: true, speed: null, SimulatedStation.Create).RunAsync(new NullObserver());

        var checks = SessionRunner.Check(outcome);
        Assert.Contains(checks, c => !c.Passed && c.Description.Contains("RFID missing", StringComparison.Ordinal));
        Assert.Contains(checks, c => !c.Passed && c.Description.StartsWith("Target reached", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("nosuch", true)]
    [InlineData("v2x", false)]
    public async Task Options_that_cannot_work_exit_with_invalid_options(string scenario, bool bidirectional)
    {
        var (code, _, errors) = await RunAsync(new SimulatorOptions(scenario, null, bidirectional, Plain: true, Output: null));
        Assert.Equal(ExitCodes.InvalidOptions, code);
        Assert.NotEmpty(errors);
    }

    [Fact]
    public async Task An_unwritable_plot_path_is_reported_not_thrown()
    {
        var blocker = Path.Combine(folder, "file");
        await File.WriteAllTextAsync(blocker, "not a folder");
        var (code, output, errors) = await RunAsync(new SimulatorOptions("fault", null, true, Plain: true, Path.Combine(blocker, "plot.svg")));
        Assert.Equal(ExitCodes.Error, code);
        Assert.Contains("Could not write the plot", errors, StringComparison.Ordinal);
        Assert.Contains("Session summary", output, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output, string Errors)> RunAsync(SimulatorOptions options)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = await SimulatorApp.RunAsync(options, output, errors);
        return (code, output.ToString(), errors.ToString());
    }
}
