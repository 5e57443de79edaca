using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using MatterGen.Samples.EvseSimulator.Session;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace MatterGen.Samples.EvseSimulator.Rendering;

/// <summary>A Spectre.Console live display of the charger, redrawn at most ten times a wall-clock second.</summary>
internal sealed class LiveView : ISessionView, ISessionObserver
{
    private const int LogLines = 14;
    private static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(100);
    private readonly IAnsiConsole console;
    private readonly string title;
    private readonly List<SessionEvent> log = [];
    private readonly Stopwatch sinceRedraw = Stopwatch.StartNew();
    private LiveDisplayContext? context;

    /// <summary>Draws on <paramref name="console"/>.</summary>
    public LiveView(IAnsiConsole console, string title)
    {
        this.console = console;
        this.title = title;
    }

    /// <inheritdoc/>
    public async Task<SessionOutcome> PresentAsync(Func<ISessionObserver, Task<SessionOutcome>> run)
    {
        SessionOutcome? outcome = null;
        await console.Live(new Markup("[grey]Starting the charger…[/]"))
            .AutoClear(false)
            .Overflow(VerticalOverflow.Ellipsis)
            .StartAsync(async ctx =>
            {
                context = ctx;
                outcome = await run(this);
            });
        return outcome!;
    }

    /// <inheritdoc/>
    public void Log(SessionEvent entry) => log.Add(entry);

    /// <inheritdoc/>
    public void Update(LiveFrame frame)
    {
        if (context is null || (sinceRedraw.Elapsed < RedrawInterval && frame.Progress < 1))
        {
            return;
        }

        sinceRedraw.Restart();
        context.UpdateTarget(Render(frame));
    }

    /// <inheritdoc/>
    public void Summarise(SessionOutcome outcome, IReadOnlyList<CheckResult> checks, string? plotPath)
    {
        var facts = new Table().Border(TableBorder.Rounded).Title("[bold]Session summary[/]").AddColumn("").AddColumn("");
        facts.HideHeaders();
        foreach (var (label, value) in SessionFacts.Of(outcome))
        {
            facts.AddRow(new Markup($"[grey]{Markup.Escape(label)}[/]"), new Text(value));
        }

        console.Write(facts);

        // The in-terminal plot: state of charge and mean current per hour.
        var hours = outcome.Samples.GroupBy(s => new DateTimeOffset(s.At.Year, s.At.Month, s.At.Day, s.At.Hour, 0, 0, s.At.Offset)).ToList();
        var current = new BarChart().Width(72).Label("[bold]Mean current per hour (A)[/]").WithMaxValue(32);
        var soc = new BarChart().Width(72).Label("[bold]State of charge at the end of each hour (%)[/]").WithMaxValue(100);
        foreach (var hour in hours)
        {
            current.AddItem($"{hour.Key:HH}:00", Math.Round(hour.Average(s => s.MeasuredAmps), 1), Color.Yellow);
            soc.AddItem($"{hour.Key:HH}:00", Math.Round(hour.Last().StateOfChargePercent, 1), Color.Green);
        }

        console.Write(new Columns(current, soc));
        foreach (var check in checks)
        {
            console.MarkupLine(check.Passed ? $"[green]✔ PASS[/] {Markup.Escape(check.Description)}" : $"[red]✘ FAIL[/] {Markup.Escape(check.Description)}");
        }

        if (plotPath is not null)
        {
            console.MarkupLine($"Plot: [link]{Markup.Escape(plotPath)}[/]");
        }
    }

    private IRenderable Render(LiveFrame frame)
    {
        var h = frame.Hardware;
        var c = frame.Cluster;
        var hardware = new Table().Border(TableBorder.Rounded).Title("[bold]Hardware (IEC 61851)[/]").AddColumn("").AddColumn("");
        hardware.HideHeaders();
        hardware.AddRow("Control pilot", $"[bold]{h.Pilot}[/]");
        hardware.AddRow("Contactor", h.ContactorClosed ? "[green]closed[/]" : "[grey]open[/]");
        hardware.AddRow("Offered", $"{h.OfferedMilliamps / 1000.0,5:0.0} A");
        hardware.AddRow("Measured", $"{h.MeasuredMilliamps / 1000.0,5:0.0} A");
        hardware.AddRow("State of charge", $"{h.StateOfCharge * 100,5:0.0} %");

        var cluster = new Table().Border(TableBorder.Rounded).Title("[bold]Energy EVSE (read over TLV)[/]").AddColumn("").AddColumn("");
        cluster.HideHeaders();
        cluster.AddRow("State", Colour(c.State?.ToString() ?? "null"));
        cluster.AddRow("SupplyState", Colour(c.Supply.ToString()));
        cluster.AddRow("FaultState", c.Fault == MatterGen.Evse.Clusters.EnergyEVSE.FaultStateEnum.NoError ? "[green]NoError[/]" : $"[red bold]{c.Fault}[/]");
        cluster.AddRow("SessionEnergyCharged", $"{Units.KilowattHours(c.SessionEnergyCharged ?? 0):0.00} kWh");
        cluster.AddRow("NextChargeStartTime", c.NextChargeStartTime is { } start ? $"{start:HH:mm}" : "-");
        cluster.AddRow("StateOfCharge", c.StateOfCharge is { } soc ? $"{soc} %" : "-");

        var events = new Table().Border(TableBorder.Simple).Expand().AddColumn("Time").AddColumn("From").AddColumn("Event").AddColumn("Detail");
        foreach (var entry in log.TakeLast(LogLines))
        {
            var from = entry.Source switch { EventSource.Cluster => "[blue]cluster[/]", EventSource.Manager => "[magenta]manager[/]", _ => "[yellow]script[/]" };
            events.AddRow(new Markup($"{entry.At:HH:mm:ss}"), new Markup(from), new Markup($"[bold]{Markup.Escape(entry.Name)}[/]"), new Text(entry.Detail));
        }

        var header = new Markup($"[bold]{Markup.Escape(title)}[/]  simulated [bold]{frame.Now:ddd HH:mm:ss}[/]  {Bar(frame.Progress)} {frame.Progress * 100:0} %");
        return new Rows(header, new Columns(hardware, cluster), events);
    }

    private static string Bar(double progress)
    {
        var filled = (int)Math.Round(Math.Clamp(progress, 0, 1) * 30);
        return $"[green]{new string('━', filled)}[/][grey]{new string('━', 30 - filled)}[/]";
    }

    private static string Colour(string state) => state switch
    {
        "PluggedInCharging" or "ChargingEnabled" or "Enabled" => $"[green]{state}[/]",
        "PluggedInDischarging" or "DischargingEnabled" => $"[aqua]{state}[/]",
        "Fault" or "DisabledError" => $"[red bold]{state}[/]",
        _ => state,
    };
}
