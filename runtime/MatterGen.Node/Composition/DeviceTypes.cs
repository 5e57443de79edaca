namespace MatterGen.Node.Composition;

/// <summary>
/// The device types this repository composes nodes from, written from the Matter Device Library (1.4): ids,
/// revisions and mandatory server clusters. Kept as C# data rather than generated from XML: four small records
/// need no generator work, and the generator's XML pipeline is cluster-shaped (a device type has no codec,
/// attribute or server to emit). The Descriptor cluster every endpoint must have (Base Device Type) is added by
/// the node itself and therefore not listed.
/// </summary>
public static class DeviceTypes
{
    /// <summary>
    /// Root Node (0x0016), revision 3: the node's endpoint 0. Network Commissioning is mandatory unless the node
    /// configures its network another way, and the localization, time and ICD clusters are conditional; those are
    /// not checked.
    /// </summary>
    public static DeviceTypeDefinition RootNode { get; } = new(
        0x0016,
        "Root Node",
        3,
        [
            ClusterIds.AccessControl,
            ClusterIds.BasicInformation,
            ClusterIds.GeneralCommissioning,
            ClusterIds.GeneralDiagnostics,
            ClusterIds.AdministratorCommissioning,
            ClusterIds.NodeOperationalCredentials,
            ClusterIds.GroupKeyManagement,
        ],
        @unchecked:
        [
            "Network Commissioning (0x0031) is mandatory unless the node's network is configured another way (CustomNetworkConfig)",
            "Localization, Time Format Localization and Unit Localization are mandatory when the node has the matching locale condition",
            "ICD Management (0x0046) is mandatory for an intermittently connected device",
        ],
        isNodeScoped: true);

    /// <summary>Energy EVSE (0x050C), revision 2: Energy EVSE and Energy EVSE Mode servers.</summary>
    public static DeviceTypeDefinition Evse { get; } = new(
        0x050C,
        "EVSE",
        2,
        [ClusterIds.EnergyEvse, ClusterIds.EnergyEvseMode],
        @unchecked: ["Revision 2 expects a Device Energy Management device type beside it (the complete charger adds it)"]);

    /// <summary>
    /// Device Energy Management (0x050D), revision 2: the Device Energy Management server. Its Mode cluster is
    /// mandatory only for a controllable appliance (ControllableESA), which is not checked.
    /// </summary>
    public static DeviceTypeDefinition DeviceEnergyManagement { get; } = new(
        0x050D,
        "Device Energy Management",
        2,
        [ClusterIds.DeviceEnergyManagement],
        @unchecked: ["Device Energy Management Mode (0x009F) is mandatory when the appliance is controllable (ControllableESA)"]);

    /// <summary>
    /// Electrical Sensor (0x0510), revision 1: Power Topology, and at least one of Electrical Power Measurement
    /// and Electrical Energy Measurement.
    /// </summary>
    public static DeviceTypeDefinition ElectricalSensor { get; } = new(
        0x0510,
        "Electrical Sensor",
        1,
        [ClusterIds.PowerTopology],
        [[ClusterIds.ElectricalPowerMeasurement, ClusterIds.ElectricalEnergyMeasurement]]);
}
