
namespace MatterGen.Node.GeneralCommissioning;

/// <summary>The General Commissioning server of the root endpoint.</summary>
[MatterServer("General Commissioning")]
public partial class GeneralCommissioningServer;
