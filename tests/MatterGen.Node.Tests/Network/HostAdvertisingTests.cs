using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using MatterGen.Commissioning.Discovery;
using MatterGen.Evse.Charger;
using MatterGen.Node.Network;
using MatterGen.Transport.Certificates;
using MatterGen.Transport.Fabrics;
using MatterGen.Transport.SecureChannel;
using MatterGen.Transport.Udp;
using Xunit;

namespace MatterGen.Node.Tests.Network;

/// <summary>What the device host tells DNS-SD: the commissionable instance follows the window, one operational instance per fabric.</summary>
public sealed class HostAdvertisingTests
{
    [Fact]
    public async Task The_window_is_advertised_with_its_discriminator_and_withdrawn_when_it_closes()
    {
        await using var rig = NetworkRig.InMemory();
        var advertiser = new RecordingAdvertiser();
        var time = rig.FakeTime!;
        using var charger = ChargerNode.Create(TestNodes.Options(time) with { Fabrics = new FabricTable(new InMemoryFabricStore(), time) });
        var host = new MatterDeviceHost(charger.Node, new InMemoryNetwork(time).CreateEndpoint(), new MatterDeviceHostOptions { Time = time, Advertiser = advertiser, AdvertisedDeviceName = "Charger" });

        // A window opened before Start is advertised once the port is known.
        host.OpenCommissioningWindow(CommissioningSecret.FromPasscode(20202021, 3841, NetworkRig.Salt));
        Assert.Empty(await advertiser.SettledAsync());
        host.Start();
        var opened = Assert.IsType<CommissionableAdvertisement>(Assert.Single(await advertiser.SettledAsync(atLeast: 1)));
        Assert.Equal(3841, opened.Discriminator);
        Assert.Equal(1, opened.CommissioningMode);
        Assert.Equal(TestNodes.Information.VendorId, opened.VendorId);
        Assert.Equal(TestNodes.Information.ProductId, opened.ProductId);
        Assert.Equal(0x050Cu, opened.DeviceType);
        Assert.Equal("Charger", opened.DeviceName);
        Assert.Equal(TimeSpan.FromMilliseconds(300), opened.Timing.ActiveInterval);

        host.CloseCommissioningWindow();
        Assert.Equal("withdraw commissionable", (await advertiser.SettledAsync(atLeast: 2))[^1]);

        // A fabric joined (AddNOC) is advertised as <compressed fabric id>-<node id>, and withdrawn when it leaves.
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var fabric = charger.Node.Fabrics.Add(rig.Root, rig.IssueNoc(CertificateCrypto.PublicKeyOf(key), 0x1234), null, ECDsa.Create(key.ExportParameters(true)), NetworkRig.IpkEpochKey, 0xFFF1);
        var operational = Assert.IsType<OperationalAdvertisement>((await advertiser.SettledAsync(atLeast: 3))[^1]);
        Assert.Equal(fabric.OperationalInstanceName, operational.InstanceName);
        Assert.Equal(0x1234ul, operational.NodeId);

        charger.Node.Fabrics.Remove(fabric.Index);
        Assert.Equal($"withdraw {operational.InstanceName}", (await advertiser.SettledAsync(atLeast: 4))[^1]);

        // Disposal withdraws what is left (nothing here) and stops following the window.
        await host.DisposeAsync();
        var calls = await advertiser.SettledAsync(atLeast: 5);
        Assert.Equal("withdraw commissionable", calls[^1]);
    }

    [Fact]
    public async Task A_window_that_closes_itself_after_twenty_failed_pase_attempts_is_withdrawn_at_once()
    {
        var advertiser = new RecordingAdvertiser();
        await using var rig = NetworkRig.InMemory(advertiser: advertiser);
        var opened = Assert.IsType<CommissionableAdvertisement>(Assert.Single(await advertiser.SettledAsync(atLeast: 1)));
        Assert.Equal(NetworkRig.Discriminator, opened.Discriminator);

        for (var attempt = 0; attempt < CommissioningWindow.MaxFailedAttempts; attempt++)
        {
            await Assert.ThrowsAsync<SessionEstablishmentException>(() => rig.Run(PaseInitiator.EstablishAsync(rig.Controller, rig.DeviceAddress, NetworkRig.Passcode + 1)));
        }

        Assert.False(rig.Host.IsCommissioningWindowOpen);
        Assert.Equal(CommissioningWindowKind.Closed, rig.Host.CommissioningWindow.Kind);
        var calls = await advertiser.SettledAsync(atLeast: 2);
        Assert.Equal(2, calls.Count);
        Assert.Equal("withdraw commissionable", calls[^1]);
    }

    [Fact]
    public async Task Stored_fabrics_are_advertised_at_start()
    {
        await using var rig = NetworkRig.InMemory();
        var time = rig.FakeTime!;
        var fabrics = new FabricTable(new InMemoryFabricStore(), time);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var stored = fabrics.Add(rig.Root, rig.IssueNoc(CertificateCrypto.PublicKeyOf(key), 0x77), null, ECDsa.Create(key.ExportParameters(true)), NetworkRig.IpkEpochKey, 0xFFF1);
        using var charger = ChargerNode.Create(TestNodes.Options(time) with { Fabrics = fabrics });
        var advertiser = new RecordingAdvertiser();
        await using var host = new MatterDeviceHost(charger.Node, new InMemoryNetwork(time).CreateEndpoint(), new MatterDeviceHostOptions { Time = time, Advertiser = advertiser });

        host.Start();

        var advertised = Assert.IsType<OperationalAdvertisement>(Assert.Single(await advertiser.SettledAsync(atLeast: 1)));
        Assert.Equal(stored.OperationalInstanceName, advertised.InstanceName);
    }

    /// <summary>Records the advertiser's calls: advertisements as themselves, withdrawals as text.</summary>
    private sealed class RecordingAdvertiser : IMatterAdvertiser
    {
        private readonly List<object> calls = [];

        /// <summary>
        /// The calls once at least <paramref name="atLeast"/> have come (the host runs them on its own queue; a
        /// loaded machine may take a while) and no further one follows within a short pause, so an unexpected extra
        /// call is still seen.
        /// </summary>
        public async Task<IReadOnlyList<object>> SettledAsync(int atLeast = 0)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            while (Count() < atLeast && DateTime.UtcNow < deadline)
            {
                await Task.Delay(10);
            }

            await Task.Delay(100);
            lock (calls)
            {
                return calls.ToList();
            }
        }

        private int Count()
        {
            lock (calls)
            {
                return calls.Count;
            }
        }

        public Task AdvertiseCommissionableAsync(CommissionableAdvertisement advertisement, CancellationToken cancellationToken = default) => Record(advertisement);

        public Task WithdrawCommissionableAsync(CancellationToken cancellationToken = default) => Record("withdraw commissionable");

        public Task AdvertiseOperationalAsync(OperationalAdvertisement advertisement, CancellationToken cancellationToken = default) => Record(advertisement);

        public Task WithdrawOperationalAsync(ulong compressedFabricId, ulong nodeId, CancellationToken cancellationToken = default) =>
            Record($"withdraw {new OperationalAdvertisement(compressedFabricId, nodeId, 0).InstanceName}");

        private Task Record(object call)
        {
            lock (calls)
            {
                calls.Add(call);
            }

            return Task.CompletedTask;
        }
    }
}
