using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using MatterGen.Samples.EvseSimulator.Session;

namespace MatterGen.Samples.EvseSimulator.Rendering;

/// <summary>
/// Writes the session as a self-contained SVG: above, the current (offered and measured, left axis) and state of
/// charge (right axis) with the cluster events as marks along the top; below, the power: what the charger's meter
/// measures, the limit each Device Energy Management power adjustment requested, and, where the scenario has a
/// house, its load and the grid limit. No plotting library: SVG is text.
/// </summary>
internal static class SvgChart
{
    private const double Width = 960, Height = 420, Left = 60, Right = 60, Top = 40, Bottom = 50;
    private const double PowerPanelHeight = 220, PowerTop = Height, PowerBottom = 40;
    private const double MaxAmps = 35;

    /// <summary>Writes the chart to <paramref name="path"/> (creating its folder) and returns the full path.</summary>
    public static string Write(string path, SessionOutcome outcome)
    {
        var full = Path.GetFullPath(path);
        if (Path.GetDirectoryName(full) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        File.WriteAllText(full, Render(outcome), new UTF8Encoding(false));
        return full;
    }

    /// <summary>The SVG document.</summary>
    public static string Render(SessionOutcome outcome)
    {
        var start = outcome.Scenario.Start;
        var span = outcome.Scenario.Duration.TotalSeconds;
        var plotW = Width - Left - Right;
        var plotH = Height - Top - Bottom;
        double X(DateTimeOffset t) => Left + (t - start).TotalSeconds / span * plotW;
        double YAmps(double a) => Top + plotH - Math.Clamp(a / MaxAmps, 0, 1) * plotH;
        double YPercent(double p) => Top + plotH - Math.Clamp(p / 100, 0, 1) * plotH;

        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height + PowerPanelHeight}\" viewBox=\"0 0 {Width} {Height + PowerPanelHeight}\" font-family=\"sans-serif\" font-size=\"12\">\n"));
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.Append(Invariant($"<text x=\"{Left}\" y=\"22\" font-size=\"15\" font-weight=\"bold\">{Escape($"Energy EVSE simulator: {outcome.Scenario.Name}, {start:yyyy-MM-dd HH:mm}")}</text>\n"));

        // Grid and axes: amps left, percent right, an hour per tick.
        for (var a = 0; a <= 30; a += 5)
        {
            svg.Append(Invariant($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{YAmps(a):0.#}\" y2=\"{YAmps(a):0.#}\" stroke=\"#e5e5e5\"/>"));
            svg.Append(Invariant($"<text x=\"{Left - 8}\" y=\"{YAmps(a) + 4:0.#}\" text-anchor=\"end\">{a}</text>\n"));
        }

        for (var p = 0; p <= 100; p += 20)
        {
            svg.Append(Invariant($"<text x=\"{Width - Right + 8}\" y=\"{YPercent(p) + 4:0.#}\" fill=\"#2a9d3f\">{p}</text>\n"));
        }

        var firstHour = new DateTimeOffset(start.Year, start.Month, start.Day, start.Hour, 0, 0, start.Offset);
        for (var t = firstHour; t <= start + outcome.Scenario.Duration; t = t.AddHours(1))
        {
            if (t < start)
            {
                continue;
            }

            svg.Append(Invariant($"<line x1=\"{X(t):0.#}\" x2=\"{X(t):0.#}\" y1=\"{Top}\" y2=\"{Top + plotH}\" stroke=\"#f0f0f0\"/>"));
            svg.Append(Invariant($"<text x=\"{X(t):0.#}\" y=\"{Top + plotH + 18}\" text-anchor=\"middle\">{t:HH}:00</text>\n"));
        }

        svg.Append(Invariant($"<rect x=\"{Left}\" y=\"{Top}\" width=\"{plotW}\" height=\"{plotH}\" fill=\"none\" stroke=\"#888\"/>\n"));
        svg.Append(Invariant($"<text transform=\"translate(18 {Top + plotH / 2}) rotate(-90)\" text-anchor=\"middle\">current (A)</text>\n"));
        svg.Append(Invariant($"<text transform=\"translate({Width - 16} {Top + plotH / 2}) rotate(90)\" text-anchor=\"middle\" fill=\"#2a9d3f\">state of charge (%)</text>\n"));

        var samples = outcome.Samples;
        svg.Append(Polyline(samples.Select(s => (X(s.At), YAmps(s.OfferedAmps))), "#f4a261", "4 3"));
        svg.Append(Polyline(samples.Select(s => (X(s.At), YAmps(s.MeasuredAmps))), "#e76f51", null));
        svg.Append(Polyline(samples.Select(s => (X(s.At), YPercent(s.StateOfChargePercent))), "#2a9d3f", null));

        // Cluster events as ticks along the top edge.
        foreach (var e in outcome.Events.Where(e => e.Source == EventSource.Cluster))
        {
            var colour = e.Name == "Fault" ? "#d62828" : "#457b9d";
            svg.Append(Invariant($"<line x1=\"{X(e.At):0.#}\" x2=\"{X(e.At):0.#}\" y1=\"{Top}\" y2=\"{Top + 10}\" stroke=\"{colour}\" stroke-width=\"2\"><title>{Escape($"{e.At:HH:mm:ss} {e.Name}: {e.Detail}")}</title></line>\n"));
        }

        // Legend.
        var legend = new[] { ("offered current", "#f4a261"), ("measured current", "#e76f51"), ("state of charge", "#2a9d3f"), ("cluster event", "#457b9d") };
        for (var i = 0; i < legend.Length; i++)
        {
            var x = Left + i * 170;
            svg.Append(Invariant($"<line x1=\"{x}\" x2=\"{x + 24}\" y1=\"{Height - 12}\" y2=\"{Height - 12}\" stroke=\"{legend[i].Item2}\" stroke-width=\"3\"/>"));
            svg.Append(Invariant($"<text x=\"{x + 30}\" y=\"{Height - 8}\">{legend[i].Item1}</text>\n"));
        }

        AppendPowerPanel(svg, outcome, X);
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    // The power panel: measured power, requested limits (one step line per adjustment), house load and grid limit.
    private static void AppendPowerPanel(StringBuilder svg, SessionOutcome outcome, Func<DateTimeOffset, double> x)
    {
        var house = outcome.Scenario.House;
        var plotW = Width - Left - Right;
        var plotH = PowerPanelHeight - PowerBottom;
        var maxKw = Math.Max(8, Math.Ceiling((house is { GridLimitWatts: var limit } && double.IsFinite(limit) ? limit / 1000 : outcome.Samples.Select(s => s.MeasuredKilowatts).DefaultIfEmpty(0).Max()) + 1));
        double Y(double kw) => PowerTop + plotH - Math.Clamp(kw / maxKw, 0, 1) * plotH;

        for (var kw = 0; kw <= maxKw; kw += 2)
        {
            svg.Append(Invariant($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Y(kw):0.#}\" y2=\"{Y(kw):0.#}\" stroke=\"#e5e5e5\"/>"));
            svg.Append(Invariant($"<text x=\"{Left - 8}\" y=\"{Y(kw) + 4:0.#}\" text-anchor=\"end\">{kw}</text>\n"));
        }

        svg.Append(Invariant($"<rect x=\"{Left}\" y=\"{PowerTop}\" width=\"{plotW}\" height=\"{plotH}\" fill=\"none\" stroke=\"#888\"/>\n"));
        svg.Append(Invariant($"<text transform=\"translate(18 {PowerTop + plotH / 2}) rotate(-90)\" text-anchor=\"middle\">power (kW)</text>\n"));
        if (house is { GridLimitWatts: var gridLimit } && double.IsFinite(gridLimit))
        {
            svg.Append(Invariant($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Y(gridLimit / 1000):0.#}\" y2=\"{Y(gridLimit / 1000):0.#}\" stroke=\"#6c757d\" stroke-dasharray=\"8 4\"><title>grid limit {gridLimit / 1000:0.0} kW</title></line>\n"));
            svg.Append(Polyline(outcome.Samples.Select(s => (x(s.At), Y(s.HouseKilowatts ?? 0))), "#8d99ae", null));
        }

        svg.Append(Polyline(outcome.Samples.Select(s => (x(s.At), Y(s.MeasuredKilowatts))), "#e76f51", null));
        foreach (var adjustment in outcome.Adjustments)
        {
            var kw = adjustment.PowerMilliwatts / 1e6;
            svg.Append(Invariant($"<polyline points=\"{x(adjustment.RequestedAt):0.##},{Y(kw):0.##} {x(adjustment.Until):0.##},{Y(kw):0.##}\" fill=\"none\" stroke=\"#7209b7\" stroke-width=\"3\"><title>{Escape($"requested {kw:0.00} kW {adjustment.RequestedAt:HH:mm:ss}–{adjustment.Until:HH:mm:ss} ({adjustment.EndCause ?? "in force"})")}</title></polyline>\n"));
        }

        var legend = new[] { ("measured power", "#e76f51"), ("requested limit", "#7209b7"), ("house load", "#8d99ae"), ("grid limit", "#6c757d") };
        for (var i = 0; i < legend.Length; i++)
        {
            var lx = Left + i * 170;
            var ly = PowerTop + plotH + 28;
            svg.Append(Invariant($"<line x1=\"{lx}\" x2=\"{lx + 24}\" y1=\"{ly - 4}\" y2=\"{ly - 4}\" stroke=\"{legend[i].Item2}\" stroke-width=\"3\"/>"));
            svg.Append(Invariant($"<text x=\"{lx + 30}\" y=\"{ly}\">{legend[i].Item1}</text>\n"));
        }
    }

    private static string Polyline(IEnumerable<(double X, double Y)> points, string colour, string? dash)
    {
        var list = string.Join(' ', points.Select(p => Invariant($"{p.X:0.##},{p.Y:0.##}")));
        var dashes = dash is null ? string.Empty : $" stroke-dasharray=\"{dash}\"";
        return $"<polyline points=\"{list}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\"{dashes}/>\n";
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
