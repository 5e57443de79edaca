using System;
using System.Collections.Generic;
using System.Linq;
using MatterGen.Interaction;
using MatterGen.Tlv;
using MatterGen.Transport.Certificates;
using MatterGen.Transport.Fabrics;
using Oc = MatterGen.Node.Clusters.OperationalCredentials;

namespace MatterGen.Node.OperationalCredentials;

/// <summary>
/// The Operational Credentials server of the root endpoint. Its lists mirror the node's <see cref="FabricTable"/>
/// (<see cref="OperationalCredentialsDevice"/> refreshes them on every change, so subscribers see each one). NOCs
/// and Fabrics are fabric-scoped: the accessing fabric's entries in full, another fabric's NOC entry as its
/// FabricIndex alone (its certificates are fabric-sensitive), another fabric's descriptor in full, and nothing of
/// other fabrics on a fabric-filtered read. CurrentFabricIndex is the accessing fabric's index (0 over PASE before AddNOC).
/// </summary>
[MatterServer("Operational Credentials")]
public partial class OperationalCredentialsServer
{
    private const uint NocsAttribute = 0x0000;
    private const uint FabricsAttribute = 0x0001;
    private const uint CurrentFabricIndexAttribute = 0x0005;

    /// <summary>Brings every list and count up to date with <paramref name="fabrics"/> and a staged root.</summary>
    internal void Refresh(FabricTable fabrics, MatterCertificate? pendingRoot)
    {
        var all = fabrics.Fabrics;
        var roots = new List<ReadOnlyMemory<byte>>();
        foreach (var root in all.Select(fabric => fabric.Root).Append(pendingRoot).OfType<MatterCertificate>())
        {
            var tlv = root.ToTlv();
            if (!roots.Any(known => known.Span.SequenceEqual(tlv)))
            {
                roots.Add(tlv);
            }
        }

        Atomically(() =>
        {
            CommissionedFabrics = (byte)all.Count;
            NOCs = all.Select(fabric => new Oc.NOCStruct
            {
                NOC = fabric.Noc.ToTlv(),
                ICAC = fabric.Icac is { } icac ? icac.ToTlv() : (ReadOnlyMemory<byte>?)null, // null, not an empty array: there is no ICAC
                FabricIndex = fabric.Index,
            }).ToArray();
            Fabrics = all.Select(fabric => new Oc.FabricDescriptorStruct
            {
                RootPublicKey = fabric.Root.PublicKey,
                VendorID = fabric.VendorId,
                FabricID = fabric.FabricId,
                NodeID = fabric.NodeId,
                Label = fabric.Label,
                FabricIndex = fabric.Index,
            }).ToArray();
            TrustedRootCertificates = roots;
        });
    }

    /// <inheritdoc/>
    protected override void WriteAttributeValue(uint attributeId, ref TlvWriter writer, RequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        switch (attributeId)
        {
            case CurrentFabricIndexAttribute:
                writer.WriteUnsignedInteger(TlvTag.Anonymous, context.FabricIndex);
                break;
            default:
                WriteAttributeValue(attributeId, ref writer);
                break;
        }
    }
}
