using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using MatterGen.Samples.EvseSimulator.Session;

namespace MatterGen.Samples.EvseSimulator.Rendering;

/// <summary>Plain log lines: for pipes, CI and tests. A status line every simulated half hour.</summary>
internal sealed class PlainView : ISessionView, ISessionObserver
{
    private static readonly TimeSpan StatusInterval = TimeSpan.FromMinutes(30);
    private readonly TextWriter output;
    private DateTimeOffset nextStatus = DateTimeOffset.MinValue;

    /// <summary>Writes to <paramref name="output"/>.</summary>
    public PlainView(TextWriter output) => this.output = output;

    /// <inheritdoc/>
    public Task<SessionOutcome> PresentAsync(Func<ISessionObserver, Task<SessionOutcome>> run) => run(this);

    /// <inheritdoc/>
    public void Log(SessionEvent entry) =>
        output.WriteLine($"[{entry.At:HH:mm:ss}] {entry.Source.ToString().ToLowerInvariant(),-7} {entry.Name}: {entry.Detail}");

    /// <inheritdoc/>
    public void Update(LiveFrame frame)
    {
        if (frame.Now < nextStatus)
        {
            return;
        }

        nextStatus = frame.Now + StatusInterval;
        var h = frame.Hardware;
        var c = frame.Cluster;
        output.WriteLine(
            $"[{frame.Now:HH:mm:ss}] status  pilot {h.Pilot}, contactor {(h.ContactorClosed ? "closed" : "open")}, offered {h.OfferedMilliamps / 1000.0:0.0} A, " +
            $"measured {h.MeasuredMilliamps / 1000.0:0.0} A, SoC {h.StateOfCharge * 100:0.0} %, {c.State?.ToString() ?? "-"} / {c.Supply} / {c.Fault}, " +
            $"{Units.KilowattHours(c.SessionEnergyCharged ?? 0):0.00} kWh");
    }

    /// <inheritdoc/>
    public void Summarise(SessionOutcome outcome, IReadOnlyList<CheckResult> checks, string? plotPath)
    {
        output.WriteLine();
        output.WriteLine("Session summary");
        foreach (var (label, value) in SessionFacts.Of(outcome))
        {
            output.WriteLine($"  {label,-24} {value}");
        }

        output.WriteLine();
        output.WriteLine($"  {"Current (A, 0–32)",-24} {SessionFacts.Sparkline(SessionFacts.Buckets(outcome.Samples, 60, s => s.MeasuredAmps), 32)}");
        output.WriteLine($"  {"SoC (%, 0–100)",-24} {SessionFacts.Sparkline(SessionFacts.Buckets(outcome.Samples, 60, s => s.StateOfChargePercent), 100)}");
        output.WriteLine();
        foreach (var check in checks)
        {
            output.WriteLine($"  [{(check.Passed ? "PASS" : "FAIL")}] {check.Description}");
        }

        if (plotPath is not null)
        {
            output.WriteLine();
            output.WriteLine($"Plot: {plotPath}");
        }
    }
}
