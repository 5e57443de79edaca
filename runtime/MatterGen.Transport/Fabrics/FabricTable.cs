using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using MatterGen.Transport.Certificates;

namespace MatterGen.Transport.Fabrics;

/// <summary>
/// The fabrics of a node (Core Specification 11.18): added from a validated NOC chain, removed, relabelled, and
/// saved through an <see cref="IFabricStore"/> after every change (a change the store refuses is undone).
/// </summary>
public sealed class FabricTable
{
    private readonly object gate = new();
    private readonly SortedDictionary<byte, Fabric> fabrics = new();
    private readonly IFabricStore store;
    private readonly TimeProvider time;

    /// <summary>Creates the table and loads what <paramref name="store"/> holds.</summary>
    public FabricTable(IFabricStore store, TimeProvider? time = null, int capacity = 5)
    {
        this.store = store ?? throw new ArgumentNullException(nameof(store));
        this.time = time ?? TimeProvider.System;
        if (capacity is < 1 or > 254)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity));
        }

        Capacity = capacity;
        foreach (var fabric in store.Load())
        {
            fabrics[fabric.Index] = fabric;
        }
    }

    /// <summary>The most fabrics (SupportedFabrics; at least 5 for a device).</summary>
    public int Capacity { get; }

    /// <summary>A snapshot of the fabrics in index order.</summary>
    public IReadOnlyList<Fabric> Fabrics
    {
        get
        {
            lock (gate)
            {
                return fabrics.Values.ToArray();
            }
        }
    }

    /// <summary>The fabric with an index, or null.</summary>
    public Fabric? Find(byte index)
    {
        lock (gate)
        {
            return fabrics.GetValueOrDefault(index);
        }
    }

    /// <summary>The fabric a Sigma1's destination id names, or null (NO_SHARED_TRUST_ROOTS).</summary>
    public Fabric? FindByDestination(ReadOnlySpan<byte> initiatorRandom, ReadOnlySpan<byte> destinationId)
    {
        foreach (var fabric in Fabrics)
        {
            if (fabric.MatchesDestination(initiatorRandom, destinationId))
            {
                return fabric;
            }
        }

        return null;
    }

    /// <summary>
    /// Adds a fabric (AddNOC): validates NOC → ICAC → root at the current time, refuses a second fabric with the
    /// same root and fabric id, assigns the next free index, saves. The key must be the NOC's.
    /// </summary>
    /// <exception cref="CertificateException">The chain is invalid or the key does not match the NOC.</exception>
    /// <exception cref="InvalidOperationException">The table is full or the fabric exists.</exception>
    public Fabric Add(MatterCertificate root, MatterCertificate noc, MatterCertificate? icac, ECDsa operationalKey, ReadOnlySpan<byte> ipkEpochKey, ushort vendorId, string label = "")
    {
        ArgumentNullException.ThrowIfNull(operationalKey);
        if (ipkEpochKey.Length != 16)
        {
            throw new ArgumentException("The IPK epoch key has 16 bytes.", nameof(ipkEpochKey));
        }

        CertificateValidator.ValidateChain(noc, icac, root, time.GetUtcNow());
        if (!CertificateCrypto.PublicKeyOf(operationalKey).AsSpan().SequenceEqual(noc.PublicKey))
        {
            throw new CertificateException("The NOC is not for this node's operational key.");
        }

        lock (gate)
        {
            if (fabrics.Count >= Capacity)
            {
                throw new InvalidOperationException("The fabric table is full.");
            }

            if (fabrics.Values.Any(fabric => fabric.FabricId == noc.FabricId && fabric.Root.PublicKey.AsSpan().SequenceEqual(root.PublicKey)))
            {
                throw new InvalidOperationException("The node is already on this fabric.");
            }

            byte index = 1;
            while (fabrics.ContainsKey(index))
            {
                index++;
            }

            var fabric = new Fabric(index, root, noc, icac, operationalKey, ipkEpochKey.ToArray(), vendorId, label);
            fabrics[index] = fabric;
            Save(() => fabrics.Remove(index));
            return fabric;
        }
    }

    /// <summary>Removes a fabric (RemoveFabric); false when there is none with the index.</summary>
    public bool Remove(byte index)
    {
        lock (gate)
        {
            if (!fabrics.Remove(index, out var fabric))
            {
                return false;
            }

            Save(() => fabrics[index] = fabric);
            return true;
        }
    }

    /// <summary>Sets a fabric's label (UpdateFabricLabel); at most 32 characters.</summary>
    public void UpdateLabel(byte index, string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        if (label.Length > 32)
        {
            throw new ArgumentException("A fabric label has at most 32 characters.", nameof(label));
        }

        lock (gate)
        {
            var fabric = fabrics.GetValueOrDefault(index) ?? throw new InvalidOperationException($"No fabric {index}.");
            var previous = fabric.Label;
            fabric.Label = label;
            Save(() => fabric.Label = previous);
        }
    }

    private void Save(Action undo)
    {
        try
        {
            store.Save(fabrics.Values.ToArray());
        }
        catch
        {
            undo();
            throw;
        }
    }
}
