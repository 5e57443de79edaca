using System;
using System.Linq;
using System.Threading.Tasks;
using MatterGen.Evse.EnergyManagement;
using Xunit;
using Dem = MatterGen.Evse.Clusters.DeviceEnergyManagement;
using Demm = MatterGen.Evse.Clusters.DeviceEnergyManagementMode;

namespace MatterGen.Evse.Tests.Certification.Energy;

/// <summary>
/// TC-DEMM-1.2 (Device Energy Management Mode attributes, with the Mode Base checks) and TC-DEMM-2.1 (ChangeToMode,
/// with the PIXIT defaults MODE_CHANGE_OK 2 and invalid mode 15), step by step; and what each mode changes.
/// </summary>
public sealed class TC_DEMM_Tests
{
    private const ushort ManufacturerTagsStart = 0x8000;
    private const ushort ManufacturerTagsEnd = 0xBFFF;
    private const byte ModeChangeOk = 2;
    private const byte InvalidMode = 15;

    [Fact]
    public async Task TC_DEMM_1_2()
    {
        // Step 1: commissioning.
        using var bed = new ChargerTestBed();

        // Step 2: SupportedModes: 2 to 255 entries, unique modes and labels; tags common, derived or a manufacturer's;
        // every mode has a common or derived tag, and exactly the modes with NoOptimization have no other derived tag.
        var supported = await bed.EnergyManagementMode.ReadSupportedModesAsync();
        Assert.InRange(supported.Count, 2, 255);
        Assert.Equal(supported.Count, supported.Select(mode => mode.Mode).Distinct().Count());
        Assert.Equal(supported.Count, supported.Select(mode => mode.Label).Distinct().Count());
        foreach (var mode in supported)
        {
            Assert.NotEmpty(mode.ModeTags);
            foreach (var tag in mode.ModeTags)
            {
                var manufacturer = tag.Value is >= ManufacturerTagsStart and <= ManufacturerTagsEnd;
                Assert.True(manufacturer || Enum.IsDefined((Demm.ModeTag)tag.Value), $"Mode {mode.Mode} has tag 0x{tag.Value:X4}.");
            }

            var tags = mode.ModeTags.Select(tag => (Demm.ModeTag)tag.Value).ToList();
            if (tags.Contains(Demm.ModeTag.NoOptimization))
            {
                Assert.Single(tags);
            }
        }

        Assert.Contains(supported, mode => mode.ModeTags.Any(tag => tag.Value == (ushort)Demm.ModeTag.NoOptimization));

        // Step 3: CurrentMode is one of them.
        Assert.Contains(await bed.EnergyManagementMode.ReadCurrentModeAsync(), supported.Select(mode => mode.Mode));
    }

    [Fact]
    public async Task TC_DEMM_2_1()
    {
        // Step 1: commissioning. Step 2: at least 2 modes. Step 3: CurrentMode noted.
        using var bed = new ChargerTestBed();
        Assert.True((await bed.EnergyManagementMode.ReadSupportedModesAsync()).Count >= 2);
        var current = await bed.EnergyManagementMode.ReadCurrentModeAsync();

        // Step 4: ChangeToMode(the current mode): Success.
        Assert.Equal(EnergyManagementModes.Success, (await bed.EnergyManagementMode.ChangeToModeAsync(new Demm.ChangeToModeRequest { NewMode = current })).Status);

        // Steps 5-8 need a mode that can fail to be entered; every mode of the charger can always be entered.
        // Steps 10-12: ChangeToMode(MODE_CHANGE_OK): Success, CurrentMode follows.
        Assert.Equal(EnergyManagementModes.Success, (await bed.EnergyManagementMode.ChangeToModeAsync(new Demm.ChangeToModeRequest { NewMode = ModeChangeOk })).Status);
        Assert.Equal(ModeChangeOk, await bed.EnergyManagementMode.ReadCurrentModeAsync());

        // Step 13: ChangeToMode(invalid): UnsupportedMode with a status text. Step 14: CurrentMode unchanged.
        var refused = await bed.EnergyManagementMode.ChangeToModeAsync(new Demm.ChangeToModeRequest { NewMode = InvalidMode });
        Assert.Equal(EnergyManagementModes.UnsupportedMode, refused.Status);
        Assert.InRange(refused.StatusText!.Length, 1, 64);
        Assert.Equal(ModeChangeOk, await bed.EnergyManagementMode.ReadCurrentModeAsync());
    }

    [Theory]
    [InlineData(0, Dem.OptOutStateEnum.OptOut)]
    [InlineData(1, Dem.OptOutStateEnum.OptOut)]
    [InlineData(2, Dem.OptOutStateEnum.GridOptOut)]
    [InlineData(3, Dem.OptOutStateEnum.LocalOptOut)]
    [InlineData(4, Dem.OptOutStateEnum.NoOptOut)]
    public async Task Each_mode_sets_the_opt_out_its_tags_imply(byte mode, Dem.OptOutStateEnum expected)
    {
        using var bed = new ChargerTestBed();

        await bed.EnergyManagementMode.ChangeToModeAsync(new Demm.ChangeToModeRequest { NewMode = mode });

        Assert.Equal(expected, await bed.EnergyManagement.ReadOptOutStateAsync());
    }
}
