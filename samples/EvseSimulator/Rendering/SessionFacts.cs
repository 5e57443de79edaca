using System;
using System.Collections.Generic;
using System.Linq;
using MatterGen.Samples.EvseSimulator.Session;

namespace MatterGen.Samples.EvseSimulator.Rendering;

/// <summary>The summary lines of a finished session, shared by the plain and the rich views.</summary>
internal static class SessionFacts
{
    /// <summary>Label and value pairs, in reading order.</summary>
    public static IReadOnlyList<(string Label, string Value)> Of(SessionOutcome outcome)
    {
        var s = outcome.Scenario;
        var first = outcome.Samples.FirstOrDefault();
        var last = outcome.Samples.LastOrDefault();
        var charging = outcome.Samples.Where(x => x.MeasuredAmps > 0).ToList();
        var energy = outcome.Events.LastOrDefault(e => e.Name == "EVNotDetected")?.Detail ?? "session still open";
        var adjustments = outcome.AdjustmentVerdicts.Select(v => ("Power adjustment", $"{v.Describe()}{(v.Honoured ? string.Empty : " NOT HONOURED")}"));
        return
        [
            ("Scenario", $"{s.Name}: {s.Description}"),
            ("Charger", outcome.Bidirectional ? "BidirectionalEvseServer (PREF, SOC, PNC, RFID, V2X)" : "StandardEvseServer (PREF, RFID)"),
            ("Simulated", $"{s.Start:ddd yyyy-MM-dd HH:mm} → {s.Start + s.Duration:ddd HH:mm} ({Units.Duration(s.Duration)})"),
            ("State of charge", $"{s.InitialStateOfCharge * 100:0} % → {outcome.FinalHardware.StateOfCharge * 100:0.0} % of {s.BatteryKilowattHours:0} kWh"),
            ("Charging", charging.Count == 0 ? "none" : $"{charging[0].At:HH:mm} → {charging[^1].At:HH:mm}, peak {outcome.PeakMeasuredAmps:0.0} A"),
            .. adjustments,
            ("Session (EVNotDetected)", energy),
            ("Cluster events", outcome.ClusterEventNames.Count().ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Energy manager", $"{outcome.Polls} polls, {outcome.ReadRequests} IM read requests"),
            ("Final", $"State {outcome.Final.State?.ToString() ?? "null"}, SupplyState {outcome.Final.Supply}, FaultState {outcome.Final.Fault}"),
            ("Samples", first == default ? "none" : $"{outcome.Samples.Count} from {first.At:HH:mm} to {last.At:HH:mm}"),
        ];
    }

    /// <summary>One character per bucket, ▁ to █, scaled to <paramref name="max"/>.</summary>
    public static string Sparkline(IReadOnlyList<double> values, double max)
    {
        const string bars = " ▁▂▃▄▅▆▇█";
        var chars = values.Select(v => bars[(int)Math.Round(Math.Clamp(max <= 0 ? 0 : v / max, 0, 1) * (bars.Length - 1))]);
        return string.Concat(chars);
    }

    /// <summary>The samples in <paramref name="buckets"/> equal slices, each its mean of <paramref name="value"/>.</summary>
    public static IReadOnlyList<double> Buckets(IReadOnlyList<SessionSample> samples, int buckets, Func<SessionSample, double> value)
    {
        if (samples.Count == 0)
        {
            return [];
        }

        var result = new double[Math.Min(buckets, samples.Count)];
        for (var i = 0; i < result.Length; i++)
        {
            var from = i * samples.Count / result.Length;
            var to = Math.Max(from + 1, (i + 1) * samples.Count / result.Length);
            result[i] = samples.Skip(from).Take(to - from).Average(value);
        }

        return result;
    }
}
