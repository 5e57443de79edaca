using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using MatterGen.Transport.Certificates;

namespace MatterGen.Transport.Fabrics;

/// <summary>
/// The fabrics of a node (Core Specification 11.18): added from a validated NOC chain, removed, relabelled, and
/// saved through an <see cref="IFabricStore"/> after every change (a change the store refuses is undone).
/// A fabric added or a NOC updated under a fail-safe is <em>pending</em> (<see cref="AddPending"/>,
/// <see cref="UpdatePending"/>): CASE answers for it at once, but it is not saved until <see cref="Commit"/>, and
/// <see cref="Revert"/> puts the table back as it was. Every change is announced after it is made, outside the
/// table's lock (<see cref="FabricAdded"/>, <see cref="FabricUpdated"/>, <see cref="FabricRemoved"/>): the host
/// closes a removed fabric's sessions, the operational advertiser follows the list.
/// </summary>
public sealed class FabricTable
{
    private readonly object gate = new();
    private readonly SortedDictionary<byte, Fabric> fabrics = new();

    // The committed fabric an uncommitted UpdatePending replaced, by index: what Revert puts back.
    private readonly Dictionary<byte, Fabric> replaced = new();
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

    /// <summary>Raised after a fabric was added, pending or committed (the node is now reachable over CASE on it).</summary>
    public event Action<Fabric>? FabricAdded;

    /// <summary>Raised after a fabric changed: committed, a NOC updated or reverted, a new label, a new IPK key set.</summary>
    public event Action<Fabric>? FabricUpdated;

    /// <summary>Raised after a fabric was removed (RemoveFabric, or a pending one reverted): its sessions must end.</summary>
    public event Action<Fabric>? FabricRemoved;

    /// <summary>The most fabrics (SupportedFabrics; at least 5 for a device).</summary>
    public int Capacity { get; }

    /// <summary>A snapshot of the fabrics in index order, pending ones included.</summary>
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
    public Fabric? FindByDestination(ReadOnlySpan<byte> initiatorRandom, ReadOnlySpan<byte> destinationId) =>
        FindCaseTarget(initiatorRandom, destinationId)?.Fabric;

    /// <summary>The fabric a Sigma1's destination id names and the operational IPK it was made with (what the responder's keys derive from), or null.</summary>
    internal (Fabric Fabric, byte[] OperationalIpk)? FindCaseTarget(ReadOnlySpan<byte> initiatorRandom, ReadOnlySpan<byte> destinationId)
    {
        foreach (var fabric in Fabrics)
        {
            if (fabric.MatchingOperationalIpk(initiatorRandom, destinationId) is { } operationalIpk)
            {
                return (fabric, operationalIpk);
            }
        }

        return null;
    }

    /// <summary>
    /// Adds a committed fabric and saves: validates NOC → ICAC → root at the current time, refuses a second fabric
    /// with the same root and fabric id, assigns the next free index. The key must be the NOC's.
    /// </summary>
    /// <exception cref="CertificateException">The chain is invalid or the key does not match the NOC.</exception>
    /// <exception cref="InvalidOperationException">The table is full or the fabric exists.</exception>
    public Fabric Add(MatterCertificate root, MatterCertificate noc, MatterCertificate? icac, ECDsa operationalKey, ReadOnlySpan<byte> ipkEpochKey, ushort vendorId, string label = "") =>
        Insert(root, noc, icac, operationalKey, ipkEpochKey, vendorId, label, committed: true);

    /// <summary>
    /// Adds a fabric as AddNOC does under a fail-safe: checked like <see cref="Add"/>, answered for by CASE at once,
    /// but not saved until <see cref="Commit"/>; <see cref="Revert"/> removes it.
    /// </summary>
    /// <exception cref="CertificateException">The chain is invalid or the key does not match the NOC.</exception>
    /// <exception cref="InvalidOperationException">The table is full or the fabric exists.</exception>
    public Fabric AddPending(MatterCertificate root, MatterCertificate noc, MatterCertificate? icac, ECDsa operationalKey, ReadOnlySpan<byte> ipkEpochKey, ushort vendorId) =>
        Insert(root, noc, icac, operationalKey, ipkEpochKey, vendorId, string.Empty, committed: false);

