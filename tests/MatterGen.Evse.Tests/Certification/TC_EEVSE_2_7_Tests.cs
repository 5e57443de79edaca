using System.Threading.Tasks;
using MatterGen.Evse.Clusters;
using MatterGen.Evse.TestEvents;
using Xunit;
using Day = MatterGen.Evse.Clusters.EnergyEVSE.TargetDayOfWeekBitmap;
using State = MatterGen.Evse.Clusters.EnergyEVSE.StateEnum;

namespace MatterGen.Evse.Tests.Certification;

/// <summary>
/// TC-EEVSE-2.7, state-of-charge reporting (src/python_testing/TC_EEVSE_2_7.py; PICS EEVSE.S.F01), step by step on
/// the charger with SoCReporting and ChargingPreferences. The script ends with the vehicle still plugged in.
/// </summary>
public sealed class TC_EEVSE_2_7_Tests
{
    private const int TargetMinutes = 1439;
    private const byte TargetSoC = 80;
    private const long AddedEnergy = 25_000_000;

    [Fact]
    public async Task TC_EEVSE_2_7()
    {
        using var bed = new EvseTestBed(bidirectional: true);
        var client = bed.Client;

        // Step 1: commissioning; the event subscription is the bed's queue. Step 2: FeatureMap.
        var featureMap = await bed.ReadFeatureMapAsync();
        Assert.NotEqual(0u, featureMap & (uint)EnergyEVSE.Feature.SoCReporting);

        // Step 3.
        await bed.CheckTestEventTriggersEnabledAsync();

        // Step 4: Disable. Step 5: basic functionality. Step 6.
        await bed.DisableAsync();
        await bed.BasicAsync();
        Assert.Equal(State.NotPluggedIn, await client.ReadStateAsync());

        // Step 7: plugged in; EVConnected.
        await bed.PlugInAsync();
        await bed.NextEVConnectedAsync();

        // Step 8: SoC low. Step 8a-8b.
        await bed.TriggerAsync(EnergyEvseTestEventTriggers.EVSESetSoCLow);
        Assert.Equal((byte)20, await client.ReadStateOfChargeAsync());
        Assert.Equal(70_000_000, await client.ReadBatteryCapacityAsync());

        // Step 9: ChargingPreferences is supported, so the remaining steps run.
        Assert.NotEqual(0u, featureMap & (uint)EnergyEVSE.Feature.ChargingPreferences);

        // Step 10: ClearTargets. Step 10a-10d.
        await client.ClearTargetsAsync(new EnergyEVSE.ClearTargetsRequest());
        await bed.AssertNoChargePlanAsync();

        // Step 11: all days, one target at 23:59 to 80 % or adding 25 kWh. Step 11a-11d: charging is disabled.
        await client.SetTargetsAsync(new EnergyEVSE.SetTargetsRequest
        {
            ChargingTargetSchedules =
            [
                new() { DayOfWeekForSequence = (Day)0x7F, ChargingTargets = [new() { TargetTimeMinutesPastMidnight = TargetMinutes, TargetSoC = TargetSoC, AddedEnergy = AddedEnergy }] },
            ],
        });
        await bed.AssertNoChargePlanAsync();
        var targetTime = bed.ExpectedTargetTime(TargetMinutes);

        // Step 12: EnableCharging(null, 6 A, 60 A). Step 12a-12d: charge from 20 % to 80 % (SoC-based: no energy).
        await bed.EnableChargingAsync(null, 6000, 60000);
        Assert.True((await client.ReadNextChargeStartTimeAsync())!.Value.Value < targetTime.Value);
        Assert.Equal(targetTime, await client.ReadNextChargeTargetTimeAsync());
        Assert.Null(await client.ReadNextChargeRequiredEnergyAsync());
        Assert.Equal(TargetSoC, await client.ReadNextChargeTargetSoCAsync());

        // Step 13: Disable. Step 13a-13d.
        await bed.DisableAsync();
        await bed.AssertNoChargePlanAsync();

        // Step 14: SoC high. Step 14a-14b.
        await bed.TriggerAsync(EnergyEvseTestEventTriggers.EVSESetSoCHigh);
        Assert.Equal((byte)95, await client.ReadStateOfChargeAsync());
        Assert.Equal(70_000_000, await client.ReadBatteryCapacityAsync());

        // Step 15: EnableCharging. Step 15a-15d: already above 80 %: no start, the preference still shown.
        await bed.EnableChargingAsync(null, 6000, 60000);
        Assert.Null(await client.ReadNextChargeStartTimeAsync());
        Assert.Equal(targetTime, await client.ReadNextChargeTargetTimeAsync());
        Assert.Null(await client.ReadNextChargeRequiredEnergyAsync());
        Assert.Equal(TargetSoC, await client.ReadNextChargeTargetSoCAsync());

        // Step 16: Disable. Step 16a-16d.
        await bed.DisableAsync();
        await bed.AssertNoChargePlanAsync();

        // Step 17: SoC clear. Step 17a-17b.
        await bed.TriggerAsync(EnergyEvseTestEventTriggers.EVSESetSoCClear);
        Assert.Null(await client.ReadStateOfChargeAsync());
        Assert.Null(await client.ReadBatteryCapacityAsync());

        // Step 18: EnableCharging. Step 18a-18d: no SoC from the vehicle: back to AddedEnergy.
        await bed.EnableChargingAsync(null, 6000, 60000);
        Assert.True((await client.ReadNextChargeStartTimeAsync())!.Value.Value < targetTime.Value);
        Assert.Equal(targetTime, await client.ReadNextChargeTargetTimeAsync());
        Assert.Equal(AddedEnergy, await client.ReadNextChargeRequiredEnergyAsync());
        Assert.Null(await client.ReadNextChargeTargetSoCAsync());

        // No demand, no unplug: nothing but step 7's EVConnected was queued.
        await bed.AssertNoQueuedEventsAsync();
    }
}
