
namespace MatterGen.Clusters.Tests;

/// <summary>A charger specialized the way a user would write it.</summary>
[MatterServer("Energy EVSE", Features = "ChargingPreferences, SoCReporting, RFID", Enable = "UserMaximumChargeCurrent, RandomizationDelayWindow")]
[MatterAttributeDefault("RandomizationDelayWindow", 300)]
[MatterAttributeConstraint("UserMaximumChargeCurrent", Max = 32000)]
public partial class HomeCharger;

/// <summary>Every feature on.</summary>
[MatterServer("Energy EVSE", Features = "PREF, SOC, PNC, RFID, V2X")]
public partial class FullCharger;

/// <summary>The smallest legal charger.</summary>
[MatterServer("Energy EVSE", Features = "PREF")]
public partial class PrefOnlyCharger;

/// <summary>A bidirectional charger with a card reader and a user current limit.</summary>
[MatterServer("Energy EVSE", Features = "PREF, SOC, RFID, V2X", Enable = "UserMaximumChargeCurrent")]
public partial class BidirectionalCharger;
