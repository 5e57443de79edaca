using System.Threading.Tasks;
using MatterGen.Evse.Clusters;
using MatterGen.Evse.Modes;
using Xunit;

namespace MatterGen.Evse.Tests.Certification;

/// <summary>TC-EEVSEM-2.1: ChangeToMode.</summary>
public sealed class TC_EEVSEM_2_1_Tests
{
    [Fact]
    public async Task TC_EEVSEM_2_1_change_to_mode()
    {
        var client = ModeTestBed.Connect(out var modes);
        var changes = 0;
        modes.ModeChanged += _ => changes++;
        var current = await client.ReadCurrentModeAsync();

        // To the current mode: success, no change.
        Assert.Equal(EnergyEvseModes.Success, (await client.ChangeToModeAsync(new EnergyEVSEMode.ChangeToModeRequest { NewMode = current })).Status);
        Assert.Equal(0, changes);

        // To another supported mode: success, and CurrentMode follows.
        Assert.Equal(EnergyEvseModes.Success, (await client.ChangeToModeAsync(new EnergyEVSEMode.ChangeToModeRequest { NewMode = 2 })).Status);
        Assert.Equal((byte)2, await client.ReadCurrentModeAsync());
        Assert.Equal(1, changes);

        // To a mode that does not exist: UnsupportedMode with a status text, and nothing changes.
        var refused = await client.ChangeToModeAsync(new EnergyEVSEMode.ChangeToModeRequest { NewMode = 200 });
        Assert.Equal(EnergyEvseModes.UnsupportedMode, refused.Status);
        Assert.InRange(refused.StatusText!.Length, 1, 64);
        Assert.Equal((byte)2, await client.ReadCurrentModeAsync());
    }
}
