using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using MatterGen.Transport.Fabrics;
using MatterGen.Transport.SecureChannel;
using MatterGen.Transport.Tests.SecureChannel;
using MatterGen.Transport.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace MatterGen.Transport.Tests.Fabrics;

/// <summary>
/// A fabric's IPK key set replaced as a KeySetWrite of group key set 0 does: CASE answers a destination id made with
/// any of its epoch keys and no longer the replaced one, the initiator uses the current key, the keys survive a
/// restart, and a refused or unsaved replacement leaves the old key set in force.
/// </summary>
public sealed class IpkKeySetTests : IDisposable
{
    private static readonly byte[] Old = TestFabric.EpochKey;
    private static readonly byte[] KeyA = Convert.FromHexString("a0a1a2a3a4a5a6a7a8a9aaabacadaeaf");
    private static readonly byte[] KeyB = Convert.FromHexString("b0b1b2b3b4b5b6b7b8b9babbbcbdbebf");
    private static readonly byte[] KeyC = Convert.FromHexString("c0c1c2c3c4c5c6c7c8c9cacbcccdcecf");

    private readonly string directory = Path.Combine(Path.GetTempPath(), "mattergen-ipk-" + Guid.NewGuid().ToString("N"));

    private string StorePath => Path.Combine(directory, "fabrics.tlv");

