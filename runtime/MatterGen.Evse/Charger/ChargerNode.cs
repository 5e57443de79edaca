using System;
using System.Collections.Generic;
using MatterGen.Evse.Device;
using MatterGen.Evse.Modes;
using MatterGen.Node;
using MatterGen.Node.Composition;
using MatterGen.Node.Diagnostics;
using MatterGen.TestEvents;
using Microsoft.Extensions.Logging;

namespace MatterGen.Evse.Charger;

/// <summary>
/// The charger as a Matter node: endpoint 0 the root node, endpoint 1 an EVSE (device type 0x050C) with the
/// Energy EVSE server (and its controller) and the Energy EVSE Mode server, put together and checked by
/// <see cref="MatterNodeBuilder"/>. General Diagnostics on the root carries the test event triggers; the Energy
/// EVSE codes are registered in it, and they run only when its options give an enable key.
/// </summary>
public sealed class ChargerNode : IDisposable
{
    /// <summary>The endpoint of the EVSE.</summary>
    public const ushort EvseEndpoint = 1;

    private readonly IDisposable triggerRegistration;

    private ChargerNode(MatterNode node, EnergyEvseDevice evse, EnergyEvseModes modes, EnergyEvseModeServer modeServer, GeneralDiagnosticsDevice diagnostics, TestEventTriggerRegistry triggers, IDisposable triggerRegistration)
    {
        Node = node;
        Evse = evse;
        Modes = modes;
        ModeServer = modeServer;
        Diagnostics = diagnostics;
        TestEventTriggers = triggers;
        this.triggerRegistration = triggerRegistration;
    }

    /// <summary>
    /// The root-node clusters this repository does not serve yet (they come with commissioning), which the node
    /// therefore waives; each waiver must go when its cluster arrives.
    /// </summary>
    public static IReadOnlyList<uint> RootClustersNotYetServed { get; } =
    [
        ClusterIds.GeneralCommissioning,
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

    /// <summary>General Diagnostics on the root endpoint: reboot count, up time and the test event triggers.</summary>
    public GeneralDiagnosticsDevice Diagnostics { get; }

    /// <summary>The node's test event triggers; the Energy EVSE codes are registered in it.</summary>
    public TestEventTriggerRegistry TestEventTriggers { get; }

    /// <summary>
    /// Builds the charger node: a standard charger (ChargingPreferences, RFID) or, with <paramref name="bidirectional"/>,
    /// one with every Energy EVSE feature. <paramref name="diagnosticsOptions"/> sets General Diagnostics; without
    /// an enable key in it (the default) the test event triggers are refused.
    /// </summary>
    /// <exception cref="CompositionException">The composition breaks a rule (it does not, unless a waiver has gone stale).</exception>
    public static ChargerNode Create(
        MatterNodeOptions nodeOptions,
        EnergyEvseOptions? evseOptions = null,
        bool bidirectional = false,
        ILoggerFactory? loggers = null,
        GeneralDiagnosticsOptions? diagnosticsOptions = null)
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
        var triggers = new TestEventTriggerRegistry();
        GeneralDiagnosticsDevice? diagnostics = null;
        IDisposable? registration = null;
        try
        {
            diagnostics = new GeneralDiagnosticsDevice(triggers, diagnosticsOptions, builder.ServerOptions(0));
            registration = evse.RegisterTestEventTriggers(triggers);
            var (modes, modeServer) = EnergyEvseModes.Create(serverOptions);
            builder.Root.WithServer(diagnostics.Server);
            builder.AddEndpoint(EvseEndpoint)
                .WithDeviceType(DeviceTypes.Evse)
                .WithServer(evse.Server)
                .WithServer(modeServer);
            return new ChargerNode(builder.Build(), evse, modes, modeServer, diagnostics, triggers, registration);
        }
        catch
        {
            registration?.Dispose();
            diagnostics?.Dispose();
            evse.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        triggerRegistration.Dispose();
        Diagnostics.Dispose();
        Evse.Dispose();
    }
}
