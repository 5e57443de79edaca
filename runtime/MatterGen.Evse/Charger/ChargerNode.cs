using System;
using MatterGen.Evse.Device;
using MatterGen.Evse.EnergyManagement;
using MatterGen.Evse.Metering;
using MatterGen.Evse.Modes;
using MatterGen.Evse.TestEvents;
using MatterGen.Interaction;
using MatterGen.Node;
using MatterGen.Node.AdministratorCommissioning;
using MatterGen.Node.Composition;
using MatterGen.Node.Diagnostics;
using MatterGen.Node.GroupKeys;
using MatterGen.Node.NetworkCommissioning;
using MatterGen.TestEvents;
using Microsoft.Extensions.Logging;

namespace MatterGen.Evse.Charger;

/// <summary>
/// The charger as a Matter node: endpoint 0 the root node, endpoint 1 the charger with the device types EVSE
/// (0x050C: Energy EVSE and Energy EVSE Mode), Device Energy Management (0x050D: Device Energy Management and its Mode)
/// and Electrical Sensor (0x0510: Electrical Power Measurement, Electrical Energy Measurement and Power Topology), as
/// the reference energy-management application composes its EVSE: one endpoint, the meter measuring the whole node
/// (Power Topology NodeTopology). Put together and checked by
/// <see cref="MatterNodeBuilder"/>. General Diagnostics on the root carries the test event triggers; the Energy
/// EVSE and energy reporting codes are registered in it, and they run only when its options give an enable key.
/// The root also serves Administrator Commissioning (a <see cref="Node.Network.MatterDeviceHost"/> attaches its
/// window), Network Commissioning for the Ethernet interface and Group Key Management.
/// </summary>
public sealed class ChargerNode : IDisposable
{
    /// <summary>The endpoint of the EVSE.</summary>
    public const ushort EvseEndpoint = 1;

    private readonly IDisposable triggerRegistration;
    private readonly bool ownsEvse;

    private ChargerNode(MatterNode node, EnergyEvseDevice evse, bool ownsEvse, ElectricalSensorDevice sensor, EnergyManagementController energyManagement, EnergyManagementModes energyManagementModes, EnergyEvseModes modes, EnergyEvseModeServer modeServer, GeneralDiagnosticsDevice diagnostics, TestEventTriggerRegistry triggers, IDisposable triggerRegistration, RootCommissioning root)
    {
        AdministratorCommissioning = root.Administrator;
        NetworkCommissioning = root.Network;
        GroupKeys = root.GroupKeys;
        Node = node;
        Evse = evse;
        this.ownsEvse = ownsEvse;
        Sensor = sensor;
        EnergyManagement = energyManagement;
        EnergyManagementModes = energyManagementModes;
        Modes = modes;
        ModeServer = modeServer;
        Diagnostics = diagnostics;
        TestEventTriggers = triggers;
        this.triggerRegistration = triggerRegistration;
    }

    /// <summary>The node: what an Interaction Model engine serves.</summary>
    public MatterNode Node { get; }

    /// <summary>The Energy EVSE device on endpoint 1: its controller takes the hardware's inputs.</summary>
    public EnergyEvseDevice Evse { get; }

    /// <summary>The electrical sensor on endpoint 1: the hardware feeds the meter's readings to it.</summary>
    public ElectricalSensorDevice Sensor { get; }

    /// <summary>Device Energy Management on endpoint 1: power adjustments and the forecast, joined to the EVSE controller.</summary>
    public EnergyManagementController EnergyManagement { get; }

    /// <summary>Device Energy Management Mode on endpoint 1.</summary>
    public EnergyManagementModes EnergyManagementModes { get; }

    /// <summary>The Energy EVSE Mode driver on endpoint 1.</summary>
    public EnergyEvseModes Modes { get; }

    /// <summary>The Energy EVSE Mode server on endpoint 1.</summary>
    public EnergyEvseModeServer ModeServer { get; }

    /// <summary>General Diagnostics on the root endpoint: reboot count, up time and the test event triggers.</summary>
    public GeneralDiagnosticsDevice Diagnostics { get; }

    /// <summary>The node's test event triggers; the Energy EVSE codes are registered in it.</summary>
    public TestEventTriggerRegistry TestEventTriggers { get; }

    /// <summary>
    /// Administrator Commissioning on the root endpoint: a device host attaches its window; connect the General
    /// Commissioning fail-safe with <see cref="AdministratorCommissioningDevice.ConnectFailSafe"/>.
    /// </summary>
    public AdministratorCommissioningDevice AdministratorCommissioning { get; }

