using System.Threading.Tasks;
using Xunit;
using Codes = MatterGen.Evse.TestEvents.EnergyManagementTestEventTriggers;
using Dem = MatterGen.Evse.Clusters.DeviceEnergyManagement;

namespace MatterGen.Evse.Tests.Certification.Energy;

/// <summary>TC-DEM-2.9, Power or State Forecast Reporting (src/python_testing/TC_DEM_2_9.py), step by step, for PFR.</summary>
public sealed class TC_DEM_2_9_Tests
{
    [Fact]
    public async Task TC_DEM_2_9()
    {
        // Step 1: commissioning. Step 2: PowerForecastReporting or StateForecastReporting, not both.
        using var bed = new ChargerTestBed();
        var features = (Dem.Feature)await bed.ReadFeatureMapAsync(Dem.ClusterId);
        Assert.True(features.HasFlag(Dem.Feature.PowerForecastReporting) ^ features.HasFlag(Dem.Feature.StateForecastReporting));

        // Step 3: triggers enabled. Step 4: Forecast test event.
        await bed.CheckTestEventTriggersEnabledAsync();
        Assert.Null(await bed.EnergyManagement.ReadForecastAsync()); // no vehicle, no plan: nothing before the trigger
        await bed.TriggerAsync(Codes.Forecast);

        // Step 4a: SFR only (ManufacturerESAState): not this charger. Step 4b: PFR: the slot's powers and energy.
        var forecast = await bed.EnergyManagement.ReadForecastAsync();
        Assert.NotNull(forecast);
        var slot = Assert.Single(forecast.Slots);
        Assert.NotNull(slot.NominalPower);
        Assert.NotNull(slot.MinPower);
        Assert.NotNull(slot.MaxPower);
        Assert.NotNull(slot.NominalEnergy);
        Assert.InRange(slot.NominalPower.Value, slot.MinPower.Value, slot.MaxPower.Value);
        Assert.Equal((ushort)0, forecast.ActiveSlotNumber);

        // The slot runs with the clock while the simulation lasts.
        bed.Wait(30);
        Assert.Equal(30u, (await bed.EnergyManagement.ReadForecastAsync())!.Slots[0].ElapsedSlotTime.Value);

        // Step 5: Forecast test event clear: back to the plan's (none).
        await bed.TriggerAsync(Codes.ForecastClear);
        Assert.Null(await bed.EnergyManagement.ReadForecastAsync());
    }
}
