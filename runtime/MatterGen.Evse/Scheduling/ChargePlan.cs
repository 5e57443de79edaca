using MatterGen.DataModel;

namespace MatterGen.Evse.Scheduling;

/// <summary>The next charge as the four NextCharge attributes report it; all null when nothing is planned.</summary>
/// <param name="StartTime">NextChargeStartTime: when charging should start; null when no charge is needed.</param>
/// <param name="TargetTime">NextChargeTargetTime: when the target must be met.</param>
/// <param name="RequiredEnergy">NextChargeRequiredEnergy in mWh, when the plan is by energy.</param>
/// <param name="TargetSoC">NextChargeTargetSoC in percent, when the plan is by state of charge.</param>
public readonly record struct ChargePlan(EpochSeconds? StartTime, EpochSeconds? TargetTime, long? RequiredEnergy, byte? TargetSoC)
{
    /// <summary>No plan: every NextCharge attribute null.</summary>
    public static ChargePlan None => default;
}
