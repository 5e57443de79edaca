using System.Collections.Generic;
using System.Threading.Tasks;
using MatterGen.Interaction;
using Xunit;

namespace MatterGen.Evse.Tests.Certification;

/// <summary>The scripts' reads of global attributes (FeatureMap, AttributeList) through the transport, for any cluster.</summary>
internal static class GlobalAttributeReads
{
    /// <summary>Reads the FeatureMap global attribute.</summary>
    public static async Task<uint> ReadFeatureMapAsync(IInteractionTransport transport, ushort endpoint, uint clusterId)
    {
        var read = await transport.ReadAttributeAsync(endpoint, clusterId, GlobalAttributes.FeatureMap);
        Assert.Equal(MatterStatus.Success, read.Status);
        var reader = new MatterGen.Tlv.TlvReader(read.Value.Span);
        reader.Read();
        return reader.GetUInt32();
    }

    /// <summary>Reads the ClusterRevision global attribute.</summary>
    public static async Task<ushort> ReadClusterRevisionAsync(IInteractionTransport transport, ushort endpoint, uint clusterId)
    {
        var read = await transport.ReadAttributeAsync(endpoint, clusterId, GlobalAttributes.ClusterRevision);
        Assert.Equal(MatterStatus.Success, read.Status);
        var reader = new MatterGen.Tlv.TlvReader(read.Value.Span);
        reader.Read();
        return checked((ushort)reader.GetUInt32());
    }

    /// <summary>Reads the AttributeList global attribute (the scripts' get_supported_*_attributes).</summary>
    public static Task<IReadOnlyList<uint>> ReadAttributeListAsync(IInteractionTransport transport, ushort endpoint, uint clusterId) =>
        ReadIdListAsync(transport, endpoint, clusterId, GlobalAttributes.AttributeList);

    /// <summary>Reads a global list of ids (AttributeList, AcceptedCommandList, GeneratedCommandList).</summary>
    public static async Task<IReadOnlyList<uint>> ReadIdListAsync(IInteractionTransport transport, ushort endpoint, uint clusterId, uint attributeId)
    {
        var read = await transport.ReadAttributeAsync(endpoint, clusterId, attributeId);
        Assert.Equal(MatterStatus.Success, read.Status);
        var reader = new MatterGen.Tlv.TlvReader(read.Value.Span);
        reader.Read();
        Assert.True(reader.IsContainerStart);
        var ids = new List<uint>();
        while (!reader.TryReadEndOfContainer())
        {
            reader.Read();
            ids.Add(reader.GetUInt32());
        }

        return ids;
    }
}
