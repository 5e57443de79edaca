using System.Linq;
using System.Threading.Tasks;
using Xunit;
using Dem = MatterGen.Evse.Clusters.DeviceEnergyManagement;

namespace MatterGen.Evse.Tests.Certification.Energy;

/// <summary>
/// TC-DEM-1.1, global attributes (the test plan's cluster revision, feature map, attribute, command and event lists
/// for the PA and PFR features), step by step.
/// </summary>
public sealed class TC_DEM_1_1_Tests
{
    [Fact]
    public async Task TC_DEM_1_1()
    {
        // Step 1: commissioning.
        using var bed = new ChargerTestBed();

        // Step 2: ClusterRevision 4.
        Assert.Equal((ushort)4, await GlobalAttributeReads.ReadClusterRevisionAsync(bed.Transport, ChargerTestBed.Endpoint, Dem.ClusterId));

        // Step 3: FeatureMap: PA (bit 0) and PFR (bit 1) only; SFR is not allowed with PA.
        Assert.Equal(0x03u, await bed.ReadFeatureMapAsync(Dem.ClusterId));

        // Step 4: AttributeList: the mandatory 0-4, PowerAdjustmentCapability (PA), Forecast (PFR), OptOutState (PA).
        var attributes = await bed.ReadAttributeListAsync(Dem.ClusterId);
        Assert.Equal(new uint[] { 0, 1, 2, 3, 4, 5, 6, 7 }, attributes.Where(id => id < 0xF000));
        Assert.Contains(0xFFFDu, attributes);

        // Step 5: the events: PowerAdjustStart and PowerAdjustEnd (PA); no Paused/Resumed (no PAU).
        Assert.Equal(new uint[] { 0x00, 0x01 }, bed.Charger.EnergyManagement.Server.Description.Events.Select(e => e.Id));

        // Step 6: AcceptedCommandList: PowerAdjustRequest and CancelPowerAdjustRequest (PA).
        Assert.Equal(new uint[] { 0x00, 0x01 }, await bed.ReadAcceptedCommandListAsync(Dem.ClusterId));
    }
}
