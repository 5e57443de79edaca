using System.Threading.Tasks;
using MatterGen.DataModel;
using MatterGen.Evse.Clusters;
using MatterGen.Evse.Tests.Certification.Energy;
using Xunit;
using Codes = MatterGen.Evse.TestEvents.EnergyEvseTestEventTriggers;
using Dem = MatterGen.Evse.Clusters.DeviceEnergyManagement;

namespace MatterGen.Evse.Tests.EnergyManagement;

/// <summary>Device Energy Management and Energy EVSE agree: an adjustment is a lower offered current, a fault ends it, the forecast is the plan.</summary>
public sealed class EnergyManagementTests
{
    [Fact]
    public async Task A_power_adjustment_lowers_the_offered_current_for_its_duration_and_expiry_restores_it()
    {
        using var bed = await ChargerTestBed.ChargingAt32AAsync();
        Assert.Equal(32_000, await bed.Evse.ReadMaximumChargeCurrentAsync());

        // 2.3 kW at 230 V is 10 A.
        await Adjust(bed, 2_300_000, 60);
        Assert.Equal(10_000, await bed.Evse.ReadMaximumChargeCurrentAsync());
        Assert.Equal(10_000, bed.Charger.Evse.Controller.EnergyManagementLimit);
        Assert.Equal(Dem.ESAStateEnum.PowerAdjustActive, await bed.EnergyManagement.ReadESAStateAsync());

        bed.Wait(59);
        Assert.Equal(10_000, await bed.Evse.ReadMaximumChargeCurrentAsync());
        bed.Wait(1);
        Assert.Equal(32_000, await bed.Evse.ReadMaximumChargeCurrentAsync());
        Assert.Null(bed.Charger.Evse.Controller.EnergyManagementLimit);
        Assert.Equal(Dem.ESAStateEnum.Online, await bed.EnergyManagement.ReadESAStateAsync());
    }

    [Fact]
    public async Task A_cap_never_raises_the_current_above_the_other_limits_and_cancel_restores_it()
    {
        using var bed = await ChargerTestBed.ChargingAt32AAsync();

        await Adjust(bed, 32_000 * 230, 60);
        Assert.Equal(32_000, await bed.Evse.ReadMaximumChargeCurrentAsync());
        await Adjust(bed, 6_000 * 230, 60);
        Assert.Equal(6_000, await bed.Evse.ReadMaximumChargeCurrentAsync());
        await bed.EnergyManagement.CancelPowerAdjustRequestAsync(new Dem.CancelPowerAdjustRequest());
        Assert.Equal(32_000, await bed.Evse.ReadMaximumChargeCurrentAsync());
    }

    [Fact]
    public async Task A_fault_ends_the_adjustment_and_takes_the_charger_out_of_the_managers_hands()
    {
        using var bed = await ChargerTestBed.ChargingAt32AAsync();
        await Adjust(bed, 2_300_000, 600);
        await bed.NextEnergyManagementEventAsync(Dem.Events.PowerAdjustStart.Id);

        await bed.TriggerAsync(Codes.EVSEGroundFault);

        var end = Dem.Client.DecodePowerAdjustEnd(await bed.NextEnergyManagementEventAsync(Dem.Events.PowerAdjustEnd.Id));
        Assert.Equal(Dem.CauseEnum.Fault, end.Cause);
        Assert.Equal(Dem.ESAStateEnum.Fault, await bed.EnergyManagement.ReadESAStateAsync());
        Assert.Null(await bed.EnergyManagement.ReadPowerAdjustmentCapabilityAsync());
        Assert.Null(bed.Charger.Evse.Controller.EnergyManagementLimit);
        await ChargerTestBed.ExpectStatusAsync(Interaction.MatterStatus.Failure, () => Adjust(bed, 2_300_000, 60));

        await bed.TriggerAsync(Codes.EVSEFaultClear);
        Assert.Equal(Dem.ESAStateEnum.Online, await bed.EnergyManagement.ReadESAStateAsync());
    }

    [Fact]
    public async Task The_forecast_is_the_charging_plan_and_follows_a_new_target()
    {
        using var bed = await ChargerTestBed.ChargingAt32AAsync();
        Assert.Null(await bed.EnergyManagement.ReadForecastAsync());

        // Tomorrow 07:00 UTC, 20 kWh to add.
        await bed.Evse.SetTargetsAsync(new EnergyEVSE.SetTargetsRequest
        {
            ChargingTargetSchedules =
            [
                new EnergyEVSE.ChargingTargetScheduleStruct
                {
                    DayOfWeekForSequence = (EnergyEVSE.TargetDayOfWeekBitmap)0x7F,
                    ChargingTargets = [new EnergyEVSE.ChargingTargetStruct { TargetTimeMinutesPastMidnight = 7 * 60, TargetSoC = 100, AddedEnergy = 20_000_000 }],
                },
            ],
        });
        var start = await bed.Evse.ReadNextChargeStartTimeAsync();
        var target = await bed.Evse.ReadNextChargeTargetTimeAsync();
        Assert.NotNull(start);
        Assert.NotNull(target);

        var forecast = (await bed.EnergyManagement.ReadForecastAsync())!;
        Assert.Equal(start, forecast.StartTime);
        Assert.Equal(target, forecast.EndTime);
        var slot = Assert.Single(forecast.Slots);
        Assert.Equal(await bed.Evse.ReadNextChargeRequiredEnergyAsync(), slot.NominalEnergy);
        Assert.Equal(32_000 * 230, slot.MaxPower);
        Assert.Equal(Dem.ForecastUpdateReasonEnum.InternalOptimization, forecast.ForecastUpdateReason);

        // A local adjustment caps the slot's power and says why the forecast changed.
        await Adjust(bed, 2_300_000, 600);
        forecast = (await bed.EnergyManagement.ReadForecastAsync())!;
        Assert.Equal(2_300_000, forecast.Slots[0].MaxPower);
        Assert.Equal(Dem.ForecastUpdateReasonEnum.LocalOptimization, forecast.ForecastUpdateReason);

        // The vehicle leaves: no plan, no forecast.
        await bed.TriggerAsync(Codes.EVPluggedInClear);
        Assert.Null(await bed.EnergyManagement.ReadForecastAsync());
    }

    private static ValueTask Adjust(ChargerTestBed bed, long power, uint seconds) =>
        bed.EnergyManagement.PowerAdjustRequestAsync(new Dem.PowerAdjustRequest { Power = power, Duration = new ElapsedSeconds(seconds), Cause = Dem.AdjustmentCauseEnum.LocalOptimization });
}
