using System;
using System.Threading.Tasks;
using MatterGen.Interaction;
using MatterGen.Messaging;
using MatterGen.Node.Network;
using MatterGen.Node.Tests.Network;
using MatterGen.Transport.SecureChannel;
using MatterGen.Transport.Sessions;
using Xunit;
using Admin = MatterGen.Node.Clusters.AdministratorCommissioning;

namespace MatterGen.Node.Tests.RootCommissioning;

/// <summary>
/// Administrator Commissioning on the charger hosted by a <see cref="MatterDeviceHost"/>: an administrator over CASE
/// drives the host's real commissioning window, and a second commissioner's PASE shows which passcode it takes.
/// </summary>
public sealed class AdministratorCommissioningOnTheNetworkTests
{
    private const uint NewPasscode = 34_567_890;
    private const ushort NewDiscriminator = 0x0123;
    private static readonly byte[] Salt = "Another salt, 16"u8.ToArray();

    [Fact]
    public async Task An_administrator_replaces_the_initial_window_with_an_enhanced_one_whose_passcode_pase_then_takes_until_it_expires()
    {
        await using var rig = NetworkRig.InMemory();
        var (session, admin) = await ConnectAdministratorAsync(rig);
        var server = rig.Charger.AdministratorCommissioning.Server;

        // The rig opened the initial (basic) window: shown, with no administrator, and it makes an open BUSY.
        Assert.Equal(Admin.CommissioningWindowStatusEnum.BasicWindowOpen, await rig.Run(admin.ReadWindowStatusAsync().AsTask()));
        var busy = await Assert.ThrowsAsync<MatterStatusException>(() => rig.Run(admin.OpenCommissioningWindowAsync(Enhanced()).AsTask()));
        Assert.Equal((byte)Admin.StatusCode.Busy, busy.ClusterStatus);

        await rig.Run(admin.RevokeCommissioningAsync(new Admin.RevokeCommissioningRequest()).AsTask());
        Assert.False(rig.Host.IsCommissioningWindowOpen);
        await rig.Run(admin.OpenCommissioningWindowAsync(Enhanced()).AsTask());

        Assert.Equal(Admin.CommissioningWindowStatusEnum.EnhancedWindowOpen, await rig.Run(admin.ReadWindowStatusAsync().AsTask()));
        Assert.Equal((byte?)session.Subject.FabricIndex, await rig.Run(admin.ReadAdminFabricIndexAsync().AsTask()));
        Assert.Equal((ushort?)0xFFF1, await rig.Run(admin.ReadAdminVendorIdAsync().AsTask()));
        Assert.Equal(CommissioningWindowKind.Enhanced, rig.Host.CommissioningWindow.Kind);
        Assert.Equal(NewDiscriminator, rig.Host.CommissioningWindow.Secret!.Discriminator);

        await Assert.ThrowsAsync<SessionEstablishmentException>(() => rig.Run(PaseInitiator.EstablishAsync(rig.Controller, rig.DeviceAddress, NetworkRig.Passcode)));
        var commissioner = await rig.Run(PaseInitiator.EstablishAsync(rig.Controller, rig.DeviceAddress, NewPasscode));
        Assert.Equal(SessionAuthMode.Pase, commissioner.Subject.AuthMode);

        rig.FakeTime!.Advance(TimeSpan.FromSeconds(300));

        Assert.False(rig.Host.IsCommissioningWindowOpen);
        Assert.Equal(Admin.CommissioningWindowStatusEnum.WindowNotOpen, server.WindowStatus);
        Assert.Null(server.AdminFabricIndex);
        Assert.Null(server.AdminVendorId);
        await Assert.ThrowsAsync<SessionEstablishmentException>(() => rig.Run(PaseInitiator.EstablishAsync(rig.Controller, rig.DeviceAddress, NewPasscode)));
    }

    [Fact]
    public async Task A_window_closed_by_twenty_failed_pase_attempts_reads_as_closed_at_once()
    {
        await using var rig = NetworkRig.InMemory();
        var (session, admin) = await ConnectAdministratorAsync(rig);
        var server = rig.Charger.AdministratorCommissioning.Server;
        await rig.Run(admin.RevokeCommissioningAsync(new Admin.RevokeCommissioningRequest()).AsTask());
        await rig.Run(admin.OpenCommissioningWindowAsync(Enhanced()).AsTask());
        Assert.Equal(Admin.CommissioningWindowStatusEnum.EnhancedWindowOpen, server.WindowStatus);
        Assert.Equal((byte?)session.Subject.FabricIndex, server.AdminFabricIndex);

        for (var attempt = 0; attempt < CommissioningWindow.MaxFailedAttempts; attempt++)
        {
            await Assert.ThrowsAsync<SessionEstablishmentException>(() => rig.Run(PaseInitiator.EstablishAsync(rig.Controller, rig.DeviceAddress, NetworkRig.Passcode)));
        }

        // No clock moved: the window's own closing is what the attributes show.
        Assert.Equal(Admin.CommissioningWindowStatusEnum.WindowNotOpen, server.WindowStatus);
        Assert.Null(server.AdminFabricIndex);
        Assert.Null(server.AdminVendorId);
        Assert.Equal(Admin.CommissioningWindowStatusEnum.WindowNotOpen, await rig.Run(admin.ReadWindowStatusAsync().AsTask()));
        Assert.False(rig.Host.IsCommissioningWindowOpen);

        // The administrator may open a new window (the closed one is not "busy").
        await rig.Run(admin.OpenCommissioningWindowAsync(Enhanced()).AsTask());
        Assert.Equal(Admin.CommissioningWindowStatusEnum.EnhancedWindowOpen, server.WindowStatus);
    }

    [Fact]
    public async Task A_basic_window_opened_by_an_administrator_takes_the_onboarding_passcode()
    {
        await using var rig = NetworkRig.InMemory();
        var (_, admin) = await ConnectAdministratorAsync(rig);
        rig.Host.CloseCommissioningWindow();
        Assert.Equal(Admin.CommissioningWindowStatusEnum.WindowNotOpen, await rig.Run(admin.ReadWindowStatusAsync().AsTask()));

        await rig.Run(admin.OpenBasicCommissioningWindowAsync(new Admin.OpenBasicCommissioningWindowRequest { CommissioningTimeout = 180 }).AsTask());

        Assert.Equal(Admin.CommissioningWindowStatusEnum.BasicWindowOpen, await rig.Run(admin.ReadWindowStatusAsync().AsTask()));
        var commissioner = await rig.Run(PaseInitiator.EstablishAsync(rig.Controller, rig.DeviceAddress, NetworkRig.Passcode));
        Assert.Equal(SessionAuthMode.Pase, commissioner.Subject.AuthMode);
    }

    // An administrator of an installed fabric over CASE, with its Administrator Commissioning client.
    private static async Task<(SecureSession Session, Admin.Client Admin)> ConnectAdministratorAsync(NetworkRig rig)
    {
        var session = await rig.Run(CaseInitiator.EstablishAsync(rig.Controller, rig.DeviceAddress, rig.InstallFabric(), NetworkRig.DeviceNodeId));
        return (session, new Admin.Client(rig.Client(session), 0));
    }

    private static Admin.OpenCommissioningWindowRequest Enhanced() => new()
    {
        CommissioningTimeout = 300,
        PAKEPasscodeVerifier = CommissioningSecret.FromPasscode(NewPasscode, NewDiscriminator, Salt, 1000).Verifier.Serialize(),
        Discriminator = NewDiscriminator,
        Iterations = 1000,
        Salt = Salt,
    };
}
