using System.Collections.Generic;
using MatterGen.Interaction;
using MatterGen.InteractionModel.Messages;
using MatterGen.InteractionModel.Server;

namespace MatterGen.InteractionModel.Paths;

/// <summary>A cluster instance whose events (one, or all when <paramref name="Event"/> is null) a path asks for.</summary>
/// <param name="Endpoint">The endpoint.</param>
/// <param name="Server">The cluster server.</param>
/// <param name="Event">The event id, or null for all.</param>
/// <param name="IsUrgent">The path asked for urgent reporting.</param>
internal readonly record struct EventSource(ushort Endpoint, ClusterServer Server, uint? Event, bool IsUrgent);

/// <summary>
/// Expands event paths (Core Specification 8.9.2.3): a concrete path to something absent or denied gets
/// UNSUPPORTED_ENDPOINT, _CLUSTER, _EVENT or _ACCESS; a wildcard skips it silently.
/// </summary>
internal static class EventPathExpander
{
    public static StatusIB? Expand(IDataModel model, AccessScope access, EventPath path, List<EventSource> into)
    {
        var urgent = path.IsUrgent ?? false;
        if (path.IsConcrete)
        {
            var endpoint = path.Endpoint!.Value;
            if (model.FindServer(endpoint, path.Cluster!.Value) is not { } server)
            {
                return new StatusIB(AttributePathExpander.MissingClusterStatus(model, endpoint));
            }

            if (server.Description.FindEvent(path.Event!.Value) is not { } metadata)
            {
                return new StatusIB(MatterStatus.UnsupportedEvent);
            }

            if (!access.Allows(endpoint, server.Description.ClusterId, metadata.ReadPrivilege))
            {
                return new StatusIB(MatterStatus.UnsupportedAccess);
            }

            into.Add(new EventSource(endpoint, server, path.Event, urgent));
            return null;
        }

        IEnumerable<ushort> endpoints = path.Endpoint is { } one ? [one] : model.Endpoints;
        foreach (var endpoint in endpoints)
        {
            IEnumerable<ClusterServer> servers = path.Cluster is { } cluster
                ? model.FindServer(endpoint, cluster) is { } found ? [found] : []
                : model.ServersOn(endpoint);
            foreach (var server in servers)
            {
                if (path.Event is { } id && server.Description.FindEvent(id) is null || server.Description.Events.Count == 0
                    || !access.Allows(endpoint, server.Description.ClusterId, DataModel.Privilege.View))
                {
                    continue;
                }

                // Events that need more than View are dropped one by one when read (ClusterServer.ReadEvents).
                into.Add(new EventSource(endpoint, server, path.Event, urgent));
            }
        }

        return null;
    }
}
