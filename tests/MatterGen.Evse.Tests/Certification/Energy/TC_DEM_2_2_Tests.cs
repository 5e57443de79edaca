using System.Linq;
using System.Threading.Tasks;
using MatterGen.DataModel;
using MatterGen.Interaction;
using Xunit;
using Codes = MatterGen.Evse.TestEvents.EnergyManagementTestEventTriggers;
using Dem = MatterGen.Evse.Clusters.DeviceEnergyManagement;

namespace MatterGen.Evse.Tests.Certification.Energy;

/// <summary>TC-DEM-2.2, Power Adjustment (src/python_testing/TC_DEM_2_2.py), step by step, with the event queue the script's subscription fills.</summary>
public sealed class TC_DEM_2_2_Tests
{
    [Fact]
    public async Task TC_DEM_2_2()
    {
        // Step 1: commissioning. Step 2: FeatureMap has PowerAdjustment.
        using var bed = new ChargerTestBed();
        var features = (Dem.Feature)await bed.ReadFeatureMapAsync(Dem.ClusterId);
        Assert.True(features.HasFlag(Dem.Feature.PowerAdjustment));

        // Step 3: the subscription (the event queue from here). Step 4: triggers enabled.
        await bed.CheckTestEventTriggersEnabledAsync();

        // Step 5: power adjustment test event. 5a: Online. 5b: capability with Cause NoAdjustment. 5c: NoOptOut.
        await bed.TriggerAsync(Codes.PowerAdjustment);
        Assert.Equal(Dem.ESAStateEnum.Online, await bed.EnergyManagement.ReadESAStateAsync());
        var capability = (await bed.EnergyManagement.ReadPowerAdjustmentCapabilityAsync())!;
        Assert.NotEmpty(capability.PowerAdjustCapability!);
        Assert.Equal(Dem.PowerAdjustReasonEnum.NoAdjustment, capability.Cause);
        var bands = capability.PowerAdjustCapability!;
        var (minPower, maxPower) = (bands.Min(b => b.MinPower), bands.Max(b => b.MaxPower));
        var (minDuration, maxDuration) = (bands.Min(b => b.MinDuration.Value), bands.Max(b => b.MaxDuration.Value));
        Assert.Equal(Dem.OptOutStateEnum.NoOptOut, await bed.EnergyManagement.ReadOptOutStateAsync());

        // Step 6: PowerAdjustRequest(MaxPower, MinDuration, Local): PowerAdjustStart. 6a: PowerAdjustActive. 6b: Cause local.
        await Adjust(bed, bands[0].MaxPower, bands[0].MinDuration.Value, Dem.AdjustmentCauseEnum.LocalOptimization);
        await bed.NextEnergyManagementEventAsync(Dem.Events.PowerAdjustStart.Id);
        Assert.Equal(Dem.ESAStateEnum.PowerAdjustActive, await bed.EnergyManagement.ReadESAStateAsync());
        Assert.Equal(Dem.PowerAdjustReasonEnum.LocalOptimizationAdjustment, (await bed.EnergyManagement.ReadPowerAdjustmentCapabilityAsync())!.Cause);

        // Step 7: cancel: PowerAdjustEnd(Cancelled). 7a: NoAdjustment. 7b: Online.
        await bed.EnergyManagement.CancelPowerAdjustRequestAsync(new Dem.CancelPowerAdjustRequest());
        var end = Dem.Client.DecodePowerAdjustEnd(await bed.NextEnergyManagementEventAsync(Dem.Events.PowerAdjustEnd.Id));
        Assert.Equal(Dem.CauseEnum.Cancelled, end.Cause);
        Assert.Equal(Dem.PowerAdjustReasonEnum.NoAdjustment, (await bed.EnergyManagement.ReadPowerAdjustmentCapabilityAsync())!.Cause);
        Assert.Equal(Dem.ESAStateEnum.Online, await bed.EnergyManagement.ReadESAStateAsync());

        // Step 8: cancel again: INVALID_IN_STATE.
        await ChargerTestBed.ExpectStatusAsync(MatterStatus.InvalidInState, () => bed.EnergyManagement.CancelPowerAdjustRequestAsync(new Dem.CancelPowerAdjustRequest()));

        // Steps 9-12: outside the overall bands: CONSTRAINT_ERROR each.
        await ChargerTestBed.ExpectStatusAsync(MatterStatus.ConstraintError, () => Adjust(bed, maxPower + 1, minDuration, Dem.AdjustmentCauseEnum.LocalOptimization));
        await ChargerTestBed.ExpectStatusAsync(MatterStatus.ConstraintError, () => Adjust(bed, minPower, maxDuration + 1, Dem.AdjustmentCauseEnum.LocalOptimization));
        await ChargerTestBed.ExpectStatusAsync(MatterStatus.ConstraintError, () => Adjust(bed, minPower - 1, maxDuration, Dem.AdjustmentCauseEnum.LocalOptimization));
        await ChargerTestBed.ExpectStatusAsync(MatterStatus.ConstraintError, () => Adjust(bed, maxPower, minDuration - 1, Dem.AdjustmentCauseEnum.LocalOptimization));

        // Step 13: a local adjustment: PowerAdjustStart. 13a: Cause local.
        var started = bed.Time.GetUtcNow();
        await Adjust(bed, bands[0].MinPower, minDuration, Dem.AdjustmentCauseEnum.LocalOptimization);
        await bed.NextEnergyManagementEventAsync(Dem.Events.PowerAdjustStart.Id);
        Assert.Equal(Dem.PowerAdjustReasonEnum.LocalOptimizationAdjustment, (await bed.EnergyManagement.ReadPowerAdjustmentCapabilityAsync())!.Cause);

        // Step 14: a grid adjustment replaces it: no event. 14a: PowerAdjustActive. 14b: Cause grid.
        await Adjust(bed, bands[0].MaxPower, bands[0].MinDuration.Value, Dem.AdjustmentCauseEnum.GridOptimization);
        await bed.AssertNoEnergyManagementEventsAsync();
        Assert.Equal(Dem.ESAStateEnum.PowerAdjustActive, await bed.EnergyManagement.ReadESAStateAsync());
        Assert.Equal(Dem.PowerAdjustReasonEnum.GridOptimizationAdjustment, (await bed.EnergyManagement.ReadPowerAdjustmentCapabilityAsync())!.Cause);

        // Step 15: the user opts out of local optimization: no event (the adjustment is the grid's). 15a, 15b.
        bed.Wait(2);
        await bed.TriggerAsync(Codes.UserOptOutLocal);
        await bed.AssertNoEnergyManagementEventsAsync();
        Assert.Equal(Dem.ESAStateEnum.PowerAdjustActive, await bed.EnergyManagement.ReadESAStateAsync());
        Assert.Equal(Dem.OptOutStateEnum.LocalOptOut, await bed.EnergyManagement.ReadOptOutStateAsync());

        // Step 16: a local request now: CONSTRAINT_ERROR.
        await ChargerTestBed.ExpectStatusAsync(MatterStatus.ConstraintError, () => Adjust(bed, bands[0].MaxPower, bands[0].MinDuration.Value, Dem.AdjustmentCauseEnum.LocalOptimization));

        // Step 17: the user opts out of grid optimization too: PowerAdjustEnd(UserOptOut) with the time since step 13.
        await bed.TriggerAsync(Codes.UserOptOutGrid);
        end = Dem.Client.DecodePowerAdjustEnd(await bed.NextEnergyManagementEventAsync(Dem.Events.PowerAdjustEnd.Id));
        Assert.Equal(Dem.CauseEnum.UserOptOut, end.Cause);
        Assert.Equal((uint)(bed.Time.GetUtcNow() - started).TotalSeconds, end.Duration.Value);
        Assert.True(end.EnergyUse >= 0);
        Assert.Equal(Dem.ESAStateEnum.Online, await bed.EnergyManagement.ReadESAStateAsync());
        Assert.Equal(Dem.OptOutStateEnum.OptOut, await bed.EnergyManagement.ReadOptOutStateAsync());
        Assert.Equal(Dem.PowerAdjustReasonEnum.NoAdjustment, (await bed.EnergyManagement.ReadPowerAdjustmentCapabilityAsync())!.Cause);

        // Step 18: clear the opt-outs: Online, NoOptOut.
        await bed.TriggerAsync(Codes.UserOptOutClearAll);
        Assert.Equal(Dem.ESAStateEnum.Online, await bed.EnergyManagement.ReadESAStateAsync());
        Assert.Equal(Dem.OptOutStateEnum.NoOptOut, await bed.EnergyManagement.ReadOptOutStateAsync());

        // Step 19: a local adjustment of MinDuration: PowerAdjustStart, PowerAdjustActive, Cause local.
        await Adjust(bed, bands[0].MaxPower, bands[0].MinDuration.Value, Dem.AdjustmentCauseEnum.LocalOptimization);
        await bed.NextEnergyManagementEventAsync(Dem.Events.PowerAdjustStart.Id);
        Assert.Equal(Dem.ESAStateEnum.PowerAdjustActive, await bed.EnergyManagement.ReadESAStateAsync());
        Assert.Equal(Dem.PowerAdjustReasonEnum.LocalOptimizationAdjustment, (await bed.EnergyManagement.ReadPowerAdjustmentCapabilityAsync())!.Cause);

        // Step 20: wait 10 s: PowerAdjustEnd(NormalCompletion) lasting 10-12 s; Online; NoAdjustment.
        bed.Wait(10);
        end = Dem.Client.DecodePowerAdjustEnd(await bed.NextEnergyManagementEventAsync(Dem.Events.PowerAdjustEnd.Id));
        Assert.Equal(Dem.CauseEnum.NormalCompletion, end.Cause);
        Assert.InRange(end.Duration.Value, 10u, 12u);
        Assert.Equal(Dem.ESAStateEnum.Online, await bed.EnergyManagement.ReadESAStateAsync());
        Assert.Equal(Dem.PowerAdjustReasonEnum.NoAdjustment, (await bed.EnergyManagement.ReadPowerAdjustmentCapabilityAsync())!.Cause);

        // Step 21: power adjustment test event clear.
        await bed.TriggerAsync(Codes.PowerAdjustmentClear);
        await bed.AssertNoEnergyManagementEventsAsync();
    }

    private static ValueTask Adjust(ChargerTestBed bed, long power, uint duration, Dem.AdjustmentCauseEnum cause) =>
        bed.EnergyManagement.PowerAdjustRequestAsync(new Dem.PowerAdjustRequest { Power = power, Duration = new ElapsedSeconds(duration), Cause = cause });
}
