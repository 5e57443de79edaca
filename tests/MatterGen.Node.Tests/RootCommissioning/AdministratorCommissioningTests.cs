using System;
using System.Threading.Tasks;
using MatterGen.Interaction;
using MatterGen.Messaging;
using MatterGen.Node.Network;
using MatterGen.Node.Tests.Wire;
using MatterGen.Tlv;
using Xunit;
using Admin = MatterGen.Node.Clusters.AdministratorCommissioning;

namespace MatterGen.Node.Tests.RootCommissioning;

/// <summary>
/// Administrator Commissioning on the charger, driven through IM messages by the administrator of fabric 1 with the
/// generated client, over a window that records what the cluster asked of it.
/// </summary>
public sealed class AdministratorCommissioningTests
{
    private const ushort VendorOfFabric1 = 0xFFF1;
    private const ushort Discriminator = 0x0123;
    private static readonly byte[] Salt = "A salt of 16+ B!"u8.ToArray();
    private static readonly byte[] Verifier = CommissioningSecret.FromPasscode(34_567_890, Discriminator, Salt, 1000).Verifier.Serialize();

    [Fact]
    public async Task An_enhanced_window_names_its_administrator_and_revoking_it_clears_everything()
    {
        await using var rig = await Rig.CreateAsync();

        await rig.Admin.OpenCommissioningWindowAsync(Enhanced(), cancellationToken: rig.Wire.Guard);

        Assert.Equal(Admin.CommissioningWindowStatusEnum.EnhancedWindowOpen, await rig.Admin.ReadWindowStatusAsync(rig.Wire.Guard));
        Assert.Equal((byte?)1, await rig.Admin.ReadAdminFabricIndexAsync(rig.Wire.Guard));
        Assert.Equal((ushort?)VendorOfFabric1, await rig.Admin.ReadAdminVendorIdAsync(rig.Wire.Guard));
        Assert.Equal(CommissioningWindowKind.Enhanced, rig.Window.Kind);
        Assert.Equal(Discriminator, rig.Window.Secret!.Discriminator);
        Assert.Equal(Verifier, rig.Window.Secret.Verifier.Serialize());
        Assert.Equal(Salt, rig.Window.Secret.Salt);
        Assert.Equal(TimeSpan.FromSeconds(300), rig.Window.LastTimeout);

        await rig.Admin.RevokeCommissioningAsync(new Admin.RevokeCommissioningRequest(), cancellationToken: rig.Wire.Guard);

        Assert.Equal(CommissioningWindowKind.Closed, rig.Window.Kind);
        Assert.Equal(Admin.CommissioningWindowStatusEnum.WindowNotOpen, await rig.Admin.ReadWindowStatusAsync(rig.Wire.Guard));
        Assert.Null(await rig.Admin.ReadAdminFabricIndexAsync(rig.Wire.Guard));
        Assert.Null(await rig.Admin.ReadAdminVendorIdAsync(rig.Wire.Guard));
    }

    [Fact]
    public async Task A_basic_window_uses_the_onboarding_secret_and_a_window_closing_by_itself_clears_the_administrator()
    {
        await using var rig = await Rig.CreateAsync();

        await rig.Admin.OpenBasicCommissioningWindowAsync(new Admin.OpenBasicCommissioningWindowRequest { CommissioningTimeout = 180 }, cancellationToken: rig.Wire.Guard);

        Assert.Equal(Admin.CommissioningWindowStatusEnum.BasicWindowOpen, await rig.Admin.ReadWindowStatusAsync(rig.Wire.Guard));
        Assert.Equal((byte?)1, await rig.Admin.ReadAdminFabricIndexAsync(rig.Wire.Guard));
        Assert.Equal(TimeSpan.FromSeconds(180), rig.Window.LastTimeout);

        rig.Window.Close(); // Its timeout, as the host's timer would close it.

        Assert.Equal(Admin.CommissioningWindowStatusEnum.WindowNotOpen, await rig.Admin.ReadWindowStatusAsync(rig.Wire.Guard));
        Assert.Null(await rig.Admin.ReadAdminFabricIndexAsync(rig.Wire.Guard));
        Assert.Null(await rig.Admin.ReadAdminVendorIdAsync(rig.Wire.Guard));
    }

    [Fact]
    public async Task A_window_the_node_opened_itself_shows_its_kind_with_no_administrator()
    {
        await using var rig = await Rig.CreateAsync();

        rig.Window.OpenBasic(TimeSpan.FromMinutes(15));

        Assert.Equal(Admin.CommissioningWindowStatusEnum.BasicWindowOpen, await rig.Admin.ReadWindowStatusAsync(rig.Wire.Guard));
        Assert.Null(await rig.Admin.ReadAdminFabricIndexAsync(rig.Wire.Guard));
        Assert.Null(await rig.Admin.ReadAdminVendorIdAsync(rig.Wire.Guard));
    }

