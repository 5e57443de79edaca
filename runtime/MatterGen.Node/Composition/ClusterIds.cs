namespace MatterGen.Node.Composition;

/// <summary>
/// Ids of the clusters the device-type definitions name. The node's own clusters have generated constants too;
/// these cover the clusters this repository does not (yet) generate, so a composition error can name them.
/// </summary>
public static class ClusterIds
{
    /// <summary>Identify.</summary>
    public const uint Identify = 0x0003;

    /// <summary>Descriptor.</summary>
    public const uint Descriptor = 0x001D;

    /// <summary>Access Control.</summary>
    public const uint AccessControl = 0x001F;

    /// <summary>Basic Information.</summary>
    public const uint BasicInformation = 0x0028;

    /// <summary>General Commissioning.</summary>
    public const uint GeneralCommissioning = 0x0030;

    /// <summary>Network Commissioning.</summary>
    public const uint NetworkCommissioning = 0x0031;

    /// <summary>General Diagnostics.</summary>
    public const uint GeneralDiagnostics = 0x0033;

    /// <summary>Administrator Commissioning.</summary>
    public const uint AdministratorCommissioning = 0x003C;

    /// <summary>Node Operational Credentials.</summary>
    public const uint NodeOperationalCredentials = 0x003E;

    /// <summary>Group Key Management.</summary>
    public const uint GroupKeyManagement = 0x003F;

    /// <summary>Electrical Power Measurement.</summary>
    public const uint ElectricalPowerMeasurement = 0x0090;

    /// <summary>Electrical Energy Measurement.</summary>
    public const uint ElectricalEnergyMeasurement = 0x0091;

    /// <summary>Device Energy Management.</summary>
    public const uint DeviceEnergyManagement = 0x0098;

    /// <summary>Energy EVSE.</summary>
    public const uint EnergyEvse = 0x0099;

    /// <summary>Power Topology.</summary>
    public const uint PowerTopology = 0x009C;

    /// <summary>Energy EVSE Mode.</summary>
    public const uint EnergyEvseMode = 0x009D;

    /// <summary>Device Energy Management Mode.</summary>
    public const uint DeviceEnergyManagementMode = 0x009F;

    /// <summary>A readable name of a cluster the definitions name, or its id in hex.</summary>
    public static string Describe(uint clusterId) => clusterId switch
    {
        Identify => "Identify (0x0003)",
        Descriptor => "Descriptor (0x001D)",
        AccessControl => "Access Control (0x001F)",
        BasicInformation => "Basic Information (0x0028)",
        GeneralCommissioning => "General Commissioning (0x0030)",
        NetworkCommissioning => "Network Commissioning (0x0031)",
        GeneralDiagnostics => "General Diagnostics (0x0033)",
        AdministratorCommissioning => "Administrator Commissioning (0x003C)",
        NodeOperationalCredentials => "Node Operational Credentials (0x003E)",
        GroupKeyManagement => "Group Key Management (0x003F)",
        ElectricalPowerMeasurement => "Electrical Power Measurement (0x0090)",
        ElectricalEnergyMeasurement => "Electrical Energy Measurement (0x0091)",
        DeviceEnergyManagement => "Device Energy Management (0x0098)",
        EnergyEvse => "Energy EVSE (0x0099)",
        PowerTopology => "Power Topology (0x009C)",
        EnergyEvseMode => "Energy EVSE Mode (0x009D)",
        DeviceEnergyManagementMode => "Device Energy Management Mode (0x009F)",
        _ => $"cluster 0x{clusterId:X4}",
    };
}
