
namespace MatterGen.Clusters.Tests;

/// <summary>A dimmable lamp's switch: the Lighting feature.</summary>
[MatterServer("On/Off", Features = "Lighting")]
public partial class LampSwitch;

/// <summary>An emergency cut-off that can only switch off.</summary>
[MatterServer("On/Off", Features = "OffOnly")]
public partial class CutOffSwitch;
