using System.Threading.Tasks;
using MatterGen.Evse.Clusters;
using MatterGen.Evse.TestEvents;
using Xunit;

namespace MatterGen.Evse.Tests.Certification;

/// <summary>TC-EEVSE-2.8, plug and charge (src/python_testing/TC_EEVSE_2_8.py; PICS EEVSE.S.F02), step by step.</summary>
public sealed class TC_EEVSE_2_8_Tests
{
    [Fact]
    public async Task TC_EEVSE_2_8()
    {
        using var bed = new EvseTestBed(bidirectional: true);
        Assert.NotEqual(0u, await bed.ReadFeatureMapAsync() & (uint)EnergyEVSE.Feature.PlugAndCharge);

        // Step 1: commissioning. Step 2.
        await bed.CheckTestEventTriggersEnabledAsync();

        // Step 3: VehicleID reads as a string or null (null: no vehicle has identified itself yet).
        Assert.Null(await bed.Client.ReadVehicleIDAsync());

        // Step 4: set-vehicle-id trigger.
        await bed.TriggerAsync(EnergyEvseTestEventTriggers.EVSESetVehicleID);

        // Step 5: a string of at most 32 characters (the trigger's id).
        var vehicleId = await bed.Client.ReadVehicleIDAsync();
        Assert.NotNull(vehicleId);
        Assert.InRange(vehicleId.Length, 0, 32);
        Assert.Equal(EnergyEvseTestEventTriggers.TestVehicleId, vehicleId);
        await bed.AssertNoQueuedEventsAsync();
    }
}
