using System;
using System.IO;
using MatterGen.Transport.Fabrics;
using MatterGen.Transport.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace MatterGen.Transport.Tests.Fabrics;

public sealed class FabricStoreTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "mattergen-fabrics-" + Guid.NewGuid().ToString("N"));

    private string StorePath => Path.Combine(directory, "fabrics.tlv");

    private static FakeTimeProvider Time => new(new DateTimeOffset(2026, 12, 5, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Fabrics_survive_a_restart_with_their_keys_and_labels()
    {
        using var fabric = new TestFabric();
        var table = new FabricTable(new FileFabricStore(StorePath), Time);
        var added = fabric.Join(table, TestFabric.DeviceNodeId);
        table.UpdateLabel(added.Index, "garage");

        var reopened = new FabricTable(new FileFabricStore(StorePath), Time);
        var loaded = Assert.Single(reopened.Fabrics);
        Assert.Equal(added.Index, loaded.Index);
        Assert.Equal("garage", loaded.Label);
        Assert.Equal(added.CompressedFabricId, loaded.CompressedFabricId);
        Assert.Equal(added.OperationalInstanceName, loaded.OperationalInstanceName);
        var random = new byte[32];
        var destination = FabricKeys.DestinationId(added.OperationalIpk, random, fabric.Root.PublicKey, TestFabric.FabricId, TestFabric.DeviceNodeId);
        Assert.Same(loaded, reopened.FindByDestination(random, destination));
        Assert.Equal(
            Transport.Certificates.CertificateCrypto.PublicKeyOf(added.OperationalKey),
            Transport.Certificates.CertificateCrypto.PublicKeyOf(loaded.OperationalKey));
    }

    [Fact]
    public void An_interrupted_save_loses_nothing_and_the_table_stays_as_stored()
    {
        using var fabric = new TestFabric();
        using var second = new TestFabric(0xCACACACA00000002);
        var store = new FileFabricStore(StorePath);
        var table = new FabricTable(store, Time);
        fabric.Join(table, TestFabric.DeviceNodeId);

        store.BeforeReplace = () => throw new IOException("power cut");
        Assert.Throws<IOException>(() => second.Join(table, TestFabric.DeviceNodeId));
        Assert.Single(table.Fabrics);

        var reopened = new FabricTable(new FileFabricStore(StorePath), Time);
        Assert.Single(reopened.Fabrics);
    }

    [Fact]
    public void The_table_refuses_a_duplicate_fabric_and_a_full_table_and_removes()
    {
        using var fabric = new TestFabric();
        var table = new FabricTable(new InMemoryFabricStore(), Time, capacity: 2);
        var first = fabric.Join(table, TestFabric.DeviceNodeId);
        Assert.Throws<InvalidOperationException>(() => fabric.Join(table, TestFabric.ControllerNodeId));
        using var other = new TestFabric(0xCACACACA00000009);
        other.Join(table, TestFabric.DeviceNodeId);
        using var third = new TestFabric(0xCACACACA0000000A);
        Assert.Throws<InvalidOperationException>(() => third.Join(table, TestFabric.DeviceNodeId));
        Assert.True(table.Remove(first.Index));
        Assert.False(table.Remove(first.Index));
        Assert.Equal(first.Index, third.Join(table, TestFabric.DeviceNodeId).Index);
    }

    [Fact]
    public void A_corrupt_store_is_reported_not_silently_emptied()
    {
        Directory.CreateDirectory(directory);
        File.WriteAllBytes(StorePath, [0x15, 0x24, 0x00]);
        Assert.Throws<InvalidDataException>(() => new FabricTable(new FileFabricStore(StorePath), Time));
    }

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
