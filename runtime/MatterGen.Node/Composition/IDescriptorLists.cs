using System.Collections.Generic;
using MatterGen.Node.Clusters;

namespace MatterGen.Node.Composition;

/// <summary>
/// The Descriptor attributes the node fills from its composition, whatever the server's feature set; the
/// generated Descriptor servers satisfy it by their members alone.
/// </summary>
public interface IDescriptorLists
{
    /// <summary>The device types of the endpoint with their revisions.</summary>
    IReadOnlyList<Descriptor.DeviceTypeStruct> DeviceTypeList { get; set; }

    /// <summary>The server clusters on the endpoint, ascending.</summary>
    IReadOnlyList<uint> ServerList { get; set; }

    /// <summary>The client clusters on the endpoint, ascending.</summary>
    IReadOnlyList<uint> ClientList { get; set; }

    /// <summary>The endpoints that make up this one, ascending.</summary>
    IReadOnlyList<ushort> PartsList { get; set; }
}
