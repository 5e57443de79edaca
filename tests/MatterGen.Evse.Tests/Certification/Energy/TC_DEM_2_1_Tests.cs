using System.Threading.Tasks;
using Xunit;
using Dem = MatterGen.Evse.Clusters.DeviceEnergyManagement;

namespace MatterGen.Evse.Tests.Certification.Energy;

/// <summary>
/// TC-DEM-2.1, Device Energy Management attributes (src/python_testing/TC_DEM_2_1.py), step by step, for a charger
/// that only charges and for a V2X one (the script's manual confirmations are the expected values here).
/// </summary>
public sealed class TC_DEM_2_1_Tests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TC_DEM_2_1(bool bidirectional)
    {
        // Step 1: commissioning. Step 2: FeatureMap: PA and PFR.
        using var bed = new ChargerTestBed(bidirectional);
        var features = (Dem.Feature)await bed.ReadFeatureMapAsync(Dem.ClusterId);
        Assert.Equal(Dem.Feature.PowerAdjustment | Dem.Feature.PowerForecastReporting, features);

        // Step 3: ESAType EVSE. Step 4: ESACanGenerate exactly for V2X.
        Assert.Equal(Dem.ESATypeEnum.EVSE, await bed.EnergyManagement.ReadESATypeAsync());
        var canGenerate = await bed.EnergyManagement.ReadESACanGenerateAsync();
        Assert.Equal(bidirectional, canGenerate);

        // Step 5: ESAState Online (no fault, no diagnostics).
        Assert.Equal(Dem.ESAStateEnum.Online, await bed.EnergyManagement.ReadESAStateAsync());

        // Step 6: AbsMinPower negative if and only if the charger can generate. Step 7: AbsMaxPower >= AbsMinPower.
        var controller = bed.Charger.Evse.Controller;
        var absMin = await bed.EnergyManagement.ReadAbsMinPowerAsync();
        var absMax = await bed.EnergyManagement.ReadAbsMaxPowerAsync();
        Assert.Equal(canGenerate, absMin < 0);
        Assert.True(absMax >= absMin);
        Assert.Equal(controller.HardwareMaximumChargeCurrent * 230, absMax);
        Assert.Equal(canGenerate ? -controller.HardwareMaximumDischargeCurrent * 230 : 0, absMin);

        // Step 8: PowerAdjustmentCapability: a band from 6 A to the hardware maximum, Cause NoAdjustment.
        var capability = (await bed.EnergyManagement.ReadPowerAdjustmentCapabilityAsync())!;
        var band = Assert.Single(capability.PowerAdjustCapability!);
        Assert.Equal(6_000 * 230, band.MinPower);
        Assert.Equal(absMax, band.MaxPower);
        Assert.Equal(Dem.PowerAdjustReasonEnum.NoAdjustment, capability.Cause);

        // Step 9: Forecast (PFR): null, with no vehicle and no plan.
        Assert.Null(await bed.EnergyManagement.ReadForecastAsync());

        // Step 10: OptOutState: the start mode (Full Energy Management) opts out of nothing.
        Assert.Equal(Dem.OptOutStateEnum.NoOptOut, await bed.EnergyManagement.ReadOptOutStateAsync());
    }
}
