
namespace MatterGen.Node.NetworkCommissioning;

/// <summary>
/// The Network Commissioning server of the root endpoint for an Ethernet interface: the node is on its network
/// already, so there are no commands, one network (the interface) and the last-attempt attributes stay null.
/// <see cref="EthernetNetworkCommissioning"/> runs it.
/// </summary>
[MatterServer("Network Commissioning", Features = "EthernetNetworkInterface")]
[MatterAttributeDefault("InterfaceEnabled", true)]
public partial class NetworkCommissioningServer;
