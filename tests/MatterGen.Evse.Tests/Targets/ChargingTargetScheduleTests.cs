using System.Linq;
using MatterGen.Evse.Targets;
using Xunit;
using static MatterGen.Evse.Tests.Targets.ChargingTargetRulesTests;
using Day = MatterGen.Evse.Clusters.EnergyEVSE.TargetDayOfWeekBitmap;

namespace MatterGen.Evse.Tests.Targets;

/// <summary>SetTargets merges by day, as TC-EEVSE-2.3 expects.</summary>
public sealed class ChargingTargetScheduleTests
{
    [Fact]
    public void The_certification_sequence_gives_three_entries_in_order()
    {
        var store = new ChargingTargetSchedule();
        store.Apply([Schedule((Day)0x7F, Target(1, soc: 100))]);
        var saturday = Enumerable.Range(0, 10).Select(i => Target((ushort)(60 + (120 * i)), soc: 100, energy: 25_000_000)).ToArray();

        store.Apply([Schedule(Day.Saturday, saturday)]);
        store.Apply([Schedule(Day.Sunday)]);

        Assert.Equal([(Day)0x3E, Day.Saturday, Day.Sunday], store.Entries.Select(entry => entry.DayOfWeekForSequence));
        Assert.Equal([Target(1, soc: 100)], store.Entries[0].ChargingTargets);
        Assert.Equal(10, store.Entries[1].ChargingTargets.Count);
        Assert.Empty(store.Entries[2].ChargingTargets);
    }

    [Fact]
    public void A_schedule_covering_an_entry_replaces_it_in_place()
    {
        var store = new ChargingTargetSchedule();
        store.Apply([Schedule(Day.Monday, Target(60, energy: 1)), Schedule(Day.Friday, Target(90, energy: 2))]);

        store.Apply([Schedule(Day.Monday | Day.Tuesday, Target(120, energy: 3))]);

        Assert.Equal([Day.Monday | Day.Tuesday, Day.Friday], store.Entries.Select(entry => entry.DayOfWeekForSequence));
        Assert.Equal(120, store.Entries[0].ChargingTargets[0].TargetTimeMinutesPastMidnight);
    }

    [Fact]
    public void Clear_removes_everything()
    {
        var store = new ChargingTargetSchedule();
        store.Apply([Schedule(Day.Monday, Target(60, energy: 1))]);

        store.Clear();

        Assert.Empty(store.Entries);
        Assert.Empty(store.TargetsFor(Day.Monday));
    }
}
