using MatterGen;

namespace MatterGen.Node.NetworkCommissioning;

/// <summary>The Network Commissioning server of the root endpoint for an Ethernet interface.</summary>
[MatterServer("Network Commissioning", Features = "EthernetNetworkInterface")]
public partial class NetworkCommissioningServer;
