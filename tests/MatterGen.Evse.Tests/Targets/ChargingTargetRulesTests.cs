using System.Linq;
using MatterGen.Evse.Clusters;
using MatterGen.Evse.Targets;
using MatterGen.Interaction;
using Xunit;
using Day = MatterGen.Evse.Clusters.EnergyEVSE.TargetDayOfWeekBitmap;

namespace MatterGen.Evse.Tests.Targets;

/// <summary>Every SetTargets rule gives its status, and the first broken rule decides.</summary>
public sealed class ChargingTargetRulesTests
{
    internal static EnergyEVSE.ChargingTargetStruct Target(ushort minutes, byte? soc = null, long? energy = null) =>
        new() { TargetTimeMinutesPastMidnight = minutes, TargetSoC = soc, AddedEnergy = energy };

    internal static EnergyEVSE.ChargingTargetScheduleStruct Schedule(Day days, params EnergyEVSE.ChargingTargetStruct[] targets) =>
        new() { DayOfWeekForSequence = days, ChargingTargets = targets };

    [Fact]
    public void A_valid_request_succeeds() =>
        Assert.Equal(MatterStatus.Success, ChargingTargetRules.Validate([Schedule((Day)0x7F, Target(1439, energy: 25_000_000))], socReporting: false));

    [Fact]
    public void A_day_named_by_two_schedules_is_a_constraint_error() =>
        Assert.Equal(MatterStatus.ConstraintError, ChargingTargetRules.Validate([Schedule(Day.Sunday, Target(60, energy: 1)), Schedule(Day.Sunday, Target(60, energy: 1))], false));

    [Fact]
    public void A_time_past_the_last_minute_is_a_constraint_error() =>
        Assert.Equal(MatterStatus.ConstraintError, ChargingTargetRules.Validate([Schedule(Day.Monday, Target(1440, energy: 1))], false));

    [Fact]
    public void With_soc_reporting_a_missing_target_soc_is_an_invalid_command() =>
        Assert.Equal(MatterStatus.InvalidCommand, ChargingTargetRules.Validate([Schedule((Day)0x7F, Target(1439, energy: 25_000_000))], socReporting: true));

    [Fact]
    public void With_soc_reporting_a_target_soc_above_100_is_a_constraint_error() =>
        Assert.Equal(MatterStatus.ConstraintError, ChargingTargetRules.Validate([Schedule(Day.Monday, Target(60, soc: 101))], true));

    [Fact]
    public void Without_soc_reporting_a_target_soc_other_than_100_is_a_constraint_error()
    {
        Assert.Equal(MatterStatus.ConstraintError, ChargingTargetRules.Validate([Schedule(Day.Monday, Target(60, soc: 80))], false));
        Assert.Equal(MatterStatus.Success, ChargingTargetRules.Validate([Schedule(Day.Monday, Target(60, soc: 100))], false));
    }

    [Fact]
    public void A_target_with_neither_soc_nor_energy_is_a_failure() =>
        Assert.Equal(MatterStatus.Failure, ChargingTargetRules.Validate([Schedule(Day.Monday, Target(60))], false));

    [Fact]
    public void Negative_added_energy_is_a_constraint_error() =>
        Assert.Equal(MatterStatus.ConstraintError, ChargingTargetRules.Validate([Schedule(Day.Monday, Target(60, energy: -1))], false));

    [Fact]
    public void Eleven_targets_in_a_schedule_exhaust_the_resource()
    {
        var targets = Enumerable.Range(0, 11).Select(i => Target((ushort)(60 + i), energy: 1)).ToArray();
        Assert.Equal(MatterStatus.ResourceExhausted, ChargingTargetRules.Validate([Schedule(Day.Saturday, targets)], false));
    }

    [Fact]
    public void Eight_schedules_exhaust_the_resource()
    {
        var schedules = Enumerable.Range(0, 8).Select(i => Schedule((Day)(1 << (i % 7)), Target(60, energy: 1))).ToArray();
        Assert.Equal(MatterStatus.ResourceExhausted, ChargingTargetRules.Validate(schedules, false));
    }
}