    /// <summary>Network Commissioning (Ethernet) on the root endpoint.</summary>
    public EthernetNetworkCommissioning NetworkCommissioning { get; }

    /// <summary>Group Key Management on the root endpoint: AddNOC writes the fabric's IPK with <see cref="GroupKeyManagementDevice.SetIpk"/>.</summary>
    public GroupKeyManagementDevice GroupKeys { get; }

    /// <summary>
    /// Builds the charger node: a standard charger (ChargingPreferences, RFID) or, with <paramref name="bidirectional"/>,
    /// one with every Energy EVSE feature (and exported energy counted). <paramref name="diagnosticsOptions"/> sets
    /// General Diagnostics; without an enable key in it (the default) the test event triggers are refused.
    /// <paramref name="sensorOptions"/> describes the meter (default an SDM630), <paramref name="energyManagementOptions"/>
    /// the supply (default single phase, 230 V) and the power adjustments accepted. <paramref name="networkInterfaceName"/>
    /// names the interface Network Commissioning reports (default the host's first Ethernet interface that is up).
    /// </summary>
    /// <exception cref="CompositionException">The composition breaks a rule (it does not, unless a waiver has gone stale).</exception>
    public static ChargerNode Create(
        MatterNodeOptions nodeOptions,
        EnergyEvseOptions? evseOptions = null,
        bool bidirectional = false,
        ILoggerFactory? loggers = null,
        GeneralDiagnosticsOptions? diagnosticsOptions = null,
        ElectricalSensorOptions? sensorOptions = null,
        EnergyManagementOptions? energyManagementOptions = null,
        string? networkInterfaceName = null)
    {
        ArgumentNullException.ThrowIfNull(nodeOptions);
        var builder = new MatterNodeBuilder(nodeOptions);
        var serverOptions = builder.ServerOptions(EvseEndpoint);
        var evse = bidirectional
            ? EnergyEvseDevice.CreateBidirectional(evseOptions, serverOptions, loggers)
            : EnergyEvseDevice.CreateStandard(evseOptions, serverOptions, loggers);
        return Compose(builder, evse, ownsEvse: true, bidirectional, diagnosticsOptions, sensorOptions, energyManagementOptions, networkInterfaceName);
    }

    /// <summary>
    /// Builds the charger node around an Energy EVSE device made elsewhere (a hardware station's), on endpoint
    /// <see cref="EvseEndpoint"/>: the node takes the device's clock and event log, so event numbers stay node-wide,
    /// and the device stays its maker's to dispose. The feature set (standard or bidirectional) is the device's.
    /// Feed <see cref="Sensor"/> from the station's meter. <paramref name="networkInterfaceName"/> names the interface
    /// Network Commissioning reports (default the host's first Ethernet interface that is up).
    /// </summary>
    /// <exception cref="ArgumentException">The device's server is not on <see cref="EvseEndpoint"/>.</exception>
    /// <exception cref="CompositionException">The composition breaks a rule.</exception>
    public static ChargerNode Create(
        MatterNodeOptions nodeOptions,
        EnergyEvseDevice evse,
        GeneralDiagnosticsOptions? diagnosticsOptions = null,
        ElectricalSensorOptions? sensorOptions = null,
        EnergyManagementOptions? energyManagementOptions = null,
        string? networkInterfaceName = null)
    {
        ArgumentNullException.ThrowIfNull(nodeOptions);
        ArgumentNullException.ThrowIfNull(evse);
        if (evse.Server.Endpoint != EvseEndpoint)
        {
            throw new ArgumentException($"The Energy EVSE server is on endpoint {evse.Server.Endpoint}; the charger node serves it on endpoint {EvseEndpoint}.", nameof(evse));
        }

        var builder = new MatterNodeBuilder(nodeOptions with { Time = evse.Server.Time, EventLog = evse.Server.EventLog });
        return Compose(builder, evse, ownsEvse: false, evse.Server is IEnergyEvseV2X, diagnosticsOptions, sensorOptions, energyManagementOptions, networkInterfaceName);
    }

    // PowerAdjustmentCapability and Forecast are X Q: reported at most once every 10 s (to and from null at once).
    private static ClusterServerOptions EnergyManagementServerOptions(ClusterServerOptions options) => new()
    {
        Endpoint = options.Endpoint,
        Time = options.Time,
        Store = options.Store,
        EventLog = options.EventLog,
        QuieterReportingInterval = TimeSpan.FromSeconds(10),
    };