    [Fact]
    public async Task Every_command_needs_a_timed_invoke()
    {
        await using var rig = await Rig.CreateAsync();

        var open = await Assert.ThrowsAsync<MatterStatusException>(() => rig.Admin.OpenCommissioningWindowAsync(Enhanced(), timed: false, rig.Wire.Guard).AsTask());
        var basic = await Assert.ThrowsAsync<MatterStatusException>(() => rig.Admin.OpenBasicCommissioningWindowAsync(new Admin.OpenBasicCommissioningWindowRequest { CommissioningTimeout = 180 }, timed: false, rig.Wire.Guard).AsTask());
        rig.Window.OpenBasic(TimeSpan.FromMinutes(3));
        var revoke = await Assert.ThrowsAsync<MatterStatusException>(() => rig.Admin.RevokeCommissioningAsync(new Admin.RevokeCommissioningRequest(), timed: false, rig.Wire.Guard).AsTask());

        Assert.All([open, basic, revoke], e => Assert.Equal(MatterStatus.NeedsTimedInteraction, e.Status));
        Assert.Equal([CommissioningWindowKind.Basic], rig.Window.Changes);
    }

    [Fact]
    public async Task An_open_window_or_an_armed_fail_safe_makes_both_open_commands_busy()
    {
        await using var rig = await Rig.CreateAsync();
        rig.Window.OpenBasic(TimeSpan.FromMinutes(3));

        await AssertClusterFailure(Admin.StatusCode.Busy, () => rig.Admin.OpenCommissioningWindowAsync(Enhanced(), cancellationToken: rig.Wire.Guard).AsTask());
        await AssertClusterFailure(Admin.StatusCode.Busy, () => rig.Admin.OpenBasicCommissioningWindowAsync(new Admin.OpenBasicCommissioningWindowRequest { CommissioningTimeout = 180 }, cancellationToken: rig.Wire.Guard).AsTask());
        Assert.Null(await rig.Admin.ReadAdminFabricIndexAsync(rig.Wire.Guard));

        rig.Window.Close();
        var armed = true;
        rig.Charger.AdministratorCommissioning.ConnectFailSafe(() => armed, () => armed = false);

        await AssertClusterFailure(Admin.StatusCode.Busy, () => rig.Admin.OpenCommissioningWindowAsync(Enhanced(), cancellationToken: rig.Wire.Guard).AsTask());
        await AssertClusterFailure(Admin.StatusCode.Busy, () => rig.Admin.OpenBasicCommissioningWindowAsync(new Admin.OpenBasicCommissioningWindowRequest { CommissioningTimeout = 180 }, cancellationToken: rig.Wire.Guard).AsTask());
        Assert.True(armed);
        Assert.Equal(Admin.CommissioningWindowStatusEnum.WindowNotOpen, await rig.Admin.ReadWindowStatusAsync(rig.Wire.Guard));
        Assert.Equal([CommissioningWindowKind.Basic, CommissioningWindowKind.Closed], rig.Window.Changes);
    }

    public static TheoryData<string, Func<Admin.OpenCommissioningWindowRequest, Admin.OpenCommissioningWindowRequest>> BadPakeParameters => new()
    {
        { "verifier of 96 bytes", r => r with { PAKEPasscodeVerifier = Verifier.AsMemory(0, 96) } },
        { "verifier of 98 bytes", r => r with { PAKEPasscodeVerifier = (byte[])[.. Verifier, 0] } },
        { "empty verifier", r => r with { PAKEPasscodeVerifier = Array.Empty<byte>() } },
        { "L not on the curve", r => r with { PAKEPasscodeVerifier = OffCurve() } },
        { "999 iterations", r => r with { Iterations = 999 } },
        { "100001 iterations", r => r with { Iterations = 100_001 } },
        { "salt of 15 bytes", r => r with { Salt = new byte[15] } },
        { "salt of 33 bytes", r => r with { Salt = new byte[33] } },
    };

