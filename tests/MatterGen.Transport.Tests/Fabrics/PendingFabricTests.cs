using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using MatterGen.Transport.Certificates;
using MatterGen.Transport.Fabrics;
using MatterGen.Transport.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace MatterGen.Transport.Tests.Fabrics;

/// <summary>
/// Fabrics added or updated under a fail-safe: answered for at once, saved only on commit, gone (or back to the old
/// credentials) on revert, and every change announced once.
/// </summary>
public sealed class PendingFabricTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "mattergen-pending-" + Guid.NewGuid().ToString("N"));
    private readonly TestFabric fabric = new();
    private readonly List<string> events = [];

    private string StorePath => Path.Combine(directory, "fabrics.tlv");

    private static FakeTimeProvider Time => new(new DateTimeOffset(2026, 12, 5, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_pending_fabric_is_found_but_not_saved_until_committed()
    {
        var table = Watched(new FabricTable(new FileFabricStore(StorePath), Time));

        var pending = AddPending(table);

        Assert.False(pending.IsCommitted);
        Assert.Same(pending, table.Find(pending.Index));
        Assert.Empty(new FabricTable(new FileFabricStore(StorePath), Time).Fabrics);
        Assert.True(table.Commit(pending.Index));
        Assert.False(table.Commit(pending.Index));
        Assert.True(pending.IsCommitted);
        Assert.Single(new FabricTable(new FileFabricStore(StorePath), Time).Fabrics);
        Assert.Equal(["added 1", "updated 1"], events);
    }

    [Fact]
    public void Reverting_a_pending_fabric_removes_it_and_a_committed_one_stays()
    {
        var table = Watched(new FabricTable(new FileFabricStore(StorePath), Time));
        var committed = fabric.Join(table, TestFabric.DeviceNodeId);
        using var other = new TestFabric(0xCACACACA00000002);
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pending = table.AddPending(other.Root, CertificateIssuer.CreateNoc(other.Root, other.RootKey, CertificateCrypto.PublicKeyOf(key), 5, 7, TestFabric.NotBefore, 0), null, key, TestFabric.EpochKey, 0xFFF2);

        Assert.False(table.Revert(committed.Index));
        Assert.True(table.Revert(pending.Index));

        Assert.Same(committed, Assert.Single(table.Fabrics));
        Assert.Equal(committed.Index, Assert.Single(new FabricTable(new FileFabricStore(StorePath), Time).Fabrics).Index);
        Assert.Equal(["added 1", "added 2", "removed 2"], events);
    }

    [Fact]
    public void An_updated_noc_serves_at_once_saves_on_commit_and_reverts_to_the_old_credentials()
    {
        var table = Watched(new FabricTable(new FileFabricStore(StorePath), Time));
        var original = fabric.Join(table, TestFabric.DeviceNodeId);
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var newNoc = CertificateIssuer.CreateNoc(fabric.Root, fabric.RootKey, CertificateCrypto.PublicKeyOf(key), 0x2222, TestFabric.FabricId, TestFabric.NotBefore, 0);

        var updated = table.UpdatePending(original.Index, newNoc, null, key);
        Assert.Equal(0x2222UL, table.Find(original.Index)!.NodeId);
        Assert.Equal(TestFabric.DeviceNodeId, Assert.Single(new FabricTable(new FileFabricStore(StorePath), Time).Fabrics).NodeId);
        Assert.Throws<InvalidOperationException>(() => table.UpdatePending(original.Index, newNoc, null, key));

        Assert.True(table.Revert(updated.Index));
        Assert.Same(original, table.Find(original.Index));

        var again = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var otherFabricNoc = CertificateIssuer.CreateNoc(fabric.Root, fabric.RootKey, CertificateCrypto.PublicKeyOf(again), 0x2222, 0x99, TestFabric.NotBefore, 0);
        Assert.Throws<CertificateException>(() => table.UpdatePending(original.Index, otherFabricNoc, null, again));
        var renewed = CertificateIssuer.CreateNoc(fabric.Root, fabric.RootKey, CertificateCrypto.PublicKeyOf(again), 0x3333, TestFabric.FabricId, TestFabric.NotBefore, 0);
        table.UpdatePending(original.Index, renewed, null, again);
        Assert.True(table.Commit(original.Index));
        Assert.Equal(0x3333UL, Assert.Single(new FabricTable(new FileFabricStore(StorePath), Time).Fabrics).NodeId);
    }

    [Fact]
    public void Removing_a_fabric_saves_and_announces_it()
    {
        var table = Watched(new FabricTable(new FileFabricStore(StorePath), Time));
        var added = fabric.Join(table, TestFabric.DeviceNodeId);

        Assert.True(table.Remove(added.Index));
        Assert.False(table.Remove(added.Index));

        Assert.Empty(new FabricTable(new FileFabricStore(StorePath), Time).Fabrics);
        Assert.Equal(["added 1", "removed 1"], events);
    }

    public void Dispose()
    {
        fabric.Dispose();
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private Fabric AddPending(FabricTable table)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var noc = CertificateIssuer.CreateNoc(fabric.Root, fabric.RootKey, CertificateCrypto.PublicKeyOf(key), TestFabric.DeviceNodeId, TestFabric.FabricId, TestFabric.NotBefore, 0);
        return table.AddPending(fabric.Root, noc, null, key, TestFabric.EpochKey, 0xFFF1);
    }

    private FabricTable Watched(FabricTable table)
    {
        table.FabricAdded += added => events.Add($"added {added.Index}");
        table.FabricUpdated += updated => events.Add($"updated {updated.Index}");
        table.FabricRemoved += removed => events.Add($"removed {removed.Index}");
        return table;
    }
}
