namespace MatterGen.Node.Information;

/// <summary>
/// What the Basic Information cluster tells about the node (Core Specification 11.1). Strings are bounded as the
/// cluster says (names and labels 32 bytes, version strings 1–64, URL 256, Location exactly two characters); a
/// value out of bounds fails when the node is built, naming the attribute.
/// </summary>
public sealed record BasicInformationOptions
{
    /// <summary>The vendor's name (at most 32 bytes).</summary>
    public required string VendorName { get; init; }

    /// <summary>The vendor id the CSA assigned (0xFFF1–0xFFF4 are the test vendor ids).</summary>
    public required ushort VendorId { get; init; }

    /// <summary>The product's name (at most 32 bytes).</summary>
    public required string ProductName { get; init; }

    /// <summary>The vendor's product id.</summary>
    public required ushort ProductId { get; init; }

    /// <summary>
    /// A persistent identifier of this node for controllers (at most 32 bytes). It must not be derived from the
    /// serial number or a MAC address, and should change on factory reset.
    /// </summary>
    public required string UniqueId { get; init; }

    /// <summary>The hardware version number.</summary>
    public ushort HardwareVersion { get; init; }

    /// <summary>The hardware version as people read it (1–64 bytes).</summary>
    public string HardwareVersionString { get; init; } = "1.0";

    /// <summary>The software version number (the StartUp event carries it).</summary>
    public uint SoftwareVersion { get; init; }

    /// <summary>The software version as people read it (1–64 bytes).</summary>
    public string SoftwareVersionString { get; init; } = "1.0";

    /// <summary>The serial number (at most 32 bytes; empty when the product has none).</summary>
    public string SerialNumber { get; init; } = string.Empty;

    /// <summary>The vendor's part number (at most 32 bytes).</summary>
    public string PartNumber { get; init; } = string.Empty;

    /// <summary>A link to the product's page (at most 256 bytes).</summary>
    public string ProductUrl { get; init; } = string.Empty;

    /// <summary>The product's marketing label (at most 64 bytes).</summary>
    public string ProductLabel { get; init; } = string.Empty;

    /// <summary>The label a user gives the node, until one is written (at most 32 bytes).</summary>
    public string NodeLabel { get; init; } = string.Empty;

    /// <summary>The country the node is in, ISO 3166-1 alpha-2, until one is written; "XX" when unknown.</summary>
    public string Location { get; init; } = "XX";

    /// <summary>CASE sessions per fabric the node supports at least (3 or more).</summary>
    public ushort CaseSessionsPerFabric { get; init; } = 3;

    /// <summary>Subscriptions per fabric the node supports at least (3 or more).</summary>
    public ushort SubscriptionsPerFabric { get; init; } = 3;

    /// <summary>The data model revision the node implements (Matter 1.4: 18).</summary>
    public ushort DataModelRevision { get; init; } = 18;

    /// <summary>The specification version, 0xMMmmdd00 (Matter 1.4.0: 0x01040000).</summary>
    public uint SpecificationVersion { get; init; } = 0x0104_0000;

    /// <summary>The most paths one InvokeRequest may carry (1 or more).</summary>
    public ushort MaxPathsPerInvoke { get; init; } = 1;
}
