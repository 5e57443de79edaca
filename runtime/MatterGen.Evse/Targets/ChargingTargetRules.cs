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
            if ((daysSeen & schedule.DayOfWeekForSequence) != 0)
            {
                return MatterStatus.ConstraintError;
            }

            daysSeen |= schedule.DayOfWeekForSequence;
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
