using MatterGen;

namespace MatterGen.Node.GroupKeys;

/// <summary>The Group Key Management server of the root endpoint.</summary>
[MatterServer("Group Key Management")]
public partial class GroupKeyManagementServer;
