using System;
using System.Collections.Generic;
using System.Linq;
using MatterGen.Interaction;
using MatterGen.InteractionModel;
using MatterGen.Node.Access;
using MatterGen.Node.Composition;
using MatterGen.Node.Information;

namespace MatterGen.Node;

/// <summary>
/// A Matter node: endpoints with their device types and cluster servers, endpoint 0 the root node with the
/// Descriptor, Basic Information, Access Control, General Commissioning and Operational Credentials servers. It is the <see cref="IDataModel"/> an Interaction
/// Model engine serves, with its access control. Every endpoint's Descriptor follows the composition, also when
/// endpoints are added or removed while the node runs; such a change is checked like the first build and refused
/// whole when it breaks a rule. Thread-safe: readers see one consistent composition at a time.
/// </summary>
public sealed class MatterNode : IDataModel
{
    private static readonly IReadOnlyList<ClusterServer> NoServers = [];

    private readonly object gate = new();
    private readonly MatterNodeOptions options;
    private readonly IReadOnlyList<CompositionWaiver> waivers;
    private volatile Composition composition;

    internal MatterNode(
        MatterNodeOptions options,
        EventLog eventLog,
        BasicInformationServer information,
        AccessControlServer accessControl,
        NodeCommissioning commissioning,
        IReadOnlyList<NodeEndpoint> endpoints,
        IReadOnlyList<CompositionWaiver> waivers)
    {
        this.options = options;
        this.waivers = waivers;
        EventLog = eventLog;
        BasicInformation = information;
        AccessControlServer = accessControl;
        Commissioning = commissioning;

        // However a fabric leaves (RemoveFabric, LeaveFabric, the fail-safe rolling back AddNOC), its data goes.
        commissioning.Fabrics.FabricRemoved += fabric => ForgetFabricData(fabric.Index);
        AccessChecker = new AccessControlChecker(accessControl, (endpoint, deviceType) => Endpoint(endpoint)?.HasDeviceType(deviceType) == true);
        composition = new Composition(endpoints);
        DescriptorLists.Apply(composition.Endpoints);
        JoinGroupKeysToFabrics();
    }

    /// <summary>Raised after endpoints were added or removed and every Descriptor was brought up to date.</summary>
    public event Action? CompositionChanged;

    /// <inheritdoc/>
    public IReadOnlyList<ushort> Endpoints => composition.Numbers;

    /// <summary>Every endpoint, ascending; the root endpoint first.</summary>
    public IReadOnlyList<NodeEndpoint> EndpointList => composition.Endpoints;

    /// <inheritdoc/>
    public IAccessControl AccessControl => AccessChecker;

    /// <summary>The access control as its concrete type, which also tells the highest privilege a subject holds.</summary>
    public AccessControlChecker AccessChecker { get; }

    /// <summary>The Basic Information server on endpoint 0.</summary>
    public BasicInformationServer BasicInformation { get; }

    /// <summary>The Access Control server on endpoint 0.</summary>
    public AccessControlServer AccessControlServer { get; }

    /// <summary>
    /// The node's commissioning: its fabric table, the fail-safe, General Commissioning and Operational Credentials.
    /// A <see cref="Network.MatterDeviceHost"/> binds it to the network.
    /// </summary>
    public NodeCommissioning Commissioning { get; }

    /// <summary>The fabrics the node is on (<see cref="NodeCommissioning.Fabrics"/>).</summary>
    public MatterGen.Transport.Fabrics.FabricTable Fabrics => Commissioning.Fabrics;

    /// <summary>The node-wide event log every server of the node records into.</summary>
    public EventLog EventLog { get; }

    /// <summary>The mandatory clusters the node knowingly goes without, with the reasons.</summary>
    public IReadOnlyList<CompositionWaiver> Waivers => waivers;

    /// <summary>One endpoint, or null when the node has no such endpoint.</summary>
    public NodeEndpoint? Endpoint(ushort number) => composition.ByNumber.GetValueOrDefault(number);

    /// <inheritdoc/>
    public IReadOnlyList<ClusterServer> ServersOn(ushort endpoint) => Endpoint(endpoint)?.Servers ?? NoServers;

    /// <inheritdoc/>
    public ClusterServer? FindServer(ushort endpoint, uint clusterId) => Endpoint(endpoint)?.FindServer(clusterId);

    /// <summary>The options a server for a new endpoint should be made with: the node's clock, store and event log.</summary>
    public ClusterServerOptions ServerOptions(ushort endpoint) => MatterNodeBuilder.ServerOptionsFor(options, EventLog, endpoint);

