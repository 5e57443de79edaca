using System;
using System.Linq;
using MatterGen.DataModel;
using MatterGen.Evse.Clusters;
using MatterGen.Evse.Targets;

namespace MatterGen.Evse.Scheduling;

/// <summary>
/// Works out the next charge from the stored targets: the first target later today, else the earliest
/// tomorrow; the energy it needs (from the state of charge where it is known, else the added energy); and the
/// latest start that meets it at the present maximum current, with 15 minutes to spare.
/// </summary>
public static class ChargePlanner
{
    /// <summary>Energy assumed when a target names none that can be computed: "start now".</summary>
    public const long UnknownRequiredEnergy = 1_000_000_000_000;

    private static readonly TimeSpan Leeway = TimeSpan.FromMinutes(15);

    /// <summary>The plan for these inputs and targets.</summary>
    public static ChargePlan Plan(ChargePlanInputs inputs, ChargingTargetSchedule targets)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(targets);
        if (!inputs.PluggedIn || !inputs.ChargingEnabled)
        {
            return ChargePlan.None;
        }

        var localNow = TimeZoneInfo.ConvertTime(inputs.Now, inputs.LocalZone);
        var minutesNow = (localNow.Hour * 60) + localNow.Minute;
        var today = DayBit(localNow.DayOfWeek);
        var tomorrow = DayBit(localNow.AddDays(1).DayOfWeek);
        var (target, dayOffset) = targets.TargetsFor(today)
            .Where(candidate => candidate.TargetTimeMinutesPastMidnight > minutesNow)
            .OrderBy(candidate => candidate.TargetTimeMinutesPastMidnight)
            .Select(candidate => (candidate, 0))
            .Concat(targets.TargetsFor(tomorrow).OrderBy(candidate => candidate.TargetTimeMinutesPastMidnight).Select(candidate => (candidate, 1)))
            .FirstOrDefault();
        if (target is null)
        {
            return ChargePlan.None;
        }

        var localMidnight = new DateTimeOffset(localNow.Date, localNow.Offset);
        var targetTime = TimeZoneInfo.ConvertTime(localMidnight.AddDays(dayOffset).AddMinutes(target.TargetTimeMinutesPastMidnight), TimeZoneInfo.Utc);
        var (required, plannedEnergy, plannedSoC) = RequiredEnergy(target, inputs);
        return new ChargePlan(StartTime(inputs, targetTime, required), EpochSeconds.FromDateTimeOffset(targetTime), plannedEnergy, plannedSoC);
    }

    private static (long Required, long? ReportedEnergy, byte? ReportedSoC) RequiredEnergy(EnergyEVSE.ChargingTargetStruct target, ChargePlanInputs inputs)
    {
        if (target.TargetSoC is { } soc)
        {
            if (inputs.SocReporting && inputs.StateOfCharge is { } current && inputs.BatteryCapacity is { } capacity)
            {
                return (Math.Max(0, (soc - current) * capacity / 100), null, soc);
            }

            if (!inputs.SocReporting)
            {
                return (target.AddedEnergy ?? UnknownRequiredEnergy, target.AddedEnergy, soc);
            }
        }

        return (target.AddedEnergy ?? UnknownRequiredEnergy, target.AddedEnergy, null);
    }

    private static EpochSeconds? StartTime(ChargePlanInputs inputs, DateTimeOffset targetTime, long requiredEnergy)
    {
        var powerWatts = inputs.NominalVoltage * (double)inputs.MaximumChargeCurrent / 1e6;
        if (requiredEnergy == 0 || powerWatts <= 0)
        {
            return null;
        }

        // mWh / W gives milli-hours; times 3.6 gives seconds.
        var needed = TimeSpan.FromSeconds(Math.Min(requiredEnergy * 3.6 / powerWatts, TimeSpan.FromDays(36500).TotalSeconds)) + Leeway;
        var start = targetTime - inputs.Now <= needed ? inputs.Now : targetTime - needed;
        return EpochSeconds.FromDateTimeOffset(start);
    }

    private static EnergyEVSE.TargetDayOfWeekBitmap DayBit(DayOfWeek day) => (EnergyEVSE.TargetDayOfWeekBitmap)(1 << (int)day);
}
