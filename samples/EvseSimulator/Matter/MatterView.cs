using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MatterGen.Evse.Hardware.Station;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace MatterGen.Samples.EvseSimulator.Matter;

/// <summary>One moment of the served charger, for the view.</summary>
/// <param name="Station">The hardware and the Energy EVSE attributes.</param>
/// <param name="EvStateOfCharge">The simulated vehicle's state of charge, 0.0–1.0.</param>
/// <param name="Fabrics">How many fabrics the node is on.</param>
/// <param name="WindowOpen">Whether a commissioning window is open.</param>
internal sealed record MatterFrame(EvseStationSnapshot Station, double EvStateOfCharge, int Fabrics, bool WindowOpen);

/// <summary>How the served charger shows what happens: a live display, or plain log lines.</summary>
internal interface IMatterView
{
    /// <summary>Runs <paramref name="serve"/> inside the view until it returns.</summary>
    Task RunAsync(Func<Task> serve);

    /// <summary>Shows new activity.</summary>
    void Log(IReadOnlyList<DeviceActivity> entries);

    /// <summary>Shows the latest state.</summary>
    void Update(MatterFrame frame);
}

/// <summary>Plain lines: every activity, and a status line when the state changed (for pipes, CI, tests).</summary>
internal sealed class PlainMatterView(TextWriter output) : IMatterView
{
    private string? lastStatus;

    /// <inheritdoc/>
    public Task RunAsync(Func<Task> serve) => serve();

    /// <inheritdoc/>
    public void Log(IReadOnlyList<DeviceActivity> entries)
    {
        foreach (var entry in entries)
        {
            output.WriteLine($"[{entry.At:HH:mm:ss}] {entry.Source,-8} {entry.Detail}");
        }
    }

    /// <inheritdoc/>
    public void Update(MatterFrame frame)
    {
        var s = frame.Station;
        var status = $"pilot {s.PilotState}, contactor {(s.ContactorClosed ? "closed" : "open")}, offered {s.OfferedCurrentMilliamps / 1000.0:0.0} A, " +
            $"{s.State?.ToString() ?? "-"} / {s.SupplyState} / {s.FaultState}, max {s.MaximumChargeCurrentMilliamps / 1000.0:0.0} A, " +
            $"fabrics {frame.Fabrics}, window {(frame.WindowOpen ? "open" : "closed")}";
        if (status != lastStatus)
        {
            lastStatus = status;
            output.WriteLine($"[{s.Timestamp.ToLocalTime():HH:mm:ss}] status   {status}");
        }
    }
}

/// <summary>A Spectre.Console live display: hardware, Energy EVSE attributes, the node, and the activity log.</summary>
internal sealed class LiveMatterView(IAnsiConsole console, string title) : IMatterView
{
    private const int LogLines = 14;
    private readonly List<DeviceActivity> log = [];
    private LiveDisplayContext? context;
    private MatterFrame? last;

    /// <inheritdoc/>
    public async Task RunAsync(Func<Task> serve)
    {
        await console.Live(new Markup("[grey]Starting the charger…[/]"))
            .AutoClear(false)
            .Overflow(VerticalOverflow.Ellipsis)
            .StartAsync(async ctx =>
            {
                Volatile.Write(ref context, ctx);
                await serve();
            });
    }

    /// <inheritdoc/>
    public void Log(IReadOnlyList<DeviceActivity> entries)
    {
        log.AddRange(entries);
        if (log.Count > LogLines)
        {
            log.RemoveRange(0, log.Count - LogLines);
        }

        if (last is not null && entries.Count > 0)
        {
            Update(last);
        }
    }

    /// <inheritdoc/>
    public void Update(MatterFrame frame)
    {
        last = frame;
        Volatile.Read(ref context)?.UpdateTarget(Render(frame));
    }

    private IRenderable Render(MatterFrame frame)
    {
        var s = frame.Station;
        var hardware = new Table().Border(TableBorder.Rounded).Title("[bold]Hardware (IEC 61851)[/]").AddColumn("").AddColumn("");
        hardware.HideHeaders();
        hardware.AddRow("Control pilot", $"[bold]{s.PilotState}[/]");
        hardware.AddRow("Contactor", s.ContactorClosed ? "[green]closed[/]" : "[grey]open[/]");
        hardware.AddRow("Offered", $"{s.OfferedCurrentMilliamps / 1000.0,5:0.0} A");
        hardware.AddRow("Measured", $"{s.MeasuredCurrentMilliamps / 1000.0,5:0.0} A");
        hardware.AddRow("EV state of charge", $"{frame.EvStateOfCharge * 100,5:0.0} %");

        var cluster = new Table().Border(TableBorder.Rounded).Title("[bold]Energy EVSE (served)[/]").AddColumn("").AddColumn("");
        cluster.HideHeaders();
        cluster.AddRow("State", Markup.Escape(s.State?.ToString() ?? "null"));
        cluster.AddRow("SupplyState", Markup.Escape(s.SupplyState.ToString()));
        cluster.AddRow("FaultState", Markup.Escape(s.FaultState.ToString()));
        cluster.AddRow("MaximumChargeCurrent", $"{s.MaximumChargeCurrentMilliamps / 1000.0:0.0} A");
        cluster.AddRow("SessionEnergyCharged", $"{s.SessionEnergyMilliwattHours / 1_000_000.0:0.000} kWh");

        var node = new Table().Border(TableBorder.Rounded).Title("[bold]Matter node[/]").AddColumn("").AddColumn("");
        node.HideHeaders();
        node.AddRow("Fabrics", frame.Fabrics.ToString(System.Globalization.CultureInfo.InvariantCulture));
        node.AddRow("Commissioning window", frame.WindowOpen ? "[green]open[/]" : "[grey]closed[/]");

        var events = new Table().Border(TableBorder.Simple).Expand().AddColumn("Time").AddColumn("From").AddColumn("What");
        foreach (var entry in log.TakeLast(LogLines))
        {
            events.AddRow(new Markup($"{entry.At:HH:mm:ss}"), new Markup($"[blue]{Markup.Escape(entry.Source)}[/]"), new Text(entry.Detail));
        }

        var header = new Markup($"[bold]{Markup.Escape(title)}[/]  {s.Timestamp.ToLocalTime():HH:mm:ss}  [grey]Ctrl+C stops[/]");
        return new Rows(header, new Columns(hardware, cluster, node), events);
    }
}
