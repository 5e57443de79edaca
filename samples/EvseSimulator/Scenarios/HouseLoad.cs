using System;
using System.Collections.Generic;
using System.Linq;

namespace MatterGen.Samples.EvseSimulator.Scenarios;

/// <summary>
/// The rest of the house as the home energy manager sees it on its grid meter: a base load and appliances that run
/// at set local times, all under one grid connection limit the charger must be kept within.
/// </summary>
/// <param name="GridLimitWatts">The most the house may draw from the grid, charger included (the main fuse or the contracted power).</param>
/// <param name="BaseWatts">What the house draws when nothing in <paramref name="Periods"/> runs.</param>
/// <param name="Periods">Appliances switched on for a while, by local time of day.</param>
internal sealed record HouseLoad(double GridLimitWatts, double BaseWatts, IReadOnlyList<LoadPeriod> Periods)
{
    /// <summary>No limit the charger could reach: the manager never needs to adjust it.</summary>
    public static HouseLoad None { get; } = new(double.PositiveInfinity, 0, []);

    /// <summary>The house load (charger excluded) at a local time, W.</summary>
    public double WattsAt(DateTimeOffset localTime) => BaseWatts + Periods.Where(p => p.Covers(localTime)).Sum(p => p.Watts);

    /// <summary>What the charger may draw at a local time without the house going over the limit, W.</summary>
    public double HeadroomAt(DateTimeOffset localTime) => GridLimitWatts - WattsAt(localTime);

    /// <summary>The appliance periods running at a local time.</summary>
    public IEnumerable<LoadPeriod> RunningAt(DateTimeOffset localTime) => Periods.Where(p => p.Covers(localTime));
}

/// <summary>An appliance (or several) that adds load between two local times of day.</summary>
/// <param name="What">For the log: "water heater", "breakfast and heat pump defrost".</param>
/// <param name="From">Local time it starts.</param>
/// <param name="Until">Local time it stops (earlier than <paramref name="From"/>: the next day).</param>
/// <param name="Watts">The load it adds, W.</param>
/// <param name="EndKnown">True when the manager knows when it stops (an appliance it schedules itself); false when it learns only from the meter.</param>
internal sealed record LoadPeriod(string What, TimeOnly From, TimeOnly Until, double Watts, bool EndKnown)
{
    /// <summary>Whether the period covers a local time.</summary>
    public bool Covers(DateTimeOffset localTime)
    {
        var t = TimeOnly.FromTimeSpan(localTime.TimeOfDay);
        return From <= Until ? t >= From && t < Until : t >= From || t < Until;
    }

    /// <summary>The next end of the period at or after a local time.</summary>
    public DateTimeOffset EndAfter(DateTimeOffset localTime)
    {
        var end = new DateTimeOffset(localTime.Date, localTime.Offset).Add(Until.ToTimeSpan());
        return end < localTime ? end.AddDays(1) : end;
    }
}
