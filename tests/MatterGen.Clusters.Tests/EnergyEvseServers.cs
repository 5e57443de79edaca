using MatterGen;

namespace MatterGen.Clusters.Tests;

/// <summary>A charger specialized the way a user would write it.</summary>
[MatterServer("Energy EVSE", Features = "ChargingPreferences, SoCReporting, RFID", Enable = "UserMaximumChargeCurrent, RandomizationDelayWindow")]
[MatterAttributeDefault("RandomizationDelayWindow", 300)]
[MatterAttributeConstraint("UserMaximumChargeCurrent", Max = 32000)]
public partial class HomeCharger;

/// <summary>Every feature on.</summary>
[MatterServer("Energy EVSE", Features = "PREF, SOC, PNC, RFID, V2X")]
public partial class FullCharger;
