using System;
using System.Linq;
using System.Threading.Tasks;
using MatterGen.Evse.Clusters;
using Xunit;

namespace MatterGen.Evse.Tests.Certification;

/// <summary>
/// TC-EEVSEM-1.2, Energy EVSE Mode attributes (src/python_testing/TC_EEVSEM_1_2.py with the Mode Base checks of
/// modebase_cluster_check.py), step by step.
/// </summary>
public sealed class TC_EEVSEM_1_2_Tests
{
    private const ushort ManufacturerTagsStart = 0x8000;
    private const ushort ManufacturerTagsEnd = 0xBFFF;

    [Fact]
    public async Task TC_EEVSEM_1_2()
    {
        // Step 1: commissioning.
        var client = ModeTestBed.Connect(out _);

        // Step 2: SupportedModes: 2 to 255 entries, unique modes, unique labels (at most 64 characters).
        var supported = await client.ReadSupportedModesAsync();
        Assert.InRange(supported.Count, 2, 255);
        Assert.Equal(supported.Count, supported.Select(mode => mode.Mode).Distinct().Count());
        Assert.Equal(supported.Count, supported.Select(mode => mode.Label).Distinct().Count());
        Assert.All(supported, mode => Assert.InRange(mode.Label.Length, 1, 64));

        // Step 2, tags: each mode has a tag, every tag is common, derived or a manufacturer's (0x8000-0xBFFF), each
        // mode has a common or derived one, and some mode has the required Manual tag.
        foreach (var mode in supported)
        {
            Assert.NotEmpty(mode.ModeTags);
            foreach (var tag in mode.ModeTags)
            {
                var manufacturer = tag.Value is >= ManufacturerTagsStart and <= ManufacturerTagsEnd;
                Assert.True(manufacturer || Enum.IsDefined((EnergyEVSEMode.ModeTag)tag.Value), $"Mode {mode.Mode} has tag 0x{tag.Value:X4}, neither common, derived nor a manufacturer's.");
            }

            Assert.Contains(mode.ModeTags, tag => tag.Value is < ManufacturerTagsStart or > ManufacturerTagsEnd);
        }

        Assert.Contains(supported, mode => mode.ModeTags.Any(tag => tag.Value == (ushort)EnergyEVSEMode.ModeTag.Manual));

        // Step 3: CurrentMode is one of the supported modes.
        Assert.Contains(await client.ReadCurrentModeAsync(), supported.Select(mode => mode.Mode));
    }
}
