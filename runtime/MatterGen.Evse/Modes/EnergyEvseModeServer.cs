
namespace MatterGen.Evse.Modes;

/// <summary>The Energy EVSE Mode server that sits beside the Energy EVSE server on the charger's endpoint.</summary>
[MatterServer("Energy EVSE Mode")]
public partial class EnergyEvseModeServer;
