
namespace MatterGen.Node.Diagnostics;

/// <summary>
/// The General Diagnostics server of a node's root endpoint: the mandatory elements (network interfaces, reboot
/// count, up time, test event triggers, time snapshot) and the boot reason. <see cref="GeneralDiagnosticsDevice"/> runs it.
/// </summary>
[MatterServer("General Diagnostics", Enable = "BootReason")]
public partial class GeneralDiagnosticsServer;
