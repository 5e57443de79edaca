using System;
using System.Collections.Generic;
using System.Linq;
using MatterGen.Interaction;
using MatterGen.Node.Access;
using MatterGen.Node.Composition;
using MatterGen.Node.Information;

namespace MatterGen.Node;

/// <summary>
/// Puts a node together: endpoint 0 as the root node (device type 0x0016) with the node's own Descriptor, Basic
/// Information, Access Control, General Commissioning and Operational Credentials servers (the last two work on the
/// node's <see cref="NodeCommissioning"/>), and the application's endpoints. <see cref="Build"/> checks the whole
/// composition and throws one <see cref="CompositionException"/> that lists every problem, each naming the
/// endpoint and the device type or cluster.
/// </summary>
public sealed class MatterNodeBuilder
{
    private readonly MatterNodeOptions options;
    private readonly EventLog eventLog;
    private readonly List<EndpointDefinition> definitions = [];
    private readonly List<CompositionWaiver> waivers = [];

    /// <summary>Starts a node with the given options; endpoint 0 already claims the Root Node device type.</summary>
    public MatterNodeBuilder(MatterNodeOptions options)
    {
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        ArgumentNullException.ThrowIfNull(options.Information, nameof(options.Information));
        eventLog = options.EventLog ?? new EventLog();
        Root = new EndpointDefinition(0).WithDeviceType(DeviceTypes.RootNode);
        definitions.Add(Root);
    }

    /// <summary>The root endpoint, for node-wide servers the application adds (diagnostics, commissioning, ...).</summary>
    public EndpointDefinition Root { get; }

    /// <summary>Adds endpoint <paramref name="number"/> and returns its definition to fill in.</summary>
    public EndpointDefinition AddEndpoint(ushort number)
    {
        var definition = new EndpointDefinition(number);
        definitions.Add(definition);
        return definition;
    }

    /// <summary>Adds an endpoint described elsewhere.</summary>
    public MatterNodeBuilder AddEndpoint(EndpointDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        definitions.Add(definition);
        return this;
    }

    /// <summary>
    /// Lets the node go without a mandatory cluster for a stated reason; the node lists its waivers, and a waiver
    /// for a cluster that is present fails the build.
    /// </summary>
    public MatterNodeBuilder Waive(ushort endpoint, uint clusterId, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        waivers.Add(new CompositionWaiver(endpoint, clusterId, reason));
        return this;
    }

    /// <summary>The options a server on <paramref name="endpoint"/> should be made with: the node's clock, store and event log.</summary>
    public ClusterServerOptions ServerOptions(ushort endpoint) => ServerOptionsFor(options, eventLog, endpoint);

    /// <summary>Makes the node's own servers, checks the composition, fills every Descriptor and records StartUp.</summary>
    /// <exception cref="CompositionException">The composition breaks a rule; every problem is listed.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A Basic Information or access-control option is out of bounds.</exception>
    public MatterNode Build()
    {
        var rootOptions = ServerOptions(0);
        var information = new BasicInformationServer(rootOptions, options.Information);
        var accessControl = new AccessControlServer(rootOptions, options.AccessControl);

        // The device type a development certification declaration names: the first application endpoint's.
        var deviceType = definitions.Where(definition => definition != Root).SelectMany(definition => definition.DeviceTypes)
            .Select(type => type.Id).DefaultIfEmpty(DeviceTypes.RootNode.Id).First();
        var commissioning = new NodeCommissioning(options, rootOptions, accessControl, information, () => deviceType);
        try
        {
            var endpoints = definitions.Select(definition => NodeEndpoint.Create(
                definition,
                ServerOptions(definition.Number),
                definition == Root
                    ? [information, accessControl, commissioning.GeneralCommissioning.Server, commissioning.OperationalCredentials.Server]
                    : [])).ToList();

            var errors = CompositionRules.Check(endpoints, waivers);
            if (errors.Count > 0)
            {
                throw new CompositionException(errors);
            }

            var node = new MatterNode(options, eventLog, information, accessControl, commissioning, endpoints, waivers.ToArray());
            information.AnnounceStartUp();
            return node;
        }
        catch
        {
            commissioning.Dispose();
            throw;
        }
    }

    internal static ClusterServerOptions ServerOptionsFor(MatterNodeOptions options, EventLog eventLog, ushort endpoint) => new()
    {
        Endpoint = endpoint,
        Time = options.Time,
        Store = options.Store,
        EventLog = eventLog,
    };
}
