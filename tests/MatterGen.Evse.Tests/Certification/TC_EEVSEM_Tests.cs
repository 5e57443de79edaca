using System.Linq;
using System.Threading.Tasks;
using MatterGen.DataModel;
using MatterGen.Evse.Clusters;
using MatterGen.Evse.Modes;
using MatterGen.Interaction;
using Xunit;

namespace MatterGen.Evse.Tests.Certification;

/// <summary>TC-EEVSEM-1.2 (supported modes) and TC-EEVSEM-2.1 (ChangeToMode), through the generated client.</summary>
public sealed class TC_EEVSEM_Tests
{
    private static EnergyEVSEMode.Client Connect(out EnergyEvseModes modes)
    {
        (modes, var server) = EnergyEvseModes.Create(new ClusterServerOptions { Endpoint = 1 });
        return new EnergyEVSEMode.Client(new InProcessTransport(Privilege.Operate).Add(server), 1);
    }

    [Fact]
    public async Task TC_EEVSEM_1_2_supported_modes_are_labelled_unique_and_include_manual()
    {
        var client = Connect(out _);

        var supported = await client.ReadSupportedModesAsync();

        Assert.InRange(supported.Count, 2, 255);
        Assert.All(supported, mode => Assert.InRange(mode.Label.Length, 1, 64));
        Assert.Equal(supported.Count, supported.Select(mode => mode.Mode).Distinct().Count());
        Assert.Equal(supported.Count, supported.Select(mode => mode.Label).Distinct().Count());
        Assert.Contains(supported, mode => mode.ModeTags.Any(tag => tag.Value == (ushort)EnergyEVSEMode.ModeTag.Manual));
        Assert.Contains(await client.ReadCurrentModeAsync(), supported.Select(mode => mode.Mode));
        Assert.Equal(0u, await client.ReadFeatureMapIfAnyAsync());
    }

    [Fact]
    public async Task TC_EEVSEM_2_1_change_to_mode()
    {
        var client = Connect(out var modes);
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

/// <summary>Reads the FeatureMap global attribute, which the generated client does not list among the cluster's own.</summary>
internal static class ModeClientExtensions
{
    public static async Task<uint> ReadFeatureMapIfAnyAsync(this EnergyEVSEMode.Client client)
    {
        var read = await client.Transport.ReadAttributeAsync(client.Endpoint, client.ClusterId, GlobalAttributes.FeatureMap);
        Assert.Equal(MatterStatus.Success, read.Status);
        var reader = new MatterGen.Tlv.TlvReader(read.Value.Span);
        reader.Read();
        return reader.GetUInt32();
    }
}
