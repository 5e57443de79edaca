using MatterGen;

namespace ClusterExplorer;

// Three Energy EVSE servers, each specialized by the generator at compile time. Change a feature list and
// rebuild: the generated members follow; name a feature the cluster forbids and the build fails.

/// <summary>The smallest legal charger: ChargingPreferences is mandatory since cluster revision 3.</summary>
[MatterServer("Energy EVSE", Features = "ChargingPreferences")]
public partial class PrefOnlyCharger;

/// <summary>A charger that reports the vehicle's state of charge and has a card reader.</summary>
[MatterServer("Energy EVSE", Features = "ChargingPreferences, SoCReporting, RFID", Enable = "UserMaximumChargeCurrent, RandomizationDelayWindow")]
[MatterAttributeDefault("RandomizationDelayWindow", 300)]
[MatterAttributeConstraint("UserMaximumChargeCurrent", Max = 32000)]
public partial class HomeCharger;

/// <summary>Every feature on, bidirectional charging included.</summary>
[MatterServer("Energy EVSE", Features = "ChargingPreferences, SoCReporting, PlugAndCharge, RFID, V2X", Enable = "StartDiagnostics")]
public partial class BidirectionalCharger;