    /// <summary>True when a fabric with this root key and fabric id is in the table (AddNOC's FabricConflict).</summary>
    public bool Contains(ReadOnlySpan<byte> rootPublicKey, ulong fabricId)
    {
        lock (gate)
        {
            foreach (var fabric in fabrics.Values)
            {
                if (fabric.FabricId == fabricId && fabric.Root.PublicKey.AsSpan().SequenceEqual(rootPublicKey))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// Replaces a committed fabric's NOC (and ICAC) and operational key as UpdateNOC does under a fail-safe: the chain
    /// must lead to the fabric's root and keep its fabric id; the new credentials serve CASE at once, are saved on
    /// <see cref="Commit"/> and undone by <see cref="Revert"/>.
    /// </summary>
    /// <exception cref="CertificateException">The chain is invalid, names another fabric, or the key does not match.</exception>
    /// <exception cref="InvalidOperationException">No such committed fabric, or it has an update pending already.</exception>
    public Fabric UpdatePending(byte index, MatterCertificate noc, MatterCertificate? icac, ECDsa operationalKey)
    {
        ArgumentNullException.ThrowIfNull(operationalKey);
        Fabric updated;
        lock (gate)
        {
            var current = fabrics.GetValueOrDefault(index) ?? throw new InvalidOperationException($"No fabric {index}.");
            if (!current.IsCommitted || replaced.ContainsKey(index))
            {
                throw new InvalidOperationException($"Fabric {index} has uncommitted changes.");
            }

            Validate(current.Root, noc, icac, operationalKey);
            if (noc.FabricId != current.FabricId)
            {
                throw new CertificateException("The new NOC names another fabric.");
            }

            // Same root and fabric id, so the same compressed fabric id: the IPK key set carries over as it is.
            updated = new Fabric(index, current.Root, noc, icac, operationalKey, current.Ipk.EpochKeys[0], current.VendorId, current.Label) { IsCommitted = false, Ipk = current.Ipk };
            replaced[index] = current;
            fabrics[index] = updated;
        }

        FabricUpdated?.Invoke(updated);
        return updated;
    }

    /// <summary>Makes a pending fabric (or pending NOC update) permanent and saves; false when nothing was pending for it.</summary>
    public bool Commit(byte index)
    {
        Fabric fabric;
        lock (gate)
        {
            if (!fabrics.TryGetValue(index, out fabric!) || fabric.IsCommitted)
            {
                return false;
            }

            fabric.IsCommitted = true;
            var wasReplaced = replaced.Remove(index, out var previous);
            Save(() =>
            {
                fabric.IsCommitted = false;
                if (wasReplaced)
                {
                    replaced[index] = previous!;
                }
            });
            previous?.Dispose();
        }

        FabricUpdated?.Invoke(fabric);
        return true;
    }

    /// <summary>
    /// Undoes what is pending for a fabric: a pending fabric is removed, a pending NOC update gives way to the
    /// previous credentials. Nothing is saved (nothing pending ever was). False when nothing was pending.
    /// </summary>
    public bool Revert(byte index)
    {
        Fabric fabric;
        Fabric? restored;
        lock (gate)
        {
            if (!fabrics.TryGetValue(index, out fabric!) || fabric.IsCommitted)
            {
                return false;
            }

            if (replaced.Remove(index, out restored))
            {
                fabrics[index] = restored;
            }
            else
            {
                fabrics.Remove(index);
            }
        }

        fabric.Dispose();
        if (restored is not null)
        {
            FabricUpdated?.Invoke(restored);
        }
        else
        {
            FabricRemoved?.Invoke(fabric);
        }

        return true;
    }

    /// <summary>Removes a fabric (RemoveFabric), pending or not; false when there is none with the index.</summary>
    public bool Remove(byte index)
    {
        Fabric? fabric;
        lock (gate)
        {
            if (!fabrics.Remove(index, out fabric))
            {
                return false;
            }

            var wasReplaced = replaced.Remove(index, out var previous);
            Save(() =>
            {
                fabrics[index] = fabric;
                if (wasReplaced)
                {
                    replaced[index] = previous!;
                }
            });
            previous?.Dispose();
        }

        FabricRemoved?.Invoke(fabric);
        return true;
    }

    /// <summary>Sets a fabric's label (UpdateFabricLabel); at most 32 characters.</summary>
    public void UpdateLabel(byte index, string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        if (label.Length > 32)
        {
            throw new ArgumentException("A fabric label has at most 32 characters.", nameof(label));
        }

        Fabric fabric;
        lock (gate)
        {
            fabric = fabrics.GetValueOrDefault(index) ?? throw new InvalidOperationException($"No fabric {index}.");
            var previous = fabric.Label;
            fabric.Label = label;
            if (replaced.TryGetValue(index, out var committed))
            {
                committed.Label = label;
            }

            Save(() =>
            {
                fabric.Label = previous;
                if (committed is not null)
                {
                    committed.Label = previous;
                }
            });
        }

        FabricUpdated?.Invoke(fabric);
    }

    /// <summary>
    /// Replaces a fabric's IPK key set with one to three epoch keys, oldest start time first, as a KeySetWrite of
    /// group key set 0 does (Core Specification 11.2.7.1): CASE accepts a destination id made with any of them at
    /// once, and initiates with <see cref="Fabric"/>'s current one. Saved before it returns when the fabric is
    /// committed (a pending fabric keeps it until <see cref="Commit"/>); a pending NOC update's previous credentials
    /// take it too, so a revert keeps the new keys. All or nothing: on any error the old key set stays.
    /// </summary>
    /// <exception cref="ArgumentException">Not one to three keys, or a key not 16 bytes long.</exception>
    /// <exception cref="InvalidOperationException">No fabric with the index.</exception>
    public void ReplaceIpk(byte index, IReadOnlyList<ReadOnlyMemory<byte>> epochKeys)
    {
        Fabric fabric;
        lock (gate)
        {
            fabric = fabrics.GetValueOrDefault(index) ?? throw new InvalidOperationException($"No fabric {index}.");
            var keys = IpkEpochKeys.Create(epochKeys, fabric.CompressedFabricId);
            var previous = fabric.Ipk;
            fabric.Ipk = keys;
            if (replaced.TryGetValue(index, out var committed))
            {
                committed.Ipk = keys;
            }

            // A fabric added under a fail-safe has nothing saved yet; Commit saves it with the new keys.
            if (fabric.IsCommitted || committed is not null)
            {
                Save(Undo);
            }

            void Undo()
            {
                fabric.Ipk = previous;
                if (committed is not null)
                {
                    committed.Ipk = previous;
                }
            }
        }

        FabricUpdated?.Invoke(fabric);
    }

    private Fabric Insert(MatterCertificate root, MatterCertificate noc, MatterCertificate? icac, ECDsa operationalKey, ReadOnlySpan<byte> ipkEpochKey, ushort vendorId, string label, bool committed)
    {
        ArgumentNullException.ThrowIfNull(operationalKey);
        if (ipkEpochKey.Length != 16)
        {
            throw new ArgumentException("The IPK epoch key has 16 bytes.", nameof(ipkEpochKey));
        }

        Validate(root, noc, icac, operationalKey);
        Fabric fabric;
        lock (gate)
        {
            if (fabrics.Count >= Capacity)
            {
                throw new InvalidOperationException("The fabric table is full.");
            }

            if (fabrics.Values.Any(existing => existing.FabricId == noc.FabricId && existing.Root.PublicKey.AsSpan().SequenceEqual(root.PublicKey)))
            {
                throw new InvalidOperationException("The node is already on this fabric.");
            }

            byte index = 1;
            while (fabrics.ContainsKey(index))
            {
                index++;
            }

            fabric = new Fabric(index, root, noc, icac, operationalKey, ipkEpochKey.ToArray(), vendorId, label) { IsCommitted = committed };
            fabrics[index] = fabric;
            if (committed)
            {
                Save(() => fabrics.Remove(index));
            }
        }

        FabricAdded?.Invoke(fabric);
        return fabric;
    }

    private void Validate(MatterCertificate root, MatterCertificate noc, MatterCertificate? icac, ECDsa operationalKey)
    {
        CertificateValidator.ValidateChain(noc, icac, root, time.GetUtcNow());
        if (!CertificateCrypto.PublicKeyOf(operationalKey).AsSpan().SequenceEqual(noc.PublicKey))
        {
            throw new CertificateException("The NOC is not for this node's operational key.");
        }
    }

    // Only what is committed is saved: a pending fabric is the fail-safe's until commissioning completes, and a
    // pending NOC update saves as the credentials it replaced.
    private void Save(Action undo)
    {
        try
        {
            store.Save(fabrics.Values.Select(fabric => fabric.IsCommitted ? fabric : replaced.GetValueOrDefault(fabric.Index)).OfType<Fabric>().ToArray());
        }
        catch
        {
            undo();
            throw;
        }
    }
}
