using System;
using System.Threading.Tasks;
using MatterGen.DataModel;
using MatterGen.Evse.Clusters;
using Xunit;
using Day = MatterGen.Evse.Clusters.EnergyEVSE.TargetDayOfWeekBitmap;

namespace MatterGen.Evse.Tests.Certification;

/// <summary>TC-EEVSE-2.7: planning by state of charge.</summary>
public sealed class TC_EEVSE_2_7_Tests
{
    [Fact]
    public async Task TC_EEVSE_2_7_the_plan_follows_the_state_of_charge()
    {
        using var bed = new EvseTestBed();
        var client = bed.Client;
        await bed.DisableAsync();
        bed.BasicFunctionality();
        bed.PlugIn();
        bed.Controller.SetStateOfCharge(20, 70_000_000);
        Assert.Equal((byte)20, await client.ReadStateOfChargeAsync());
        Assert.Equal(70_000_000, await client.ReadBatteryCapacityAsync());

        await client.ClearTargetsAsync(new EnergyEVSE.ClearTargetsRequest());
        await client.SetTargetsAsync(new EnergyEVSE.SetTargetsRequest
        {
            ChargingTargetSchedules = [new() { DayOfWeekForSequence = (Day)0x7F, ChargingTargets = [new() { TargetTimeMinutesPastMidnight = 1439, TargetSoC = 80, AddedEnergy = 25_000_000 }] }],
        });
        Assert.Null(await client.ReadNextChargeTargetTimeAsync());

        // Low battery: a start before the target, planned by SoC.
        await bed.EnableChargingAsync(null, 6000, 60000);
        var target = EpochSeconds.FromDateTimeOffset(new DateTimeOffset(2025, 10, 22, 23, 59, 0, TimeSpan.Zero));
        Assert.Equal(target, await client.ReadNextChargeTargetTimeAsync());
        Assert.True((await client.ReadNextChargeStartTimeAsync())!.Value.Value < target.Value);
        Assert.Null(await client.ReadNextChargeRequiredEnergyAsync());
        Assert.Equal((byte)80, await client.ReadNextChargeTargetSoCAsync());
        await bed.DisableAsync();
        Assert.Null(await client.ReadNextChargeTargetTimeAsync());

        // Already at 95 %: no charge needed.
        bed.Controller.SetStateOfCharge(95, 70_000_000);
        await bed.EnableChargingAsync(null, 6000, 60000);
        Assert.Null(await client.ReadNextChargeStartTimeAsync());
        Assert.Equal(target, await client.ReadNextChargeTargetTimeAsync());
        Assert.Equal((byte)80, await client.ReadNextChargeTargetSoCAsync());
        await bed.DisableAsync();

        // SoC unknown: the added energy is the plan.
        bed.Controller.SetStateOfCharge(null, null);
        Assert.Null(await client.ReadStateOfChargeAsync());
        await bed.EnableChargingAsync(null, 6000, 60000);
        Assert.Equal(25_000_000, await client.ReadNextChargeRequiredEnergyAsync());
        Assert.Null(await client.ReadNextChargeTargetSoCAsync());
        Assert.True((await client.ReadNextChargeStartTimeAsync())!.Value.Value < target.Value);
    }
}
