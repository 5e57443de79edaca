
namespace MatterGen.Evse.Metering;

/// <summary>
/// Electrical Power Measurement of a charger's AC supply: voltage, active current and active power (signed, negative
/// while the vehicle discharges into the supply), with the meter's accuracy per measurement type.
/// </summary>
[MatterServer("Electrical Power Measurement", Features = "AlternatingCurrent", Enable = "Voltage, ActiveCurrent")]
public partial class ChargerPowerMeasurementServer;

/// <summary>Electrical Energy Measurement of a charger that only draws energy: cumulative and periodic imported energy.</summary>
[MatterServer("Electrical Energy Measurement", Features = "ImportedEnergy, CumulativeEnergy, PeriodicEnergy", Enable = "CumulativeEnergyReset")]
public partial class ImportEnergyMeasurementServer : IEnergyMeasurementImport;

/// <summary>Electrical Energy Measurement of a bidirectional (V2X) charger: imported and exported energy, cumulative and periodic.</summary>
[MatterServer("Electrical Energy Measurement", Features = "ImportedEnergy, ExportedEnergy, CumulativeEnergy, PeriodicEnergy", Enable = "CumulativeEnergyReset")]
public partial class BidirectionalEnergyMeasurementServer : IEnergyMeasurementImport, IEnergyMeasurementExport;

/// <summary>
/// Power Topology with NodeTopology: the charger's meter sits on the supply of the whole node, so what it measures is
/// the power of the node (there is one charging outlet; no endpoint set to list).
/// </summary>
[MatterServer("Power Topology", Features = "NodeTopology")]
public partial class ChargerPowerTopologyServer;
