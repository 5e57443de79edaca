using System.Collections.Generic;
using MatterGen.Interaction;

namespace MatterGen.InteractionModel;

/// <summary>
/// What an Interaction Model engine serves: a node's endpoints and the cluster servers on each, and the access
/// control that guards them. The node (endpoints, Descriptor, Basic Information, Access Control) implements it;
/// the engine that turns IM messages into reads, writes, invokes and subscriptions depends only on this.
/// </summary>
public interface IDataModel
{
    /// <summary>The node's endpoints, ascending; endpoint 0 (the root node) first.</summary>
    IReadOnlyList<ushort> Endpoints { get; }

    /// <summary>The cluster servers on an endpoint, ascending by cluster id; empty when there is no such endpoint.</summary>
    IReadOnlyList<ClusterServer> ServersOn(ushort endpoint);

    /// <summary>The server of one cluster on one endpoint, or null when the endpoint or the cluster is absent.</summary>
    ClusterServer? FindServer(ushort endpoint, uint clusterId);

    /// <summary>The access control every read, write, invoke and event read is checked against.</summary>
    IAccessControl AccessControl { get; }

    /// <summary>
    /// Raised after endpoints were added or removed (and the Descriptors brought up to date), so running
    /// subscriptions take in new endpoints' servers. The default is a model whose composition never changes.
    /// </summary>
    event System.Action? CompositionChanged
    {
        add { }
        remove { }
    }
}
