using System;
using System.Collections.Generic;
using MatterGen.Interaction;
using MatterGen.Node.Clusters;
using MatterGen.Node.Composition;

namespace MatterGen.Node;

/// <summary>
/// One endpoint as the application describes it: its number, the endpoint it belongs to, its device types, the
/// cluster servers on it, the clusters it uses as a client and its semantic tags. The node adds the Descriptor
/// server itself and checks the whole when it is built (or when the endpoint is added to a running node).
/// </summary>
public sealed class EndpointDefinition
{
    private readonly List<DeviceTypeDefinition> deviceTypes = [];
    private readonly List<ClusterServer> servers = [];
    private readonly List<uint> clients = [];
    private readonly List<Globals.SemanticTagStruct> tags = [];

    /// <summary>Starts the description of endpoint <paramref name="number"/>.</summary>
    public EndpointDefinition(ushort number)
    {
        Number = number;
    }

    /// <summary>The endpoint number (0 is the root node; 0xFFFF is the wildcard and never an endpoint).</summary>
    public ushort Number { get; }

    /// <summary>The endpoint this one is a part of; null puts it directly under the root node.</summary>
    public ushort? Parent { get; private set; }

    /// <summary>How this endpoint's PartsList names the endpoints below it.</summary>
    public PartsListPattern Pattern { get; private set; } = PartsListPattern.Tree;

    /// <summary>The device types the endpoint claims, in the order given.</summary>
    public IReadOnlyList<DeviceTypeDefinition> DeviceTypes => deviceTypes;

    /// <summary>The application's cluster servers on the endpoint (the node adds its own).</summary>
    public IReadOnlyList<ClusterServer> Servers => servers;

    /// <summary>The clusters the endpoint uses as a client.</summary>
    public IReadOnlyList<uint> ClientClusters => clients;

    /// <summary>The endpoint's semantic tags (Descriptor TagList; at most six).</summary>
    public IReadOnlyList<Globals.SemanticTagStruct> Tags => tags;

    /// <summary>Claims a device type.</summary>
    public EndpointDefinition WithDeviceType(DeviceTypeDefinition deviceType)
    {
        ArgumentNullException.ThrowIfNull(deviceType);
        deviceTypes.Add(deviceType);
        return this;
    }

    /// <summary>Puts a cluster server on the endpoint; its <see cref="ClusterServerOptions.Endpoint"/> must be this endpoint.</summary>
    public EndpointDefinition WithServer(ClusterServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        servers.Add(server);
        return this;
    }

    /// <summary>Declares a cluster the endpoint uses as a client (Descriptor ClientList).</summary>
    public EndpointDefinition WithClient(uint clusterId)
    {
        clients.Add(clusterId);
        return this;
    }

    /// <summary>Adds a semantic tag; an endpoint with tags gets the Descriptor's TagList feature.</summary>
    public EndpointDefinition WithTag(Globals.SemanticTagStruct tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        tags.Add(tag);
        return this;
    }

    /// <summary>Makes the endpoint a part of another endpoint (a composed device) instead of a top-level one.</summary>
    public EndpointDefinition PartOf(ushort parent)
    {
        Parent = parent;
        return this;
    }

    /// <summary>Chooses how the endpoint's PartsList names the endpoints below it (tree by default).</summary>
    public EndpointDefinition WithPartsListPattern(PartsListPattern pattern)
    {
        Pattern = pattern;
        return this;
    }
}
