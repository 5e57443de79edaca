namespace MatterGen.InteractionModel.Tests.Support;

/// <summary>The test cluster with everything on.</summary>
[MatterServer("Interaction Test")]
public partial class InteractionTestServer;
