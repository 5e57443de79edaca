using System;
using System.Threading.Tasks;
using MatterGen.DataModel;
using MatterGen.Evse.Clusters;
using MatterGen.Evse.EnergyManagement;
using MatterGen.Evse.Tests.Certification.Energy;
using Xunit;
using Dem = MatterGen.Evse.Clusters.DeviceEnergyManagement;

namespace MatterGen.Evse.Tests.EnergyManagement;

/// <summary>
/// The forecast's time-dependent fields (Device Energy Management, SlotStruct): ElapsedSlotTime and RemainingSlotTime
/// are "the most recent value" on every read yet never cause a report (no data version change); ActiveSlotNumber goes
/// from null ("the sequence has not yet started") to 0 at the planned start, with the same ForecastID (the same plan);
/// a new plan is a new ForecastID.
/// </summary>
public sealed class ForecastProgressTests
{
    [Fact]
    public async Task Slot_times_are_current_on_every_read_without_a_report()
    {
        using var bed = await PlannedAnHourAhead();
        var (forecast, version) = await ReadForecastAsync(bed);
        var slot = Assert.Single(forecast.Slots);
        Assert.Null(forecast.ActiveSlotNumber);
        Assert.Equal(0u, slot.ElapsedSlotTime.Value);
        Assert.Equal(slot.DefaultDuration, slot.RemainingSlotTime);

        // Into the slot: the slot started on time (same plan, same id), and the times run with the clock.
        var start = forecast.StartTime.ToDateTimeOffset();
        bed.Time.Advance(start - bed.Time.GetUtcNow() + TimeSpan.FromSeconds(100));
        var (started, startedVersion) = await ReadForecastAsync(bed);
        Assert.Equal((ushort)0, started.ActiveSlotNumber);
        Assert.Equal(forecast.ForecastID, started.ForecastID);
        Assert.NotEqual(version, startedVersion);
        Assert.Equal(100u, started.Slots[0].ElapsedSlotTime.Value);
        Assert.Equal(slot.DefaultDuration.Value - 100, started.Slots[0].RemainingSlotTime.Value);

        // Seconds later: new times, same data version (nothing to report).
        bed.Time.Advance(TimeSpan.FromSeconds(7));
        var (later, laterVersion) = await ReadForecastAsync(bed);
        Assert.Equal(107u, later.Slots[0].ElapsedSlotTime.Value);
        Assert.Equal(slot.DefaultDuration.Value - 107, later.Slots[0].RemainingSlotTime.Value);
        Assert.Equal(startedVersion, laterVersion);
        Assert.Equal(started with { Slots = later.Slots }, later);
    }

    [Fact]
    public async Task A_new_plan_is_a_new_forecast_id()
    {
        using var bed = await PlannedAnHourAhead();
        var (first, _) = await ReadForecastAsync(bed);

        await bed.EnergyManagement.PowerAdjustRequestAsync(new Dem.PowerAdjustRequest { Power = 2_300_000, Duration = new ElapsedSeconds(600), Cause = Dem.AdjustmentCauseEnum.LocalOptimization });
        var (adjusted, _) = await ReadForecastAsync(bed);
        Assert.True(adjusted.ForecastID > first.ForecastID);
        Assert.Equal(Dem.ForecastUpdateReasonEnum.LocalOptimization, adjusted.ForecastUpdateReason);

        // EarliestStartTime and LatestEndTime belong to StartTimeAdjustment, which the charger does not have.
        Assert.False(adjusted.EarliestStartTime.HasValue);
        Assert.Null(adjusted.LatestEndTime);
    }

    [Fact]
    public void Slots_follow_one_another_by_their_default_duration()
    {
        var start = new EpochSeconds(1_000_000);
        var forecast = new Dem.ForecastStruct
        {
            ForecastID = 1,
            ActiveSlotNumber = 1,
            StartTime = start,
            EndTime = new EpochSeconds(start.Value + 300),
            IsPausable = false,
            ForecastUpdateReason = Dem.ForecastUpdateReasonEnum.InternalOptimization,
            Slots = [Slot(100), Slot(200)],
        };

        var before = ForecastSlotTimes.AsOf(forecast, new EpochSeconds(start.Value - 50))!;
        Assert.Same(forecast, before); // nothing to bring up to date
        var inSecond = ForecastSlotTimes.AsOf(forecast, new EpochSeconds(start.Value + 130))!;
        Assert.Equal((100u, 0u), Times(inSecond.Slots[0]));
        Assert.Equal((30u, 170u), Times(inSecond.Slots[1]));
        var after = ForecastSlotTimes.AsOf(forecast, new EpochSeconds(start.Value + 1_000))!;
        Assert.Equal((200u, 0u), Times(after.Slots[1]));
        Assert.Null(ForecastSlotTimes.AsOf(null, start));
    }

    private static Dem.SlotStruct Slot(uint seconds) => new()
    {
        MinDuration = new ElapsedSeconds(seconds),
        MaxDuration = new ElapsedSeconds(seconds),
        DefaultDuration = new ElapsedSeconds(seconds),
        ElapsedSlotTime = new ElapsedSeconds(0),
        RemainingSlotTime = new ElapsedSeconds(seconds),
        NominalPower = 1_000_000,
        MinPower = 0,
        MaxPower = 1_000_000,
        NominalEnergy = 1_000,
    };

    private static (uint Elapsed, uint Remaining) Times(Dem.SlotStruct slot) => (slot.ElapsedSlotTime.Value, slot.RemainingSlotTime.Value);

    private static async Task<(Dem.ForecastStruct Forecast, uint DataVersion)> ReadForecastAsync(ChargerTestBed bed)
    {
        var raw = await bed.Transport.ReadAttributeAsync(ChargerTestBed.Endpoint, Dem.ClusterId, Dem.Attributes.Forecast.Id);
        var forecast = await bed.EnergyManagement.ReadForecastAsync();
        Assert.NotNull(forecast);
        return (forecast, raw.DataVersion);
    }

    // Charging enabled at 32 A and a target whose plan starts about an hour from now: 7.36 kWh (an hour at 32 A)
    // due in two hours and a quarter, so the slot starts in an hour (the planner keeps 15 minutes to spare).
    private static async Task<ChargerTestBed> PlannedAnHourAhead()
    {
        var bed = await ChargerTestBed.ChargingAt32AAsync();
        var local = TimeZoneInfo.ConvertTime(bed.Time.GetUtcNow(), TimeZoneInfo.Local).AddHours(2.25);
        await bed.Evse.SetTargetsAsync(new EnergyEVSE.SetTargetsRequest
        {
            ChargingTargetSchedules =
            [
                new EnergyEVSE.ChargingTargetScheduleStruct
                {
                    DayOfWeekForSequence = (EnergyEVSE.TargetDayOfWeekBitmap)0x7F,
                    ChargingTargets = [new EnergyEVSE.ChargingTargetStruct { TargetTimeMinutesPastMidnight = (ushort)(local.Hour * 60 + local.Minute), TargetSoC = 100, AddedEnergy = 32_000L * 230 }],
                },
            ],
        });
        return bed;
    }
}
