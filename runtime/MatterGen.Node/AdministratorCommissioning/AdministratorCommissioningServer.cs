
namespace MatterGen.Node.AdministratorCommissioning;

/// <summary>
/// The Administrator Commissioning server of the root endpoint, with the Basic commissioning method:
/// WindowStatus, AdminFabricIndex and AdminVendorId, and the three timed commands.
/// <see cref="AdministratorCommissioningDevice"/> runs it.
/// </summary>
[MatterServer("Administrator Commissioning", Features = "Basic")]
public partial class AdministratorCommissioningServer : IFabricRemovalListener
{
    /// <summary>The device behind the server, when it is the node's own (a host attaches its window to it).</summary>
    public AdministratorCommissioningDevice? Device => driver as AdministratorCommissioningDevice;

    /// <inheritdoc/>
    void IFabricRemovalListener.RemoveFabric(byte fabricIndex) => Device?.RemoveFabric(fabricIndex);
}
