using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MatterGen.DataModel;
using Xunit;
using Codes = MatterGen.Evse.TestEvents.EnergyManagementTestEventTriggers;
using Dem = MatterGen.Evse.Clusters.DeviceEnergyManagement;

namespace MatterGen.Evse.Tests.Certification.Energy;

/// <summary>
/// TC-DEM-2.10, the Q-quality attributes (src/python_testing/TC_DEM_2_10.py), step by step: steps 7-14 need
/// ForecastAdjustment (not taken) and are skipped as the script skips them; steps 16-21 (PowerAdjustment) count the
/// PowerAdjustmentCapability reports the subscription (min 0, max 10 s) would get.
/// </summary>
public sealed class TC_DEM_2_10_Tests
{
    [Fact]
    public async Task TC_DEM_2_10()
    {
        // Steps 1-2: commissioning, FeatureMap. PA needs PFR (not SFR) with any forecast adjustment; this charger has none.
        using var bed = new ChargerTestBed();
        var features = (Dem.Feature)await bed.ReadFeatureMapAsync(Dem.ClusterId);
        Assert.True(features.HasFlag(Dem.Feature.PowerAdjustment));
        Assert.False(features.HasFlag(Dem.Feature.ForecastAdjustment));

        // Step 3: triggers enabled. Step 4: the subscription (every report counted from here).
        await bed.CheckTestEventTriggersEnabledAsync();
        var reports = new Dictionary<uint, int>();
        bed.Charger.EnergyManagement.Server.AttributeReported += change =>
        {
            lock (reports)
            {
                reports[change.AttributeId] = reports.GetValueOrDefault(change.AttributeId) + 1;
            }
        };
        int Count(uint attribute)
        {
            lock (reports)
            {
                return reports.GetValueOrDefault(attribute);
            }
        }

        void Reset()
        {
            lock (reports)
            {
                reports.Clear();
            }
        }

        // On a real device the steps so far take longer than the 10 s quieter-reporting interval, and the capability
        // has not changed since start-up; the fake clock would get here at once, so the bed lets those 10 s pass.
        bed.Wait(10);

        // Step 5: opt-outs cleared. 5a: NoOptOut. Step 6: no ForecastAdjustment: steps 7-14 skipped.
        await bed.TriggerAsync(Codes.UserOptOutClearAll);
        Assert.Equal(Dem.OptOutStateEnum.NoOptOut, await bed.EnergyManagement.ReadOptOutStateAsync());

        // Step 16: power adjustment test event. 16b: at least one band, Cause NoAdjustment.
        await bed.TriggerAsync(Codes.PowerAdjustment);
        var capability = (await bed.EnergyManagement.ReadPowerAdjustmentCapabilityAsync())!;
        Assert.NotEmpty(capability.PowerAdjustCapability!);
        Assert.Equal(Dem.PowerAdjustReasonEnum.NoAdjustment, capability.Cause);
        var maxPower = capability.PowerAdjustCapability!.Max(b => b.MaxPower);

        // Step 17: reset the counts; PowerAdjustRequest(band 0's MaxPower, 20 s, local). Steps 18, 18a: 12 s, at most 2 reports.
        Reset();
        await bed.EnergyManagement.PowerAdjustRequestAsync(new Dem.PowerAdjustRequest
        {
            Power = capability.PowerAdjustCapability![0].MaxPower,
            Duration = new ElapsedSeconds(20),
            Cause = Dem.AdjustmentCauseEnum.LocalOptimization,
        });
        bed.Wait(12);
        Assert.InRange(Count(Dem.Attributes.PowerAdjustmentCapability.Id), 0, 2);
        Assert.True(maxPower > 0);

        // Step 19: reset, cancel. Steps 20, 20a: within 5 s at least one report.
        Reset();
        await bed.EnergyManagement.CancelPowerAdjustRequestAsync(new Dem.CancelPowerAdjustRequest());
        bed.Wait(5);
        Assert.True(Count(Dem.Attributes.PowerAdjustmentCapability.Id) >= 1);

        // Step 21: power adjustment test event clear. Step 22: the subscription ends with the bed.
        await bed.TriggerAsync(Codes.PowerAdjustmentClear);
    }
}
