using System.Threading.Tasks;
using MatterGen.Evse.Clusters;
using MatterGen.Evse.Modes;
using Xunit;

namespace MatterGen.Evse.Tests.Certification;

/// <summary>
/// TC-EEVSEM-2.1, ChangeToMode (src/app/tests/suites/certification/Test_TC_EEVSEM_2_1.yaml), step by step with the
/// YAML's PIXIT defaults (MODE_CHANGE_OK 2, invalid mode 15). Steps 5-8 need EEVSEM.S.M.CAN_TEST_MODE_FAILURE:
/// every supported mode of this device can always be entered (as in the reference application), so that PICS is
/// false and the steps do not run; step 9 is a manual prompt.
/// </summary>
public sealed class TC_EEVSEM_2_1_Tests
{
    private const byte ModeChangeOk = 2;
    private const byte InvalidMode = 15;

    [Fact]
    public async Task TC_EEVSEM_2_1()
    {
        // Step 1: commissioning.
        var client = ModeTestBed.Connect(out var modes);
        var changes = 0;
        modes.ModeChanged += _ => changes++;

        // Step 2: SupportedModes, at least 2 entries.
        Assert.True((await client.ReadSupportedModesAsync()).Count >= 2);

        // Step 3: CurrentMode noted.
        var oldCurrentMode = await client.ReadCurrentModeAsync();

        // Step 4: ChangeToMode(the current mode): Success (and nothing changes).
        Assert.Equal(EnergyEvseModes.Success, (await client.ChangeToModeAsync(new EnergyEVSEMode.ChangeToModeRequest { NewMode = oldCurrentMode })).Status);
        Assert.Equal(0, changes);

        // Step 10: CurrentMode is a uint8.
        await client.ReadCurrentModeAsync();

        // Step 11: ChangeToMode(MODE_CHANGE_OK): Success. Step 12: CurrentMode follows.
        Assert.Equal(EnergyEvseModes.Success, (await client.ChangeToModeAsync(new EnergyEVSEMode.ChangeToModeRequest { NewMode = ModeChangeOk })).Status);
        Assert.Equal(ModeChangeOk, await client.ReadCurrentModeAsync());
        Assert.Equal(1, changes);

        // Step 13: ChangeToMode(invalid mode): UnsupportedMode (0x01), with a status text of 1 to 64 characters.
        var refused = await client.ChangeToModeAsync(new EnergyEVSEMode.ChangeToModeRequest { NewMode = InvalidMode });
        Assert.Equal(EnergyEvseModes.UnsupportedMode, refused.Status);
        Assert.InRange(refused.StatusText!.Length, 1, 64);

        // Step 14: CurrentMode unchanged.
        Assert.Equal(ModeChangeOk, await client.ReadCurrentModeAsync());
        Assert.Equal(1, changes);
    }
}
