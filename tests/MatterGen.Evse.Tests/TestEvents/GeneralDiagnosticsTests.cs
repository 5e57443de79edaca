using System;
using System.Linq;
using System.Threading.Tasks;
using MatterGen.DataModel;
using MatterGen.Evse.TestEvents;
using MatterGen.Evse.Tests.Certification;
using MatterGen.Interaction;
using MatterGen.Node.Diagnostics;
using MatterGen.TestEvents;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using Diagnostics = MatterGen.Node.Clusters.GeneralDiagnostics;

namespace MatterGen.Evse.Tests.TestEvents;

/// <summary>
/// General Diagnostics on the root endpoint: the test event trigger gate (enable key, statuses) and the
/// mandatory attributes' values, through the generated client.
/// </summary>
public sealed class GeneralDiagnosticsTests
{
    [Fact]
    public async Task Without_a_key_triggers_are_disabled_and_refused_with_constraint_error()
    {
        foreach (var key in new byte[]?[] { null, new byte[16] })
        {
            var (device, client) = Start(new GeneralDiagnosticsOptions { TestEventTriggerEnableKey = key, NetworkInterfaces = static () => [] });
            var fired = 0;
            device.Triggers.Register(EnergyEvseTestEventTriggers.BasicFunctionality, () => { fired++; return MatterStatus.Success; });

            Assert.False(await client.ReadTestEventTriggersEnabledAsync());
            await EvseTestBed.ExpectStatusAsync(MatterStatus.ConstraintError, () => client.TestEventTriggerAsync(Request(new byte[16], EnergyEvseTestEventTriggers.BasicFunctionality)));
            Assert.Equal(0, fired);
            device.Dispose();
        }
    }

    [Fact]
    public async Task A_wrong_or_all_zero_key_is_a_constraint_error_and_changes_nothing()
    {
        using var bed = new EvseTestBed();
        var before = await bed.SnapshotAsync();
        var wrong = EvseTestBed.EnableKey.ToArray();
        wrong[15] ^= 1;

        // TC_TestEventTrigger: a bad key and the all-zero key are CONSTRAINT_ERROR.
        await EvseTestBed.ExpectStatusAsync(MatterStatus.ConstraintError, () => bed.GeneralDiagnostics.TestEventTriggerAsync(Request(wrong, EnergyEvseTestEventTriggers.EVPluggedIn)));
        await EvseTestBed.ExpectStatusAsync(MatterStatus.ConstraintError, () => bed.GeneralDiagnostics.TestEventTriggerAsync(Request(new byte[16], EnergyEvseTestEventTriggers.EVPluggedIn)));
        await EvseTestBed.ExpectStatusAsync(MatterStatus.ConstraintError, () => bed.GeneralDiagnostics.TestEventTriggerAsync(Request(EvseTestBed.EnableKey[..8], EnergyEvseTestEventTriggers.EVPluggedIn)));

        Assert.Equal(before, await bed.SnapshotAsync());
        await bed.AssertNoQueuedEventsAsync();
    }

    [Fact]
    public async Task An_unknown_trigger_or_one_the_device_cannot_take_is_an_invalid_command()
    {
        using var bed = new EvseTestBed();

        // TC_TestEventTrigger's invalid code is 0.
        await EvseTestBed.ExpectStatusAsync(MatterStatus.InvalidCommand, () => bed.TriggerAsync(0));
        await EvseTestBed.ExpectStatusAsync(MatterStatus.InvalidCommand, () => bed.TriggerAsync(0x0099_0000_0000_00FF));
        await EvseTestBed.ExpectStatusAsync(MatterStatus.InvalidCommand, () => bed.TriggerAsync(0x0042_0000_0000_0000));

        // No fault to clear, no diagnostics to complete: the device refuses, the command says so.
        await EvseTestBed.ExpectStatusAsync(MatterStatus.InvalidCommand, () => bed.TriggerAsync(EnergyEvseTestEventTriggers.EVSEFaultClear));
        await EvseTestBed.ExpectStatusAsync(MatterStatus.InvalidCommand, () => bed.TriggerAsync(EnergyEvseTestEventTriggers.EVSEDiagnosticsComplete));
        await bed.AssertNoQueuedEventsAsync();
    }

    [Fact]
    public async Task A_trigger_naming_the_endpoint_reaches_the_charger()
    {
        using var bed = new EvseTestBed();
        await bed.TriggerAsync(EnergyEvseTestEventTriggers.EVPluggedIn | ((ulong)EvseTestBed.Endpoint << 32));
        await bed.NextEVConnectedAsync();
    }

