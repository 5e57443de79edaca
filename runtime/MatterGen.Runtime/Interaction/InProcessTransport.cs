using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MatterGen.DataModel;

namespace MatterGen.Interaction;

/// <summary>
/// Connects clients to servers in the same process through TLV bytes only: every request and answer is
/// copied, so a test sees exactly the bytes a network peer would and shares no objects with the server.
/// </summary>
public sealed class InProcessTransport : IInteractionTransport
{
    private readonly Dictionary<(ushort Endpoint, uint Cluster), ClusterServer> servers = new();

    /// <summary>A transport whose requests carry <paramref name="privilege"/>.</summary>
    /// <param name="privilege">The privilege access control grants the requester.</param>
    /// <param name="fabricIndex">The requester's fabric index.</param>
    public InProcessTransport(Privilege privilege = Privilege.Administer, byte fabricIndex = 1)
    {
        Privilege = privilege;
        FabricIndex = fabricIndex;
    }

    /// <summary>The requester's privilege.</summary>
    public Privilege Privilege { get; }

    /// <summary>The requester's fabric index.</summary>
    public byte FabricIndex { get; }

    /// <summary>Makes a server reachable at its endpoint.</summary>
    public InProcessTransport Add(ClusterServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        servers[(server.Endpoint, server.Description.ClusterId)] = server;
        return this;
    }

    /// <summary>The same servers, reached with another privilege.</summary>
    public InProcessTransport WithPrivilege(Privilege privilege)
    {
        var other = new InProcessTransport(privilege, FabricIndex);
        foreach (var server in servers.Values)
        {
            other.Add(server);
        }

        return other;
    }

    /// <inheritdoc/>
    public ValueTask<AttributeReadResult> ReadAttributeAsync(ushort endpoint, uint clusterId, uint attributeId, CancellationToken cancellationToken = default)
    {
        if (Find(endpoint, clusterId, out var status) is not { } server)
        {
            return ValueTask.FromResult(new AttributeReadResult(status, ReadOnlyMemory<byte>.Empty, 0));
        }

        var result = server.ReadAttribute(attributeId, Context(server, timed: false));
        return ValueTask.FromResult(result with { Value = result.Value.ToArray() });
    }

    /// <inheritdoc/>
    public ValueTask<MatterStatus> WriteAttributeAsync(ushort endpoint, uint clusterId, uint attributeId, ReadOnlyMemory<byte> value, bool timed, CancellationToken cancellationToken = default)
    {
        if (Find(endpoint, clusterId, out var status) is not { } server)
        {
            return ValueTask.FromResult(status);
        }

        return ValueTask.FromResult(server.WriteAttribute(attributeId, value.ToArray(), Context(server, timed)));
    }

    /// <inheritdoc/>
    public async ValueTask<InvokeResult> InvokeAsync(ushort endpoint, uint clusterId, uint commandId, ReadOnlyMemory<byte> fields, bool timed, CancellationToken cancellationToken = default)
    {
        if (Find(endpoint, clusterId, out var status) is not { } server)
        {
            return InvokeResult.FromStatus(status);
        }

        var result = await server.InvokeAsync(commandId, fields.ToArray(), Context(server, timed), cancellationToken).ConfigureAwait(false);
        return result with { Response = result.Response.ToArray() };
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<EventRecord>> ReadEventsAsync(ushort endpoint, uint clusterId, ulong fromEventNumber, CancellationToken cancellationToken = default)
    {
        if (Find(endpoint, clusterId, out var status) is not { } server)
        {
            return ValueTask.FromException<IReadOnlyList<EventRecord>>(new MatterStatusException(status));
        }

        IReadOnlyList<EventRecord> events = server.ReadEvents(fromEventNumber, Context(server, timed: false))
            .Select(record => record with { Payload = record.Payload.ToArray() })
            .ToList();
        return ValueTask.FromResult(events);
    }

    private RequestContext Context(ClusterServer server, bool timed) => new(Privilege, timed, FabricIndex, server.Time);

    private ClusterServer? Find(ushort endpoint, uint clusterId, out MatterStatus status)
    {
        if (servers.TryGetValue((endpoint, clusterId), out var server))
        {
            status = MatterStatus.Success;
            return server;
        }

        status = servers.Keys.Any(key => key.Endpoint == endpoint) ? MatterStatus.UnsupportedCluster : MatterStatus.UnsupportedEndpoint;
        return null;
    }
}
