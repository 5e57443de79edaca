using System.Collections.Generic;
using System.Linq;
using MatterGen.Interaction;

namespace MatterGen.InteractionModel.Tests.Support;

/// <summary>A small data model for the engine's tests: endpoints with real generated servers, and a replaceable access control.</summary>
public sealed class TestNode : IDataModel
{
    private readonly SortedDictionary<ushort, List<ClusterServer>> endpoints = [];

    public IReadOnlyList<ushort> Endpoints => endpoints.Keys.ToList();

    public IAccessControl AccessControl { get; set; } = TableAccessControl.AdministerAll;

    public TestNode Add(ClusterServer server)
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

    public ClusterServer? FindServer(ushort endpoint, uint clusterId) => ServersOn(endpoint).FirstOrDefault(s => s.Description.ClusterId == clusterId);
}
