using System.Collections.Generic;
using System.Linq;
using MatterGen.Evse.Clusters;

namespace MatterGen.Evse.Targets;

/// <summary>
/// The stored charging targets, kept as GetTargets returns them. SetTargets merges by day: an entry whose
/// days all lie inside a new schedule's days is replaced by it; an entry that only overlaps loses the
/// overlapping days and keeps its targets; a schedule that replaced nothing is appended.
/// </summary>
public sealed class ChargingTargetSchedule
{
    private readonly List<EnergyEVSE.ChargingTargetScheduleStruct> entries = new();

    /// <summary>The stored schedules in GetTargets order.</summary>
    public IReadOnlyList<EnergyEVSE.ChargingTargetScheduleStruct> Entries => entries;

    /// <summary>Merges a validated SetTargets request.</summary>
    public void Apply(IEnumerable<EnergyEVSE.ChargingTargetScheduleStruct> schedules)
    {
        foreach (var schedule in schedules)
        {
            Merge(schedule);
        }
    }

    /// <summary>Replaces everything (after loading from storage).</summary>
    public void Replace(IEnumerable<EnergyEVSE.ChargingTargetScheduleStruct> schedules)
    {
        entries.Clear();
        entries.AddRange(schedules);
    }

    /// <summary>ClearTargets: nothing stored.</summary>
    public void Clear() => entries.Clear();

    /// <summary>The targets that apply on a day (the first entry naming it), or none.</summary>
    public IReadOnlyList<EnergyEVSE.ChargingTargetStruct> TargetsFor(EnergyEVSE.TargetDayOfWeekBitmap day) =>
        entries.FirstOrDefault(entry => (entry.DayOfWeekForSequence & day) != 0)?.ChargingTargets ?? [];

    private void Merge(EnergyEVSE.ChargingTargetScheduleStruct incoming)
    {
        var days = incoming.DayOfWeekForSequence;
        var replaced = false;
        for (var i = 0; i < entries.Count; i++)
        {
            var existing = entries[i];
            var overlap = existing.DayOfWeekForSequence & days;
            if (overlap == 0)
            {
                continue;
            }

            if ((existing.DayOfWeekForSequence & ~days) == 0)
            {
                // Wholly covered: the first such entry takes the new schedule in its place; any other goes.
                if (!replaced)
                {
                    entries[i] = incoming;
                    replaced = true;
                }
                else
                {
                    entries.RemoveAt(i--);
                }
            }
            else
            {
                entries[i] = existing with { DayOfWeekForSequence = existing.DayOfWeekForSequence & ~days };
            }
        }

        if (!replaced)
        {
            entries.Add(incoming);
        }
    }
}