    [Fact]
    public async Task TestEventTrigger_needs_manage_privilege()
    {
        using var bed = new EvseTestBed();
        var operate = new Diagnostics.Client(bed.Transport.WithPrivilege(Privilege.Operate), EvseTestBed.RootEndpoint);

        await EvseTestBed.ExpectStatusAsync(MatterStatus.UnsupportedAccess, () => operate.TestEventTriggerAsync(Request(EvseTestBed.EnableKey, EnergyEvseTestEventTriggers.EVPluggedIn)));
        await bed.AssertNoQueuedEventsAsync();
    }

    [Fact]
    public async Task Reboot_count_counts_starts_in_the_store_and_up_time_follows_the_clock()
    {
        var store = new InMemoryAttributeStore();
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 10, 22, 10, 0, 0, TimeSpan.Zero));
        var options = new GeneralDiagnosticsOptions { BootReason = Diagnostics.BootReasonEnum.PowerOnReboot, NetworkInterfaces = static () => [] };
        var serverOptions = new ClusterServerOptions { Endpoint = 0, Time = time, Store = store };

        var (first, client) = Start(options, serverOptions);
        Assert.Equal((ushort)1, await client.ReadRebootCountAsync());
        Assert.Equal(Diagnostics.BootReasonEnum.PowerOnReboot, await client.ReadBootReasonAsync());
        var boot = Diagnostics.Client.DecodeBootReason(Assert.Single(await client.ReadEventsAsync()));
        Assert.Equal(Diagnostics.BootReasonEnum.PowerOnReboot, boot.BootReason);

        time.Advance(TimeSpan.FromSeconds(90));
        Assert.Equal(90ul, await client.ReadUpTimeAsync());
        var snapshot = await client.TimeSnapshotAsync(new Diagnostics.TimeSnapshotRequest());
        Assert.Equal(90_000ul, snapshot.SystemTimeMs);
        Assert.Equal((ulong)time.GetUtcNow().ToUnixTimeMilliseconds(), snapshot.PosixTimeMs);
        first.Dispose();

        var (second, again) = Start(options, serverOptions);
        Assert.Equal((ushort)2, await again.ReadRebootCountAsync());
        Assert.Equal(0ul, await again.ReadUpTimeAsync());
        second.Dispose();
    }

    [Fact]
    public async Task Without_a_synchronized_clock_the_time_snapshot_has_no_utc_time()
    {
        var (device, client) = Start(new GeneralDiagnosticsOptions { IsTimeSynchronized = static () => false, NetworkInterfaces = static () => [] });
        Assert.Null((await client.TimeSnapshotAsync(new Diagnostics.TimeSnapshotRequest())).PosixTimeMs);
        device.Dispose();
    }

    [Fact]
    public async Task The_host_interfaces_are_reported_within_the_specification_limits()
    {
        var (device, client) = Start(new GeneralDiagnosticsOptions());
        var interfaces = await client.ReadNetworkInterfacesAsync();

        Assert.InRange(interfaces.Count, 0, 8);
        Assert.All(interfaces, nic =>
        {
            Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(nic.Name), 0, 32);
            Assert.Contains(nic.HardwareAddress.Length, new[] { 0, 6, 8 });
            Assert.All(nic.IPv4Addresses, address => Assert.Equal(4, address.Length));
            Assert.All(nic.IPv6Addresses, address => Assert.Equal(16, address.Length));
            Assert.NotEqual("lo", nic.Name);
        });
        device.Dispose();
    }

    [Fact]
    public void An_enable_key_of_the_wrong_length_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new GeneralDiagnosticsDevice(new TestEventTriggerRegistry(), new GeneralDiagnosticsOptions { TestEventTriggerEnableKey = new byte[15] }));
        Assert.Equal(EvseTestBed.EnableKey, GeneralDiagnosticsOptions.ParseEnableKey("000102030405060708090a0b0c0d0e0f"));
        Assert.Null(GeneralDiagnosticsOptions.ParseEnableKey(" "));
        Assert.Throws<FormatException>(() => GeneralDiagnosticsOptions.ParseEnableKey("0001"));
    }

    private static Diagnostics.TestEventTriggerRequest Request(byte[] key, ulong trigger) => new() { EnableKey = key, EventTrigger = trigger };

    private static (GeneralDiagnosticsDevice Device, Diagnostics.Client Client) Start(GeneralDiagnosticsOptions options, ClusterServerOptions? serverOptions = null)
    {
        var device = new GeneralDiagnosticsDevice(new TestEventTriggerRegistry(), options, serverOptions);
        return (device, new Diagnostics.Client(new InProcessTransport(Privilege.Administer).Add(device.Server), 0));
    }
}
