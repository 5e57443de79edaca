using System.Threading.Tasks;
using MatterGen.Evse.Clusters;
using Xunit;

namespace MatterGen.Evse.Tests.Certification.Energy;

/// <summary>
/// TC-PWRTL-2.1, Power Topology attributes (src/python_testing/TC_PWRTL_2_1.py), step by step. The charger's meter
/// measures the whole node (NodeTopology), so neither endpoint list exists and the script's guarded steps do not run.
/// </summary>
public sealed class TC_PWRTL_2_1_Tests
{
    [Fact]
    public async Task TC_PWRTL_2_1()
    {
        // Step 1: commissioning; the feature map and attribute list decide the guarded steps.
        using var bed = new ChargerTestBed();
        Assert.Equal((uint)PowerTopology.Feature.NodeTopology, await bed.ReadFeatureMapAsync(PowerTopology.ClusterId));
        var attributes = await bed.ReadAttributeListAsync(PowerTopology.ClusterId);

        // Step 2: AvailableEndpoints (SET only) is absent.
        Assert.DoesNotContain(PowerTopology.Attributes.AvailableEndpoints.Id, attributes);

        // Step 3: ActiveEndpoints (DYPF only) is absent.
        Assert.DoesNotContain(PowerTopology.Attributes.ActiveEndpoints.Id, attributes);
        Assert.DoesNotContain(attributes, id => id < 0xF000);
    }
}