    [Theory]
    [MemberData(nameof(BadPakeParameters))]
    public async Task Bad_pake_parameters_are_a_pake_parameter_error_and_open_nothing(string why, Func<Admin.OpenCommissioningWindowRequest, Admin.OpenCommissioningWindowRequest> spoil)
    {
        await using var rig = await Rig.CreateAsync();

        await AssertClusterFailure(Admin.StatusCode.PAKEParameterError, () => rig.Admin.OpenCommissioningWindowAsync(spoil(Enhanced()), cancellationToken: rig.Wire.Guard).AsTask());

        Assert.Empty(rig.Window.Changes);
        Assert.True(Admin.CommissioningWindowStatusEnum.WindowNotOpen == await rig.Admin.ReadWindowStatusAsync(rig.Wire.Guard), why);
        Assert.Null(await rig.Admin.ReadAdminFabricIndexAsync(rig.Wire.Guard));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(179)]
    [InlineData(901)]
    [InlineData(ushort.MaxValue)]
    public async Task A_timeout_outside_180_to_900_seconds_is_an_invalid_command(int seconds)
    {
        await using var rig = await Rig.CreateAsync();

        var enhanced = await Assert.ThrowsAsync<MatterStatusException>(() => rig.Admin.OpenCommissioningWindowAsync(Enhanced() with { CommissioningTimeout = (ushort)seconds }, cancellationToken: rig.Wire.Guard).AsTask());
        var basic = await Assert.ThrowsAsync<MatterStatusException>(() => rig.Admin.OpenBasicCommissioningWindowAsync(new Admin.OpenBasicCommissioningWindowRequest { CommissioningTimeout = (ushort)seconds }, cancellationToken: rig.Wire.Guard).AsTask());

        Assert.Equal(MatterStatus.InvalidCommand, enhanced.Status);
        Assert.Equal(MatterStatus.InvalidCommand, basic.Status);
        Assert.Empty(rig.Window.Changes);
    }

    [Theory]
    [InlineData(180)]
    [InlineData(900)]
    public async Task The_bounds_of_the_timeout_are_accepted(int seconds)
    {
        await using var rig = await Rig.CreateAsync();

        await rig.Admin.OpenCommissioningWindowAsync(Enhanced() with { CommissioningTimeout = (ushort)seconds }, cancellationToken: rig.Wire.Guard);

        Assert.Equal(TimeSpan.FromSeconds(seconds), rig.Window.LastTimeout);
    }

    [Fact]
    public async Task A_discriminator_beyond_12_bits_is_a_constraint_error()
    {
        await using var rig = await Rig.CreateAsync();

        // The generated client refuses to encode it, so the fields go on the wire by hand.
        var fields = TestNodes.Tlv((ref TlvWriter w) =>
        {
            w.StartStructure(TlvTag.Anonymous);
            w.WriteUnsignedInteger(TlvTag.Context(0), 300);
            w.WriteOctetString(TlvTag.Context(1), Verifier);
            w.WriteUnsignedInteger(TlvTag.Context(2), 0x1000);
            w.WriteUnsignedInteger(TlvTag.Context(3), 1000);
            w.WriteOctetString(TlvTag.Context(4), Salt);
            w.EndContainer();
        });

        var result = await rig.Wire.Client.InvokeAsync(0, Admin.ClusterId, 0x00, fields, timed: true, rig.Wire.Guard);

        Assert.Equal(MatterStatus.ConstraintError, result.Status);
        Assert.Empty(rig.Window.Changes);
    }

    [Fact]
    public async Task Revoking_without_a_window_is_window_not_open_and_leaves_the_fail_safe_alone()
    {
        await using var rig = await Rig.CreateAsync();
        var expired = 0;
        rig.Charger.AdministratorCommissioning.ConnectFailSafe(() => true, () => expired++);

        await AssertClusterFailure(Admin.StatusCode.WindowNotOpen, () => rig.Admin.RevokeCommissioningAsync(new Admin.RevokeCommissioningRequest(), cancellationToken: rig.Wire.Guard).AsTask());

        Assert.Equal(0, expired);
    }

    [Fact]
    public async Task Revoking_an_open_window_expires_an_armed_fail_safe_then_closes_the_window()
    {
        await using var rig = await Rig.CreateAsync();
        await rig.Admin.OpenCommissioningWindowAsync(Enhanced(), cancellationToken: rig.Wire.Guard);
        var armed = true; // A commissioner came in through the window and armed the fail-safe.
        var windowAtExpiry = CommissioningWindowKind.Closed;
        rig.Charger.AdministratorCommissioning.ConnectFailSafe(() => armed, () =>
        {
            windowAtExpiry = rig.Window.Kind;
            armed = false;
        });

        await rig.Admin.RevokeCommissioningAsync(new Admin.RevokeCommissioningRequest(), cancellationToken: rig.Wire.Guard);

        Assert.False(armed);
        Assert.Equal(CommissioningWindowKind.Enhanced, windowAtExpiry);
        Assert.Equal(CommissioningWindowKind.Closed, rig.Window.Kind);
    }

