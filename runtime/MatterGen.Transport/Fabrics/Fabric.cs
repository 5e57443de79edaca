using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using MatterGen.Transport.Certificates;

namespace MatterGen.Transport.Fabrics;

/// <summary>
/// One fabric this node belongs to (Core Specification 11.18.4.5): its trusted root, its NOC (and ICAC), the
/// operational key, the IPK key set and what derives from them. Built only from a validated chain.
/// </summary>
public sealed class Fabric : IDisposable
{
    internal Fabric(byte index, MatterCertificate root, MatterCertificate noc, MatterCertificate? icac, ECDsa operationalKey, byte[] ipkEpochKey, ushort vendorId, string label)
        : this(index, root, noc, icac, operationalKey, [ipkEpochKey], vendorId, label)
    {
    }

    internal Fabric(byte index, MatterCertificate root, MatterCertificate noc, MatterCertificate? icac, ECDsa operationalKey, IReadOnlyList<ReadOnlyMemory<byte>> ipkEpochKeys, ushort vendorId, string label)
    {
        Index = index;
        Root = root;
        Noc = noc;
        Icac = icac;
        OperationalKey = operationalKey;
        VendorId = vendorId;
        Label = label;
        FabricId = noc.FabricId!.Value;
        NodeId = noc.NodeId!.Value;
        CompressedFabricId = FabricKeys.CompressedFabricId(root.PublicKey, FabricId);
        Ipk = IpkEpochKeys.Create(ipkEpochKeys, CompressedFabricId);
    }

    /// <summary>The fabric index (1 to 254).</summary>
    public byte Index { get; }

    /// <summary>The trusted root certificate.</summary>
    public MatterCertificate Root { get; }

    /// <summary>This node's operational certificate.</summary>
    public MatterCertificate Noc { get; }

    /// <summary>The intermediate, when the chain has one.</summary>
    public MatterCertificate? Icac { get; }

    /// <summary>The operational private key of the NOC (never leaves the fabric store).</summary>
    internal ECDsa OperationalKey { get; }

    /// <summary>
    /// The IPK key set: the epoch key AddNOC delivered, or the one to three a KeySetWrite of group key set 0 put in
    /// its place (<see cref="FabricTable.ReplaceIpk"/>). Replaced whole, never changed in place.
    /// </summary>
    internal IpkEpochKeys Ipk { get; set; }

    /// <summary>The operational IPK this node uses as a CASE initiator (<see cref="IpkEpochKeys.InitiatorKey"/>).</summary>
    internal byte[] OperationalIpk => Ipk.InitiatorKey;

    /// <summary>The admin vendor id.</summary>
    public ushort VendorId { get; }

    /// <summary>The fabric label (UpdateFabricLabel).</summary>
    public string Label { get; internal set; }

    /// <summary>
    /// False while the fabric was added under a fail-safe and commissioning has not completed: CASE already answers
    /// for it, but it is not saved, and the fail-safe's end takes it away again (<see cref="FabricTable.AddPending"/>).
    /// </summary>
    public bool IsCommitted { get; internal set; } = true;

    /// <summary>The fabric id.</summary>
    public ulong FabricId { get; }

    /// <summary>This node's operational node id on the fabric.</summary>
    public ulong NodeId { get; }

    /// <summary>The compressed fabric id (8 bytes).</summary>
    public byte[] CompressedFabricId { get; }

    /// <summary>The operational instance name, "&lt;compressed fabric id&gt;-&lt;node id&gt;" in upper-case hex (Core Specification 4.3.2.2).</summary>
    public string OperationalInstanceName =>
        Convert.ToHexString(CompressedFabricId) + "-" + NodeId.ToString("X16", CultureInfo.InvariantCulture);

    /// <summary>True when a Sigma1's destination id names this node on this fabric, made with any of the fabric's IPK epoch keys.</summary>
    public bool MatchesDestination(ReadOnlySpan<byte> initiatorRandom, ReadOnlySpan<byte> destinationId) =>
        MatchingOperationalIpk(initiatorRandom, destinationId) is not null;

    /// <summary>
    /// The operational IPK a Sigma1's destination id was made with, or null when it names another node or fabric:
    /// the responder tries every epoch key of the IPK key set and goes on with the one that matched (Core
    /// Specification 4.14.2, Destination Identifier).
    /// </summary>
    internal byte[]? MatchingOperationalIpk(ReadOnlySpan<byte> initiatorRandom, ReadOnlySpan<byte> destinationId)
    {
        foreach (var key in Ipk.OperationalKeys)
        {
            if (CryptographicOperations.FixedTimeEquals(FabricKeys.DestinationId(key, initiatorRandom, Root.PublicKey, FabricId, NodeId), destinationId))
            {
                return key;
            }
        }

        return null;
    }

    /// <inheritdoc/>
    public void Dispose() => OperationalKey.Dispose();
}
