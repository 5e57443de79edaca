
namespace MatterGen.Evse.Device;

/// <summary>
/// A charger with charging preferences and a card reader: the cluster's mandatory behaviour, user limits,
/// randomization, efficiency and self-diagnostics.
/// </summary>
[MatterServer("Energy EVSE", Features = "ChargingPreferences, RFID",
    Enable = "UserMaximumChargeCurrent, RandomizationDelayWindow, ApproximateEVEfficiency, StartDiagnostics, RFID")]
[MatterAttributeDefault("UserMaximumChargeCurrent", 80000)]
[MatterAttributeConstraint("UserMaximumChargeCurrent", Min = 0)]
public partial class StandardEvseServer : IEnergyEvseCore, IEnergyEvseRfid;

/// <summary>A charger with every feature: state of charge, plug and charge, a card reader and bidirectional charging.</summary>
[MatterServer("Energy EVSE", Features = "ChargingPreferences, SoCReporting, PlugAndCharge, RFID, V2X",
    Enable = "UserMaximumChargeCurrent, RandomizationDelayWindow, ApproximateEVEfficiency, StartDiagnostics, RFID")]
[MatterAttributeDefault("UserMaximumChargeCurrent", 80000)]
[MatterAttributeConstraint("UserMaximumChargeCurrent", Min = 0)]
public partial class BidirectionalEvseServer : IEnergyEvseCore, IEnergyEvseSocReporting, IEnergyEvsePlugAndCharge, IEnergyEvseRfid, IEnergyEvseV2X;
