using System.Linq;
using System.Threading.Tasks;
using MatterGen.Evse.Clusters;
using Xunit;

namespace MatterGen.Evse.Tests.Certification;

/// <summary>TC-EEVSEM-1.2: the supported modes.</summary>
public sealed class TC_EEVSEM_1_2_Tests
{
    [Fact]
    public async Task TC_EEVSEM_1_2_supported_modes_are_labelled_unique_and_include_manual()
    {
        var client = ModeTestBed.Connect(out _);

        var supported = await client.ReadSupportedModesAsync();

        Assert.InRange(supported.Count, 2, 255);
        Assert.All(supported, mode => Assert.InRange(mode.Label.Length, 1, 64));
        Assert.Equal(supported.Count, supported.Select(mode => mode.Mode).Distinct().Count());
        Assert.Equal(supported.Count, supported.Select(mode => mode.Label).Distinct().Count());
        Assert.Contains(supported, mode => mode.ModeTags.Any(tag => tag.Value == (ushort)EnergyEVSEMode.ModeTag.Manual));
        Assert.Contains(await client.ReadCurrentModeAsync(), supported.Select(mode => mode.Mode));
        Assert.Equal(0u, await client.ReadFeatureMapIfAnyAsync());
    }
}
