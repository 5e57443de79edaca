using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using MatterGen.Samples.EvseSimulator.Session;

namespace MatterGen.Samples.EvseSimulator.Rendering;

/// <summary>
/// Writes the session's current (offered and measured, left axis) and state of charge (right axis) over time as
/// a self-contained SVG, with the cluster events as marks along the top. No plotting library: SVG is text.
/// </summary>
internal static class SvgChart
{
    private const double Width = 960, Height = 420, Left = 60, Right = 60, Top = 40, Bottom = 50;
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
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"12\">\n"));
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

        svg.Append("</svg>\n");
        return svg.ToString();
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
