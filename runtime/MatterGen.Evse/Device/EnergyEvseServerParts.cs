using MatterGen.Interaction;

namespace MatterGen.Evse.Device;

/// <summary>
/// A generated Energy EVSE server and the feature facets its type has, named once where the server is made. Each
/// facet is the server itself typed as that interface, so naming a facet the server's features lack does not
/// compile, and the controller never asks at run time which features it has.
/// </summary>
/// <param name="Server">The server.</param>
/// <param name="Core">Its mandatory attributes and events.</param>
/// <param name="SocReporting">Its SoCReporting attributes, or null.</param>
/// <param name="PlugAndCharge">Its PlugAndCharge attribute, or null.</param>
/// <param name="Rfid">Its RFID event, or null.</param>
/// <param name="V2X">Its V2X attributes, or null.</param>
internal sealed record EnergyEvseServerParts(
    ClusterServer Server,
    IEnergyEvseCore Core,
    IEnergyEvseSocReporting? SocReporting,
    IEnergyEvsePlugAndCharge? PlugAndCharge,
    IEnergyEvseRfid? Rfid,
    IEnergyEvseV2X? V2X)
{
    /// <summary>A charger with charging preferences and RFID.</summary>
    public static EnergyEvseServerParts Of(StandardEvseServer server) => new(server, server, null, null, server, null);

    /// <summary>A charger with every feature.</summary>
    public static EnergyEvseServerParts Of(BidirectionalEvseServer server) => new(server, server, server, server, server, server);
}
