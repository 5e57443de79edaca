using System.Collections.Generic;
using System.Linq;
using MatterGen.Interaction;
using MatterGen.Node.Clusters;
using MatterGen.Node.Composition;

namespace MatterGen.Node;

/// <summary>
/// One endpoint of a running node: its place in the composition, its device types, and its cluster servers
/// (the Descriptor included) in ascending cluster id. Immutable; the node replaces it as a whole.
/// </summary>
public sealed class NodeEndpoint
{
    private readonly Dictionary<uint, ClusterServer> byCluster;

    private NodeEndpoint(EndpointDefinition definition, ushort? parent, IReadOnlyList<ClusterServer> servers, ClusterServer descriptor)
    {
        Number = definition.Number;
        Parent = parent;
        Pattern = definition.Pattern;
        DeviceTypes = definition.DeviceTypes.ToArray();
        ClientClusters = definition.ClientClusters.Distinct().Order().ToArray();
        Tags = definition.Tags.ToArray();
        Servers = servers;
        Descriptor = descriptor;
        byCluster = [];
        foreach (var server in servers)
        {
            byCluster.TryAdd(server.Description.ClusterId, server);
        }
    }

    /// <summary>The endpoint number.</summary>
    public ushort Number { get; }

    /// <summary>The endpoint this one is a part of (0 for a top-level endpoint); null for the root endpoint.</summary>
    public ushort? Parent { get; }

    /// <summary>How the endpoint's PartsList names the endpoints below it.</summary>
    public PartsListPattern Pattern { get; }

    /// <summary>The device types the endpoint claims.</summary>
    public IReadOnlyList<DeviceTypeDefinition> DeviceTypes { get; }

    /// <summary>Every cluster server on the endpoint, ascending by cluster id, the Descriptor included.</summary>
    public IReadOnlyList<ClusterServer> Servers { get; }

    /// <summary>The clusters the endpoint uses as a client, ascending.</summary>
    public IReadOnlyList<uint> ClientClusters { get; }

    /// <summary>The endpoint's semantic tags.</summary>
    public IReadOnlyList<Globals.SemanticTagStruct> Tags { get; }

    /// <summary>The endpoint's Descriptor server, which the node keeps filled.</summary>
    public ClusterServer Descriptor { get; }

    /// <summary>The server of a cluster on this endpoint, or null.</summary>
    public ClusterServer? FindServer(uint clusterId) => byCluster.GetValueOrDefault(clusterId);

    /// <summary>True when the endpoint claims the device type.</summary>
    public bool HasDeviceType(uint deviceTypeId)
    {
        // An index loop: access checks with device-type targets call this on every path, and an interface foreach allocates.
        for (var i = 0; i < DeviceTypes.Count; i++)
        {
            if (DeviceTypes[i].Id == deviceTypeId)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The endpoint of a definition, with its Descriptor server and the node's own servers added.</summary>
    internal static NodeEndpoint Create(EndpointDefinition definition, ClusterServerOptions descriptorOptions, IEnumerable<ClusterServer> nodeServers)
    {
        ClusterServer descriptor;
        if (definition.Tags.Count == 0)
        {
            descriptor = new DescriptorServer(descriptorOptions);
        }
        else
        {
            var tagged = new TaggedDescriptorServer(descriptorOptions);
            if (definition.Tags.Count <= DescriptorLists.MaxTags)
            {
                tagged.TagList = definition.Tags.ToArray();
            }

            descriptor = tagged;
        }

        var servers = definition.Servers.Concat(nodeServers).Append(descriptor)
            .OrderBy(server => server.Description.ClusterId).ToArray();
        var parent = definition.Number == 0 ? definition.Parent : definition.Parent ?? 0;
        return new NodeEndpoint(definition, parent, servers, descriptor);
    }

    /// <summary>A short name for messages: <c>endpoint 1</c>.</summary>
    public override string ToString() => $"endpoint {Number}";

    internal static string Describe(ClusterServer server) => ClusterIds.Describe(server.Description.ClusterId);
}
