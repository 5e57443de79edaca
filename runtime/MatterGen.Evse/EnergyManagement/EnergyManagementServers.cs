
namespace MatterGen.Evse.EnergyManagement;

/// <summary>
/// Device Energy Management of the charger: Power Adjustment (an energy manager may cap the charging power for a
/// while) and Power Forecast Reporting (the charging plan as a power forecast). State Forecast Reporting is not
/// allowed together with Power Adjustment; Forecast Adjustment, Start Time Adjustment, Pausable and Constraint-Based
/// Adjustment are left out (see EnergyManagementController).
/// </summary>
[MatterServer("Device Energy Management", Features = "PowerAdjustment, PowerForecastReporting")]
public partial class ChargerEnergyManagementServer;

/// <summary>Device Energy Management Mode: whom the charger lets optimize its energy use.</summary>
[MatterServer("Device Energy Management Mode")]
public partial class EnergyManagementModeServer;
