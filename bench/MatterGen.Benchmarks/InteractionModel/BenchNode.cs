using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MatterGen.DataModel;
using MatterGen.Interaction;
using MatterGen.InteractionModel;
using MatterGen.InteractionModel.Messages;
using MatterGen.Messaging;

namespace MatterGen.Benchmarks.InteractionModel;

/// <summary>A charger node for the benchmarks: EVSE servers with their mode clusters on endpoints 1 and 2, every access granted.</summary>
internal sealed class BenchNode : IDataModel, IAccessControl
{
    private readonly SortedDictionary<ushort, List<ClusterServer>> endpoints = [];

    public IReadOnlyList<ushort> Endpoints => endpoints.Keys.ToList();

    public IAccessControl AccessControl => this;

    public BenchNode Add(ClusterServer server)
    {
        if (!endpoints.TryGetValue(server.Endpoint, out var servers))
        {
            endpoints[server.Endpoint] = servers = [];
        }

        servers.Add(server);
        servers.Sort((a, b) => a.Description.ClusterId.CompareTo(b.Description.ClusterId));
        return this;
    }

    public IReadOnlyList<ClusterServer> ServersOn(ushort endpoint) => endpoints.TryGetValue(endpoint, out var servers) ? servers : [];

    public ClusterServer? FindServer(ushort endpoint, uint clusterId)
    {
        foreach (var server in ServersOn(endpoint))
        {
            if (server.Description.ClusterId == clusterId)
            {
                return server;
            }
        }

        return null;
    }

    public bool IsGranted(in SubjectDescriptor subject, ushort endpoint, uint clusterId, Privilege privilege) => true;
}

/// <summary>
/// The node's side of an exchange with no transport under it: keeps what the engine sends and answers every
/// report chunk with SUCCESS at once, so a benchmark measures the Interaction Model alone.
/// </summary>
internal sealed class BenchExchange : IMessageExchange, IMessageSession
{
    private static readonly ProtocolMessage Success = InteractionMessageWriter.ToProtocolMessage(new StatusResponse(MatterStatus.Success));

    public int Sent { get; private set; }

    public int Bytes { get; private set; }

    public ProtocolMessage Last { get; private set; }

    public IMessageSession Session => this;

    public SubjectDescriptor Subject => new(SessionAuthMode.Case, 0x1122, 1);

    public int MaxPayloadSize => 1200;

    public CancellationToken Closed => CancellationToken.None;

    public IMessageExchange CreateExchange() => this;

    public ValueTask SendAsync(ProtocolMessage message, bool expectResponse = true, CancellationToken cancellationToken = default)
    {
        Sent++;
        Bytes += message.Payload.Length;
        Last = message;
        return ValueTask.CompletedTask;
    }

    /// <summary>What the next receive returns once (the request after a TimedRequest); SUCCESS after it.</summary>
    public ProtocolMessage? FollowUp { get; set; }

    public ValueTask<ProtocolMessage> ReceiveAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var next = FollowUp ?? Success;
        FollowUp = null;
        return ValueTask.FromResult(next);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public void Reset()
    {
        Sent = 0;
        Bytes = 0;
    }
}