    private static FakeTimeProvider Time => new(new DateTimeOffset(2026, 12, 5, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task After_the_ipk_is_replaced_case_succeeds_with_the_new_key_and_fails_with_the_old()
    {
        using var nodes = new TestNodes();
        using var fabric = new TestFabric();
        var (device, controller) = CaseHandshakeTests.Setup(nodes, fabric);
        device.ReplaceIpk(device.Fabrics[0].Index, Keys(KeyA));

        var refused = await Assert.ThrowsAsync<SessionEstablishmentException>(
            () => nodes.Run(CaseInitiator.EstablishAsync(nodes.Controller, nodes.Device.LocalEndPoint, controller, TestFabric.DeviceNodeId)));
        var controllers = new FabricTable(new InMemoryFabricStore(), nodes.Time);
        var updated = fabric.Join(controllers, TestFabric.ControllerNodeId);
        controllers.ReplaceIpk(updated.Index, Keys(KeyA));
        var session = await nodes.Run(CaseInitiator.EstablishAsync(nodes.Controller, nodes.Device.LocalEndPoint, updated, TestFabric.DeviceNodeId));

        Assert.Equal((ushort)SecureChannelStatusCode.NoSharedTrustRoots, refused.Report!.ProtocolCode);
        Assert.Equal(TestFabric.DeviceNodeId, session.Subject.Subject);
        Assert.Equal(new byte[] { 9 }, (await nodes.Run(PaseHandshakeTests.Echo(session, [9]))).Payload.ToArray());
    }

    [Fact]
    public async Task The_responder_accepts_every_epoch_key_of_the_set_and_derives_its_keys_from_the_one_used()
    {
        using var nodes = new TestNodes();
        using var fabric = new TestFabric();
        var (device, controller) = CaseHandshakeTests.Setup(nodes, fabric);
        device.ReplaceIpk(device.Fabrics[0].Index, Keys(Old, KeyA, KeyB));

        foreach (var key in new[] { Old, KeyA, KeyB })
        {
            var controllers = new FabricTable(new InMemoryFabricStore(), nodes.Time);
            var initiator = fabric.Join(controllers, TestFabric.ControllerNodeId);
            controllers.ReplaceIpk(initiator.Index, Keys(key));
            var session = await nodes.Run(CaseInitiator.EstablishAsync(nodes.Controller, nodes.Device.LocalEndPoint, initiator, TestFabric.DeviceNodeId));
            Assert.Equal(new byte[] { 7 }, (await nodes.Run(PaseHandshakeTests.Echo(session, [7]))).Payload.ToArray());
        }

        // The Sigma1 was made with the old key, which the device still holds as its oldest epoch key.
        await nodes.Run(CaseInitiator.EstablishAsync(nodes.Controller, nodes.Device.LocalEndPoint, controller, TestFabric.DeviceNodeId));
        Assert.Equal(4, nodes.Device.Sessions.Count);
    }

    [Fact]
    public void The_initiator_uses_the_single_key_or_the_one_before_the_newest()
    {
        using var fabric = new TestFabric();
        var table = new FabricTable(new InMemoryFabricStore(), Time);
        var joined = fabric.Join(table, TestFabric.ControllerNodeId);

        table.ReplaceIpk(joined.Index, Keys(KeyA));
        Assert.Equal(Operational(joined, KeyA), joined.OperationalIpk);
        table.ReplaceIpk(joined.Index, Keys(KeyA, KeyB));
        Assert.Equal(Operational(joined, KeyA), joined.OperationalIpk);
        table.ReplaceIpk(joined.Index, Keys(KeyA, KeyB, KeyC));
        Assert.Equal(Operational(joined, KeyB), joined.OperationalIpk);
    }

    [Fact]
    public void The_key_set_survives_a_restart_and_a_single_key_file_reads_as_before()
    {
        using var fabric = new TestFabric();
        var table = new FabricTable(new FileFabricStore(StorePath), Time);
        var joined = fabric.Join(table, TestFabric.DeviceNodeId);
        var singleKeyFile = File.ReadAllBytes(StorePath);

        table.ReplaceIpk(joined.Index, Keys(KeyA, KeyB, KeyC));
        var reopened = Assert.Single(new FabricTable(new FileFabricStore(StorePath), Time).Fabrics);
        Assert.Equal(new[] { KeyA, KeyB, KeyC }, reopened.Ipk.EpochKeys);
        Assert.Equal(Operational(reopened, KeyB), reopened.OperationalIpk);

        // A file from before the extra keys (no tag 9) still loads with its one key.
        File.WriteAllBytes(StorePath, singleKeyFile);
        var old = Assert.Single(new FabricTable(new FileFabricStore(StorePath), Time).Fabrics);
        Assert.Equal(new[] { Old }, old.Ipk.EpochKeys);
    }

    [Fact]
    public void A_refused_or_unsaved_replacement_leaves_the_ipk_as_it_was()
    {
        using var fabric = new TestFabric();
        var store = new FileFabricStore(StorePath);
        var table = new FabricTable(store, Time);
        var joined = fabric.Join(table, TestFabric.DeviceNodeId);
        var before = joined.Ipk;

        Assert.Throws<ArgumentException>(() => table.ReplaceIpk(joined.Index, Keys()));
        Assert.Throws<ArgumentException>(() => table.ReplaceIpk(joined.Index, Keys(Old, KeyA, KeyB, KeyC)));
        Assert.Throws<ArgumentException>(() => table.ReplaceIpk(joined.Index, Keys(KeyA, new byte[15])));
        Assert.Throws<InvalidOperationException>(() => table.ReplaceIpk(99, Keys(KeyA)));
        store.BeforeReplace = () => throw new IOException("power cut");
        Assert.Throws<IOException>(() => table.ReplaceIpk(joined.Index, Keys(KeyA)));

        Assert.Same(before, joined.Ipk);
        var random = new byte[32];
        Assert.True(joined.MatchesDestination(random, FabricKeys.DestinationId(Operational(joined, Old), random, fabric.Root.PublicKey, TestFabric.FabricId, TestFabric.DeviceNodeId)));
        Assert.False(joined.MatchesDestination(random, FabricKeys.DestinationId(Operational(joined, KeyA), random, fabric.Root.PublicKey, TestFabric.FabricId, TestFabric.DeviceNodeId)));
        store.BeforeReplace = null;
        Assert.Equal(new[] { Old }, Assert.Single(new FabricTable(new FileFabricStore(StorePath), Time).Fabrics).Ipk.EpochKeys);
    }

    [Fact]
    public void A_pending_fabric_takes_the_keys_at_once_and_saves_them_on_commit()
    {
        using var fabric = new TestFabric();
        var table = new FabricTable(new FileFabricStore(StorePath), Time);
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var noc = Transport.Certificates.CertificateIssuer.CreateNoc(fabric.Root, fabric.RootKey, Transport.Certificates.CertificateCrypto.PublicKeyOf(key), TestFabric.DeviceNodeId, TestFabric.FabricId, TestFabric.NotBefore, 0);
        var pending = table.AddPending(fabric.Root, noc, null, key, Old, 0xFFF1);

        table.ReplaceIpk(pending.Index, Keys(KeyA));
        Assert.False(File.Exists(StorePath));
        Assert.True(table.Commit(pending.Index));

        Assert.Equal(new[] { KeyA }, Assert.Single(new FabricTable(new FileFabricStore(StorePath), Time).Fabrics).Ipk.EpochKeys);
    }

    [Fact]
    public void Keys_written_during_a_pending_noc_update_outlive_its_revert()
    {
        using var fabric = new TestFabric();
        var table = new FabricTable(new FileFabricStore(StorePath), Time);
        var joined = fabric.Join(table, TestFabric.DeviceNodeId);
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var noc = Transport.Certificates.CertificateIssuer.CreateNoc(fabric.Root, fabric.RootKey, Transport.Certificates.CertificateCrypto.PublicKeyOf(key), TestFabric.DeviceNodeId, TestFabric.FabricId, TestFabric.NotBefore, 0);
        table.UpdatePending(joined.Index, noc, null, key);

        table.ReplaceIpk(joined.Index, Keys(KeyA, KeyB));
        Assert.Equal(new[] { KeyA, KeyB }, Assert.Single(new FabricTable(new FileFabricStore(StorePath), Time).Fabrics).Ipk.EpochKeys);
        Assert.True(table.Revert(joined.Index));

        Assert.Equal(new[] { KeyA, KeyB }, table.Find(joined.Index)!.Ipk.EpochKeys);
    }

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static ReadOnlyMemory<byte>[] Keys(params byte[][] keys) => [.. keys.Select(key => (ReadOnlyMemory<byte>)key)];

    private static byte[] Operational(Fabric fabric, byte[] epochKey) => FabricKeys.OperationalGroupKey(epochKey, fabric.CompressedFabricId);
}