    private static ChargerNode Compose(
        MatterNodeBuilder builder,
        EnergyEvseDevice evse,
        bool ownsEvse,
        bool bidirectional,
        GeneralDiagnosticsOptions? diagnosticsOptions,
        ElectricalSensorOptions? sensorOptions,
        EnergyManagementOptions? energyManagementOptions,
        string? networkInterfaceName)
    {
        var serverOptions = builder.ServerOptions(EvseEndpoint);
        sensorOptions ??= new ElectricalSensorOptions();
        var sensor = ElectricalSensorDevice.Create(bidirectional, sensorOptions, serverOptions);
        var triggers = new TestEventTriggerRegistry();
        GeneralDiagnosticsDevice? diagnostics = null;
        IDisposable? registration = null;
        IDisposable? reportingRegistration = null;
        IDisposable? managementRegistration = null;
        EnergyManagementController? energyManagement = null;
        RootCommissioning? root = null;
        try
        {
            root = new RootCommissioning(builder.ServerOptions(0), networkInterfaceName);
            energyManagement = new EnergyManagementController(evse.Controller, energyManagementOptions ?? new EnergyManagementOptions(), () => sensor.ImportedEnergy, EnergyManagementServerOptions(serverOptions), canGenerate: bidirectional);
            var managementModes = EnergyManagementModes.Create(serverOptions);
            energyManagement.SetModeOptOut(managementModes.OptOut);
            managementModes.OptOutChanged += energyManagement.SetModeOptOut;
            diagnostics = new GeneralDiagnosticsDevice(triggers, diagnosticsOptions, builder.ServerOptions(0));
            registration = evse.RegisterTestEventTriggers(triggers);
            reportingRegistration = EnergyReportingTestEventTriggers.Register(triggers, sensor, sensorOptions, serverOptions.Time);
            managementRegistration = EnergyManagementTestEventTriggers.Register(triggers, energyManagement);
            var (modes, modeServer) = EnergyEvseModes.Create(serverOptions);
            builder.Root.WithServer(diagnostics.Server)
                .WithServer(root.Administrator.Server)
                .WithServer(root.Network.Server)
                .WithServer(root.GroupKeys.Server);
            var endpoint = builder.AddEndpoint(EvseEndpoint)
                .WithDeviceType(DeviceTypes.Evse)
                .WithDeviceType(DeviceTypes.DeviceEnergyManagement)
                .WithDeviceType(DeviceTypes.ElectricalSensor)
                .WithServer(evse.Server)
                .WithServer(modeServer)
                .WithServer(energyManagement.Server)
                .WithServer(managementModes.Server);
            foreach (var server in sensor.Servers)
            {
                endpoint.WithServer(server);
            }

            var node = builder.Build();
            return new ChargerNode(node, evse, ownsEvse, sensor, energyManagement, managementModes, modes, modeServer, diagnostics, triggers, new CompositeDisposable(registration, reportingRegistration, managementRegistration, energyManagement, root), root);
        }
        catch
        {
            root?.Dispose();
            managementRegistration?.Dispose();
            energyManagement?.Dispose();
            reportingRegistration?.Dispose();
            registration?.Dispose();
            diagnostics?.Dispose();
            if (ownsEvse)
            {
                evse.Dispose();
            }

            throw;
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Node.Commissioning.Dispose();
        triggerRegistration.Dispose();
        Diagnostics.Dispose();
        if (ownsEvse)
        {
            Evse.Dispose();
        }
    }

    // The root-endpoint commissioning clusters the charger serves beside the node's own.
    private sealed class RootCommissioning(Interaction.ClusterServerOptions options, string? networkInterfaceName) : IDisposable
    {
        public AdministratorCommissioningDevice Administrator { get; } = new(options);

        public EthernetNetworkCommissioning Network { get; } = new(options, networkInterfaceName);

        public GroupKeyManagementDevice GroupKeys { get; } = new(options);

        public void Dispose()
        {
            Administrator.Dispose();
            Network.Dispose();
        }
    }

    private sealed class CompositeDisposable(params IDisposable[] parts) : IDisposable
    {
        public void Dispose()
        {
            foreach (var part in parts)
            {
                part.Dispose();
            }
        }
    }
}