    /// <summary>Adds an endpoint to the running node and updates every Descriptor.</summary>
    /// <exception cref="CompositionException">The node with this endpoint would break a rule; nothing changed.</exception>
    public NodeEndpoint AddEndpoint(EndpointDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.Number == 0)
        {
            throw new CompositionException("Endpoint 0 is the root node; it exists from the start and is never added.");
        }

        var added = NodeEndpoint.Create(definition, ServerOptions(definition.Number), []);
        Change(endpoints => endpoints.Append(added));
        return added;
    }

    /// <summary>Removes an endpoint (never the root, never one that still has parts) and updates every Descriptor.</summary>
    /// <exception cref="CompositionException">The node without this endpoint would break a rule; nothing changed.</exception>
    public void RemoveEndpoint(ushort number)
    {
        if (number == 0)
        {
            throw new CompositionException("Endpoint 0 is the root node and cannot be removed.");
        }

        if (Endpoint(number) is null)
        {
            throw new CompositionException($"The node has no endpoint {number} to remove.");
        }

        Change(endpoints => endpoints.Where(endpoint => endpoint.Number != number));
    }

    /// <summary>
    /// Records Leave for the fabric, then removes it from the fabric table: its access-control entries go with it,
    /// and a host closes its sessions (what RemoveFabric does). Forgets stray access-control entries of an index the
    /// table does not hold, and whatever every root server that is an <see cref="IFabricRemovalListener"/> keeps of
    /// it (key sets, group maps, the window's administrator).
    /// </summary>
    public void LeaveFabric(byte fabricIndex)
    {
        BasicInformation.AnnounceLeave(fabricIndex);
        Commissioning.FailSafe.ForgetFabric(fabricIndex);
        if (!Fabrics.Remove(fabricIndex))
        {
            ForgetFabricData(fabricIndex);
        }
    }

    /// <summary>
    /// Drops what the node keeps for a fabric that is gone: its access-control entries, and whatever else a root
    /// server keeps per fabric. Runs for every removal from the fabric table, whatever the cause.
    /// </summary>
    private void ForgetFabricData(byte fabricIndex)
    {
        AccessControlServer.RemoveFabric(fabricIndex);
        foreach (var server in ServersOn(0))
        {
            (server as IFabricRemovalListener)?.RemoveFabric(fabricIndex);
        }
    }

    // The root's Group Key Management (when the node serves it) keeps each fabric's IPK as key set 0: AddNOC writes it
    // there, and a KeySetWrite of set 0 replaces the IPK the fabric table gives CASE. Any node with the cluster gets
    // this, not only the charger.
    private void JoinGroupKeysToFabrics()
    {
        if (FindServer(0, Clusters.GroupKeyManagement.ClusterId) is GroupKeys.GroupKeyManagementServer { Device: { } groupKeys })
        {
            groupKeys.Fabrics ??= Fabrics;
            Commissioning.OperationalCredentials.GroupKeys = groupKeys;
        }
    }

    /// <summary>Records ShutDown before an orderly stop.</summary>
    public void ShutDown() => BasicInformation.AnnounceShutDown();

    private void Change(Func<IEnumerable<NodeEndpoint>, IEnumerable<NodeEndpoint>> edit)
    {
        lock (gate)
        {
            var candidate = edit(composition.Endpoints).ToList();
            var errors = CompositionRules.Check(candidate, waivers);
            if (errors.Count > 0)
            {
                throw new CompositionException(errors);
            }

            // New endpoints are filled before they show and the ones already showing after the swap, so whoever
            // hears a list change (a subscription) finds the endpoints it names in the node, filled.
            var next = new Composition(candidate);
            var showing = composition.Endpoints.ToHashSet();
            DescriptorLists.Apply(next.Endpoints, endpoint => !showing.Contains(endpoint));
            composition = next;
            DescriptorLists.Apply(next.Endpoints, showing.Contains);
        }

        CompositionChanged?.Invoke();
    }

    /// <summary>One consistent view of the endpoints, swapped whole.</summary>
    private sealed class Composition
    {
        public Composition(IEnumerable<NodeEndpoint> endpoints)
        {
            Endpoints = endpoints.OrderBy(endpoint => endpoint.Number).ToArray();
            Numbers = Endpoints.Select(endpoint => endpoint.Number).ToArray();
            ByNumber = Endpoints.ToDictionary(endpoint => endpoint.Number);
        }

        public IReadOnlyList<NodeEndpoint> Endpoints { get; }

        public IReadOnlyList<ushort> Numbers { get; }

        public Dictionary<ushort, NodeEndpoint> ByNumber { get; }
    }
}