    [Fact]
    public async Task Removing_the_opening_fabric_clears_admin_fabric_index_and_keeps_the_window()
    {
        await using var rig = await Rig.CreateAsync();
        await rig.Admin.OpenCommissioningWindowAsync(Enhanced(), cancellationToken: rig.Wire.Guard);

        rig.Charger.Node.LeaveFabric(2); // Another fabric: nothing changes.
        Assert.Equal((byte?)1, rig.Charger.AdministratorCommissioning.Server.AdminFabricIndex);
        rig.Charger.Node.LeaveFabric(1);

        Assert.Null(rig.Charger.AdministratorCommissioning.Server.AdminFabricIndex);
        Assert.Equal((ushort?)VendorOfFabric1, rig.Charger.AdministratorCommissioning.Server.AdminVendorId);
        Assert.Equal(Admin.CommissioningWindowStatusEnum.EnhancedWindowOpen, rig.Charger.AdministratorCommissioning.Server.WindowStatus);
    }

    [Fact]
    public async Task Without_a_window_or_an_onboarding_secret_an_open_fails_and_changes_nothing()
    {
        await using var wire = ChargerOnTheWire.WithAdministrator();
        var admin = new Admin.Client(wire.Client, 0);

        var enhanced = await Assert.ThrowsAsync<MatterStatusException>(() => admin.OpenCommissioningWindowAsync(Enhanced(), cancellationToken: wire.Guard).AsTask());
        Assert.Equal(MatterStatus.Failure, enhanced.Status);
        Assert.Null(enhanced.ClusterStatus);

        var window = new FakeCommissioningWindow { CanOpenBasic = false };
        wire.Charger.AdministratorCommissioning.Attach(window, _ => VendorOfFabric1);
        var basic = await Assert.ThrowsAsync<MatterStatusException>(() => admin.OpenBasicCommissioningWindowAsync(new Admin.OpenBasicCommissioningWindowRequest { CommissioningTimeout = 180 }, cancellationToken: wire.Guard).AsTask());

        Assert.Equal(MatterStatus.Failure, basic.Status);
        Assert.Empty(window.Changes);
        Assert.Null(wire.Charger.AdministratorCommissioning.Server.AdminFabricIndex);
    }

    [Fact]
    public async Task Only_an_administrator_of_a_fabric_opens_a_window()
    {
        await using var rig = await Rig.CreateAsync();
        var stranger = new Admin.Client(rig.Wire.Connect(new SubjectDescriptor(SessionAuthMode.Case, 0x0000_0000_0000_0777, FabricIndex: 1)), 0);
        var commissioner = new Admin.Client(rig.Wire.Connect(new SubjectDescriptor(SessionAuthMode.Pase, 0, FabricIndex: 0, IsCommissioning: true)), 0);

        var denied = await Assert.ThrowsAsync<MatterStatusException>(() => stranger.OpenCommissioningWindowAsync(Enhanced(), cancellationToken: rig.Wire.Guard).AsTask());
        var noFabric = await Assert.ThrowsAsync<MatterStatusException>(() => commissioner.OpenCommissioningWindowAsync(Enhanced(), cancellationToken: rig.Wire.Guard).AsTask());

        Assert.Equal(MatterStatus.UnsupportedAccess, denied.Status);
        Assert.Equal(MatterStatus.UnsupportedAccess, noFabric.Status);
        Assert.Empty(rig.Window.Changes);
    }

    private static Admin.OpenCommissioningWindowRequest Enhanced() => new()
    {
        CommissioningTimeout = 300,
        PAKEPasscodeVerifier = Verifier,
        Discriminator = Discriminator,
        Iterations = 1000,
        Salt = Salt,
    };

    // A verifier whose L is no point of P-256: its last byte (of y) flipped.
    private static byte[] OffCurve()
    {
        var spoiled = (byte[])Verifier.Clone();
        spoiled[^1] ^= 0x01;
        return spoiled;
    }

    private static async Task AssertClusterFailure(Admin.StatusCode expected, Func<Task> invoke)
    {
        var error = await Assert.ThrowsAsync<MatterStatusException>(invoke);
        Assert.Equal(MatterStatus.Failure, error.Status);
        Assert.Equal((byte)expected, error.ClusterStatus);
    }

    /// <summary>The charger with an administrator on fabric 1, its cluster attached to a <see cref="FakeCommissioningWindow"/>.</summary>
    private sealed class Rig : IAsyncDisposable
    {
        private Rig(ChargerOnTheWire wire)
        {
            Wire = wire;
            Wire.Charger.AdministratorCommissioning.Attach(Window, fabric => fabric == 1 ? VendorOfFabric1 : null);
            Admin = new Admin.Client(wire.Client, 0);
        }

        public ChargerOnTheWire Wire { get; }

        public Evse.Charger.ChargerNode Charger => Wire.Charger;

        public FakeCommissioningWindow Window { get; } = new();

        public Admin.Client Admin { get; }

        public static Task<Rig> CreateAsync() => Task.FromResult(new Rig(ChargerOnTheWire.WithAdministrator()));

        public ValueTask DisposeAsync() => Wire.DisposeAsync();
    }
}
