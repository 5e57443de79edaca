namespace MatterGen.Messaging;

/// <summary>
/// A Matter protocol: the vendor that defines it and its id within that vendor (Core Specification 4.4.3.5).
/// The standard protocols have vendor 0 (the Connectivity Standards Alliance).
/// </summary>
/// <param name="VendorId">The vendor that defines the protocol; 0 for the standard ones.</param>
/// <param name="Id">The protocol's id within that vendor.</param>
public readonly record struct ProtocolId(ushort VendorId, ushort Id)
{
    /// <summary>The Secure Channel protocol (0x0000): PASE, CASE, StatusReport, MRP standalone acks.</summary>
    public static ProtocolId SecureChannel => new(0, 0x0000);

    /// <summary>The Interaction Model protocol (0x0001): reads, writes, invokes, subscriptions.</summary>
    public static ProtocolId InteractionModel => new(0, 0x0001);

    /// <summary>The Bulk Data Exchange protocol (0x0002).</summary>
    public static ProtocolId BulkDataExchange => new(0, 0x0002);

    /// <summary>The User Directed Commissioning protocol (0x0003).</summary>
    public static ProtocolId UserDirectedCommissioning => new(0, 0x0003);
}
