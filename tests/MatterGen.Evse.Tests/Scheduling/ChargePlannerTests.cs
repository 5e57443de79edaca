using System;
using MatterGen.DataModel;
using MatterGen.Evse.Scheduling;
using MatterGen.Evse.Targets;
using Xunit;
using static MatterGen.Evse.Tests.Targets.ChargingTargetRulesTests;
using Day = MatterGen.Evse.Clusters.EnergyEVSE.TargetDayOfWeekBitmap;

namespace MatterGen.Evse.Tests.Scheduling;

/// <summary>The NextCharge attributes as TC-EEVSE-2.3 and 2.7 expect them.</summary>
public sealed class ChargePlannerTests
{
    // A Wednesday, 10:00 UTC; planning in UTC keeps the arithmetic visible.
    private static readonly DateTimeOffset Now = new(2025, 10, 22, 10, 0, 0, TimeSpan.Zero);

    private static ChargePlanInputs Inputs(bool soc = false, byte? stateOfCharge = null, long? capacity = null, bool enabled = true) =>
        new(Now, TimeZoneInfo.Utc, PluggedIn: true, ChargingEnabled: enabled, MaximumChargeCurrent: 32_000, NominalVoltage: 230_000, soc, stateOfCharge, capacity);

    private static ChargingTargetSchedule Targets(EnergyEVSE_Target target)
    {
        var store = new ChargingTargetSchedule();
        store.Apply([Schedule((Day)0x7F, target.Value)]);
        return store;
    }

    [Fact]
    public void Nothing_is_planned_until_charging_is_enabled() =>
        Assert.Equal(ChargePlan.None, ChargePlanner.Plan(Inputs(enabled: false), Targets(new(Target(1439, energy: 25_000_000)))));

    [Fact]
    public void An_energy_target_later_today_starts_early_enough_with_fifteen_minutes_to_spare()
    {
        var plan = ChargePlanner.Plan(Inputs(), Targets(new(Target(1439, energy: 25_000_000))));

        var target = new DateTimeOffset(2025, 10, 22, 23, 59, 0, TimeSpan.Zero);
        Assert.Equal(EpochSeconds.FromDateTimeOffset(target), plan.TargetTime);
        Assert.Equal(25_000_000, plan.RequiredEnergy);
        Assert.Null(plan.TargetSoC);

        // 25 kWh at 230 V x 32 A = 7.36 kW: 12,228 s, plus 900 s leeway.
        var expectedStart = target - TimeSpan.FromSeconds((25_000_000 * 3.6 / 7360) + 900);
        Assert.Equal(EpochSeconds.FromDateTimeOffset(expectedStart), plan.StartTime);
    }

    [Fact]
    public void A_target_earlier_than_now_moves_to_tomorrow()
    {
        var plan = ChargePlanner.Plan(Inputs(), Targets(new(Target(1, soc: 100))));

        Assert.Equal(EpochSeconds.FromDateTimeOffset(new DateTimeOffset(2025, 10, 23, 0, 1, 0, TimeSpan.Zero)), plan.TargetTime);
        Assert.Equal((byte)100, plan.TargetSoC);
        Assert.Null(plan.RequiredEnergy);
        Assert.True(plan.StartTime!.Value.Value < plan.TargetTime!.Value.Value);
    }

    [Fact]
    public void With_a_known_state_of_charge_the_energy_comes_from_the_battery()
    {
        var low = ChargePlanner.Plan(Inputs(soc: true, stateOfCharge: 20, capacity: 70_000_000), Targets(new(Target(1439, soc: 80, energy: 25_000_000))));
        Assert.Null(low.RequiredEnergy);
        Assert.Equal((byte)80, low.TargetSoC);
        Assert.NotNull(low.StartTime);

        var high = ChargePlanner.Plan(Inputs(soc: true, stateOfCharge: 95, capacity: 70_000_000), Targets(new(Target(1439, soc: 80, energy: 25_000_000))));
        Assert.Null(high.StartTime);
        Assert.NotNull(high.TargetTime);
    }

    [Fact]
    public void With_an_unknown_state_of_charge_the_added_energy_is_used()
    {
        var plan = ChargePlanner.Plan(Inputs(soc: true), Targets(new(Target(1439, soc: 80, energy: 25_000_000))));

        Assert.Equal(25_000_000, plan.RequiredEnergy);
        Assert.Null(plan.TargetSoC);
    }

    /// <summary>Wraps a target so the helper reads as data.</summary>
    public readonly record struct EnergyEVSE_Target(MatterGen.Evse.Clusters.EnergyEVSE.ChargingTargetStruct Value);
}
