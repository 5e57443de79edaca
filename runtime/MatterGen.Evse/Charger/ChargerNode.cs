using System;
using System.Collections.Generic;
using MatterGen.Evse.Device;
using MatterGen.Evse.Modes;
using MatterGen.Node;
using MatterGen.Node.Composition;
using Microsoft.Extensions.Logging;

namespace MatterGen.Evse.Charger;

/// <summary>
/// The charger as a Matter node: endpoint 0 the root node, endpoint 1 an EVSE (device type 0x050C) with the
/// Energy EVSE server (and its controller) and the Energy EVSE Mode server, put together and checked by
/// <see cref="MatterNodeBuilder"/>.
/// </summary>
public sealed class ChargerNode : IDisposable
{
    /// <summary>The endpoint of the EVSE.</summary>
    public const ushort EvseEndpoint = 1;

    private ChargerNode(MatterNode node, EnergyEvseDevice evse, EnergyEvseModes modes, EnergyEvseModeServer modeServer)
    {
        Node = node;
        Evse = evse;
        Modes = modes;
        ModeServer = modeServer;
    }

    /// <summary>
    /// The root-node clusters this repository does not serve yet (they come with commissioning), which the node
    /// therefore waives; each waiver must go when its cluster arrives.
    /// </summary>
    public static IReadOnlyList<uint> RootClustersNotYetServed { get; } =
    [
        ClusterIds.GeneralCommissioning,
        ClusterIds.GeneralDiagnostics,
        ClusterIds.AdministratorCommissioning,
        ClusterIds.NodeOperationalCredentials,
        ClusterIds.GroupKeyManagement,
    ];

    /// <summary>The node: what an Interaction Model engine serves.</summary>
    public MatterNode Node { get; }

    /// <summary>The Energy EVSE device on endpoint 1: its controller takes the hardware's inputs.</summary>
    public EnergyEvseDevice Evse { get; }

    /// <summary>The Energy EVSE Mode driver on endpoint 1.</summary>
    public EnergyEvseModes Modes { get; }

    /// <summary>The Energy EVSE Mode server on endpoint 1.</summary>
    public EnergyEvseModeServer ModeServer { get; }

    /// <summary>
    /// Builds the charger node: a standard charger (ChargingPreferences, RFID) or, with <paramref name="bidirectional"/>,
    /// one with every Energy EVSE feature.
    /// </summary>
    /// <exception cref="CompositionException">The composition breaks a rule (it does not, unless a waiver has gone stale).</exception>
    public static ChargerNode Create(MatterNodeOptions nodeOptions, EnergyEvseOptions? evseOptions = null, bool bidirectional = false, ILoggerFactory? loggers = null)
    {
        ArgumentNullException.ThrowIfNull(nodeOptions);
        var builder = new MatterNodeBuilder(nodeOptions);
        foreach (var clusterId in RootClustersNotYetServed)
        {
            builder.Waive(0, clusterId, "commissioning clusters are not implemented yet");
        }

        var serverOptions = builder.ServerOptions(EvseEndpoint);
        var evse = bidirectional
            ? EnergyEvseDevice.CreateBidirectional(evseOptions, serverOptions, loggers)
            : EnergyEvseDevice.CreateStandard(evseOptions, serverOptions, loggers);
        try
        {
            var (modes, modeServer) = EnergyEvseModes.Create(serverOptions);
            builder.AddEndpoint(EvseEndpoint)
                .WithDeviceType(DeviceTypes.Evse)
                .WithServer(evse.Server)
                .WithServer(modeServer);
            return new ChargerNode(builder.Build(), evse, modes, modeServer);
        }
        catch
        {
            evse.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public void Dispose() => Evse.Dispose();
}
