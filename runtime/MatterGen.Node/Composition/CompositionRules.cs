using System.Collections.Generic;
using System.Linq;

namespace MatterGen.Node.Composition;

/// <summary>
/// The checks a node's composition must pass, each failure one sentence naming the endpoint and the device type
/// or cluster: endpoint numbers, the root node on endpoint 0 alone, parents that exist without cycles, servers
/// made for the endpoint they sit on, one server per cluster, root-only clusters on the root only, at most six
/// tags, every device type's mandatory clusters, and waivers that still waive something.
/// </summary>
internal static class CompositionRules
{
    private static readonly uint[] RootOnlyClusters = [ClusterIds.AccessControl, ClusterIds.BasicInformation];

    public static IReadOnlyList<string> Check(IReadOnlyList<NodeEndpoint> endpoints, IReadOnlyList<CompositionWaiver> waivers)
    {
        var errors = new List<string>();
        var byNumber = new Dictionary<ushort, NodeEndpoint>();
        foreach (var endpoint in endpoints)
        {
            if (endpoint.Number == 0xFFFF)
            {
                errors.Add("Endpoint 0xFFFF is the wildcard and cannot be an endpoint.");
            }
            else if (!byNumber.TryAdd(endpoint.Number, endpoint))
            {
                errors.Add($"Endpoint {endpoint.Number} is defined twice.");
            }
        }

        if (!byNumber.TryGetValue(0, out var root) || !root.HasDeviceType(DeviceTypes.RootNode.Id))
        {
            errors.Add($"Endpoint 0 must be the root node: it must exist and claim {DeviceTypes.RootNode}.");
        }

        foreach (var endpoint in byNumber.Values.OrderBy(endpoint => endpoint.Number))
        {
            CheckPlace(endpoint, byNumber, errors);
            CheckDeviceTypes(endpoint, errors);
            CheckServers(endpoint, errors);
            CheckMandatoryClusters(endpoint, waivers, errors);
        }

        foreach (var waiver in waivers)
        {
            if (!byNumber.TryGetValue(waiver.Endpoint, out var endpoint))
            {
                errors.Add($"A waiver names endpoint {waiver.Endpoint}, which the node does not have.");
            }
            else if (endpoint.FindServer(waiver.ClusterId) is not null)
            {
                errors.Add($"Endpoint {waiver.Endpoint} has {ClusterIds.Describe(waiver.ClusterId)} now: remove its waiver (\"{waiver.Reason}\").");
            }
        }

        return errors;
    }

    private static void CheckPlace(NodeEndpoint endpoint, Dictionary<ushort, NodeEndpoint> byNumber, List<string> errors)
    {
        if (endpoint.Number == 0)
        {
            if (endpoint.Parent is not null)
            {
                errors.Add("Endpoint 0 is the root node and cannot be a part of another endpoint.");
            }

            return;
        }

        if (endpoint.Parent is not { } parent || parent == endpoint.Number || !byNumber.ContainsKey(parent))
        {
            errors.Add($"Endpoint {endpoint.Number} is a part of endpoint {endpoint.Parent}, which the node does not have.");
            return;
        }

        // Walk up: reaching the root within as many steps as there are endpoints means no cycle.
        var current = parent;
        for (var steps = 0; current != 0; steps++)
        {
            if (steps > byNumber.Count || !byNumber.TryGetValue(current, out var up) || up.Parent is not { } next)
            {
                errors.Add($"Endpoint {endpoint.Number} does not reach the root endpoint through its parents (a cycle or a missing parent).");
                return;
            }

            current = next;
        }
    }

    private static void CheckDeviceTypes(NodeEndpoint endpoint, List<string> errors)
    {
        if (endpoint.DeviceTypes.Count == 0)
        {
            errors.Add($"Endpoint {endpoint.Number} claims no device type; the Descriptor's DeviceTypeList needs at least one.");
        }

        foreach (var duplicate in endpoint.DeviceTypes.GroupBy(deviceType => deviceType.Id).Where(group => group.Count() > 1))
        {
            errors.Add($"Endpoint {endpoint.Number} claims device type 0x{duplicate.Key:X4} more than once.");
        }

        foreach (var deviceType in endpoint.DeviceTypes)
        {
            if (deviceType.IsNodeScoped != (endpoint.Number == 0))
            {
                errors.Add(deviceType.IsNodeScoped
                    ? $"Endpoint {endpoint.Number} claims {deviceType}, which only endpoint 0 may claim."
                    : $"Endpoint 0 claims {deviceType}; the root endpoint carries node-wide device types only.");
            }
        }

        if (endpoint.Tags.Count > DescriptorLists.MaxTags)
        {
            errors.Add($"Endpoint {endpoint.Number} has {endpoint.Tags.Count} semantic tags; the Descriptor's TagList holds at most {DescriptorLists.MaxTags}.");
        }
    }

    private static void CheckServers(NodeEndpoint endpoint, List<string> errors)
    {
        foreach (var server in endpoint.Servers)
        {
            if (server.Endpoint != endpoint.Number)
            {
                errors.Add($"Endpoint {endpoint.Number} holds a {NodeEndpoint.Describe(server)} server made for endpoint {server.Endpoint} (ClusterServerOptions.Endpoint).");
            }
        }

        foreach (var duplicate in endpoint.Servers.GroupBy(server => server.Description.ClusterId).Where(group => group.Count() > 1))
        {
            errors.Add(duplicate.Key == ClusterIds.Descriptor
                ? $"Endpoint {endpoint.Number} was given a Descriptor server; the node makes and fills every endpoint's Descriptor itself."
                : $"Endpoint {endpoint.Number} has {duplicate.Count()} servers of {ClusterIds.Describe(duplicate.Key)}; an endpoint has one per cluster.");
        }

        if (endpoint.Number != 0)
        {
            foreach (var clusterId in RootOnlyClusters.Where(clusterId => endpoint.FindServer(clusterId) is not null))
            {
                errors.Add($"Endpoint {endpoint.Number} has {ClusterIds.Describe(clusterId)}, which belongs on the root endpoint only.");
            }
        }
    }

    private static void CheckMandatoryClusters(NodeEndpoint endpoint, IReadOnlyList<CompositionWaiver> waivers, List<string> errors)
    {
        bool Present(uint clusterId) => endpoint.FindServer(clusterId) is not null
            || waivers.Any(waiver => waiver.Endpoint == endpoint.Number && waiver.ClusterId == clusterId);

        foreach (var deviceType in endpoint.DeviceTypes)
        {
            var missing = deviceType.MandatoryServers.Where(clusterId => !Present(clusterId)).ToList();
            if (missing.Count > 0)
            {
                errors.Add($"Endpoint {endpoint.Number} claims device type {deviceType} but lacks its mandatory server cluster(s): {string.Join(", ", missing.Select(ClusterIds.Describe))}.");
            }

            foreach (var group in deviceType.AtLeastOneServerOf.Where(group => !group.Any(Present)))
            {
                errors.Add($"Endpoint {endpoint.Number} claims device type {deviceType} but has none of {string.Join(", ", group.Select(ClusterIds.Describe))}; it needs at least one.");
            }
        }
    }
}
