using System;
using System.Collections.Generic;
using System.Linq;
using MatterGen.Node.Clusters;

namespace MatterGen.Node.Composition;

/// <summary>Fills every endpoint's Descriptor from the composition (Core Specification 9.5).</summary>
internal static class DescriptorLists
{
    /// <summary>The most semantic tags a Descriptor's TagList holds.</summary>
    public const int MaxTags = 6;

    /// <summary>
    /// Sets DeviceTypeList, ServerList, ClientList and PartsList of every endpoint. The root endpoint lists every
    /// other endpoint; a tree-pattern endpoint its direct children; a full-family one all its descendants. A
    /// setter reports only a list that actually changed. With <paramref name="which"/>, fills only the endpoints
    /// it selects (the lists still describe all of <paramref name="endpoints"/>).
    /// </summary>
    public static void Apply(IReadOnlyList<NodeEndpoint> endpoints, Func<NodeEndpoint, bool>? which = null)
    {
        var children = endpoints.Where(endpoint => endpoint.Parent is not null)
            .ToLookup(endpoint => endpoint.Parent!.Value, endpoint => endpoint.Number);
        foreach (var endpoint in endpoints.Where(endpoint => which?.Invoke(endpoint) != false))
        {
            var lists = (IDescriptorLists)endpoint.Descriptor;
            lists.DeviceTypeList = endpoint.DeviceTypes
                .Select(deviceType => new Descriptor.DeviceTypeStruct { DeviceType = deviceType.Id, Revision = deviceType.Revision })
                .ToArray();
            lists.ServerList = endpoint.Servers.Select(server => server.Description.ClusterId).ToArray();
            lists.ClientList = endpoint.ClientClusters.ToArray();
            lists.PartsList = PartsOf(endpoint, endpoints, children);
        }
    }

    private static ushort[] PartsOf(NodeEndpoint endpoint, IReadOnlyList<NodeEndpoint> endpoints, ILookup<ushort, ushort> children)
    {
        if (endpoint.Number == 0)
        {
            return endpoints.Where(other => other.Number != 0).Select(other => other.Number).Order().ToArray();
        }

        if (endpoint.Pattern == PartsListPattern.Tree)
        {
            return children[endpoint.Number].Order().ToArray();
        }

        // Full family: every descendant, walked breadth first; the composition check has ruled out cycles.
        var parts = new SortedSet<ushort>();
        var pending = new Queue<ushort>(children[endpoint.Number]);
        while (pending.Count > 0 && parts.Count < endpoints.Count)
        {
            var part = pending.Dequeue();
            if (parts.Add(part))
            {
                foreach (var grandchild in children[part])
                {
                    pending.Enqueue(grandchild);
                }
            }
        }

        return parts.ToArray();
    }
}
