using System;
using System.Collections.Generic;
using System.Linq;
using MatterGen.Samples.EvseSimulator.Scenarios;

namespace MatterGen.Samples.EvseSimulator.Session;

/// <summary>Everything a finished session left behind, for its checks, its summary and its plot.</summary>
/// <param name="Scenario">The scenario that was played.</param>
/// <param name="Bidirectional">Whether the charger had the V2X feature set.</param>
/// <param name="Events">The session log in order.</param>
/// <param name="Samples">The curves, one point per sampling interval.</param>
/// <param name="Views">Every distinct attribute view the manager read, in order.</param>
/// <param name="Final">The last attribute view.</param>
/// <param name="FinalHardware">The last hardware reading.</param>
/// <param name="Adjustments">The power adjustments the energy manager had in force, in order.</param>
/// <param name="Trace">The offer and the measured power at every control-loop step.</param>
/// <param name="Polls">How many rounds the energy manager made.</param>
/// <param name="ReadRequests">How many Interaction Model ReadRequests it sent in them (one per round).</param>
internal sealed record SessionOutcome(
    Scenario Scenario,
    bool Bidirectional,
    IReadOnlyList<SessionEvent> Events,
    IReadOnlyList<SessionSample> Samples,
    IReadOnlyList<ClusterView> Views,
    ClusterView Final,
    HardwareReading FinalHardware,
    IReadOnlyList<PowerAdjustmentRecord> Adjustments,
    IReadOnlyList<PowerTracePoint> Trace,
    int Polls,
    int ReadRequests)
{
    /// <summary>Whether each adjustment was honoured in time (see <see cref="AdjustmentCompliance"/>).</summary>
    public IReadOnlyList<AdjustmentCompliance.Verdict> AdjustmentVerdicts => AdjustmentCompliance.Evaluate(Adjustments, Trace, SessionRunner.Step);

    /// <summary>The cluster events only, by name, in order.</summary>
    public IEnumerable<string> ClusterEventNames => Events.Where(e => e.Source == EventSource.Cluster).Select(e => e.Name);

    /// <summary>The first cluster event of a name, or null.</summary>
    public SessionEvent? FirstClusterEvent(string name) => Events.FirstOrDefault(e => e.Source == EventSource.Cluster && e.Name == name);

    /// <summary>The state of charge at a time (the last sample at or before it), percent.</summary>
    public double StateOfChargeAt(DateTimeOffset at) =>
        Samples.LastOrDefault(s => s.At <= at) is { At.Ticks: > 0 } sample ? sample.StateOfChargePercent : Scenario.InitialStateOfCharge * 100;

    /// <summary>The highest current measured, A.</summary>
    public double PeakMeasuredAmps => Samples.Count == 0 ? 0 : Samples.Max(s => s.MeasuredAmps);

    /// <summary>Whether <see cref="Scenario.ExpectedEvents"/> appear in order among the cluster events.</summary>
    public bool ExpectedEventsInOrder(out string? missing)
    {
        using var actual = ClusterEventNames.GetEnumerator();
        foreach (var expected in Scenario.ExpectedEvents)
        {
            var found = false;
            while (actual.MoveNext())
            {
                if (actual.Current == expected)
                {
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                missing = expected;
                return false;
            }
        }

        missing = null;
        return true;
    }
}
