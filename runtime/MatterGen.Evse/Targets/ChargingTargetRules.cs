using System.Collections.Generic;
using MatterGen.Evse.Clusters;
using MatterGen.Interaction;

namespace MatterGen.Evse.Targets;

/// <summary>
/// The SetTargets rules of the Energy EVSE cluster, in the order a certified device applies them; the first
/// broken rule decides the status.
/// </summary>
public static class ChargingTargetRules
{
    /// <summary>At most this many schedules in a SetTargets request (one per day of the week).</summary>
    public const int MaxSchedules = 7;

    /// <summary>At most this many targets in one schedule.</summary>
    public const int MaxTargetsPerSchedule = 10;

    /// <summary>The last minute of a day.</summary>
    public const int LastMinuteOfDay = 1439;

    /// <summary>
    /// The days a schedule can name. Other bits are reserved: ignored on receipt (masked off before anything is
    /// judged or stored), as the reference implementation does and as reserved bits are treated in Matter.
    /// </summary>
    public const EnergyEVSE.TargetDayOfWeekBitmap AllDays = (EnergyEVSE.TargetDayOfWeekBitmap)0x7F;

    /// <summary>The request's schedules with their reserved day bits cleared, as they are stored.</summary>
    public static IEnumerable<EnergyEVSE.ChargingTargetScheduleStruct> WithoutReservedDays(IEnumerable<EnergyEVSE.ChargingTargetScheduleStruct> schedules)
    {
        foreach (var schedule in schedules)
        {
            yield return (schedule.DayOfWeekForSequence & ~AllDays) == 0 ? schedule : schedule with { DayOfWeekForSequence = schedule.DayOfWeekForSequence & AllDays };
        }
    }

    /// <summary>Checks a SetTargets request; <see cref="MatterStatus.Success"/> when it may be stored.</summary>
    /// <param name="schedules">The request's schedules.</param>
    /// <param name="socReporting">Whether the server has the SoCReporting feature.</param>
    public static MatterStatus Validate(IReadOnlyList<EnergyEVSE.ChargingTargetScheduleStruct> schedules, bool socReporting)
    {
        if (schedules.Count > MaxSchedules)
        {
            return MatterStatus.ResourceExhausted;
        }

        var daysSeen = (EnergyEVSE.TargetDayOfWeekBitmap)0;
        foreach (var schedule in schedules)
        {
            // A schedule names at least one day, and no day twice: so at most seven are ever stored.
            var days = schedule.DayOfWeekForSequence & AllDays;
            if (days == 0 || (daysSeen & days) != 0)
            {
                return MatterStatus.ConstraintError;
            }

            daysSeen |= days;
            if (schedule.ChargingTargets.Count > MaxTargetsPerSchedule)
            {
                return MatterStatus.ResourceExhausted;
            }

            foreach (var target in schedule.ChargingTargets)
            {
                var status = ValidateTarget(target, socReporting);
                if (status != MatterStatus.Success)
                {
                    return status;
                }
            }
        }

        return MatterStatus.Success;
    }

    private static MatterStatus ValidateTarget(EnergyEVSE.ChargingTargetStruct target, bool socReporting)
    {
        if (target.TargetTimeMinutesPastMidnight > LastMinuteOfDay)
        {
            return MatterStatus.ConstraintError;
        }

        if (socReporting)
        {
            if (target.TargetSoC is not { } soc)
            {
                return MatterStatus.InvalidCommand;
            }

            if (soc > 100)
            {
                return MatterStatus.ConstraintError;
            }
        }
        else if (target.TargetSoC is { } soc && soc != 100)
        {
            // Without SoC reporting the only meaningful TargetSoC is "full".
            return MatterStatus.ConstraintError;
        }

        if (target.TargetSoC is null && target.AddedEnergy is null)
        {
            return MatterStatus.Failure;
        }

        return target.AddedEnergy is < 0 ? MatterStatus.ConstraintError : MatterStatus.Success;
    }
}
