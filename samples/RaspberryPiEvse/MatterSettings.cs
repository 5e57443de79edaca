using System.IO;
using Microsoft.Extensions.Configuration;

namespace MatterGen.Samples.RaspberryPiEvse;

/// <summary>
/// The <c>Matter</c> section: whether the charger node is served on the network, on which UDP port, with which
/// setup passcode and discriminator, and the folder where fabrics, access control and attributes persist.
/// </summary>
internal sealed record MatterSettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Matter";

    /// <summary>The test vendor (0xFFF1) of the development attestation; certification needs the vendor's own.</summary>
    public const ushort VendorId = 0xFFF1;

    /// <summary>The product id in Basic Information and in the setup payload.</summary>
    public const ushort ProductId = 0x8001;

    /// <summary>Serve the node on the network.</summary>
    public bool Enabled { get; init; }

    /// <summary>The UDP port (the Matter port by default).</summary>
    public int Port { get; init; } = 5540;

    /// <summary>The setup passcode (the development passcode by default: change it on a real device).</summary>
    public uint Passcode { get; init; } = 20202021;

    /// <summary>The 12-bit discriminator advertised and in the QR code.</summary>
    public ushort Discriminator { get; init; } = 3840;

    /// <summary>Where fabrics, access control and attributes persist across restarts.</summary>
    public string StoragePath { get; init; } = ".evse-matter";

    /// <summary>The fabric store folder inside <see cref="StoragePath"/>.</summary>
    public string FabricsPath => Path.Combine(StoragePath, "fabrics");

    /// <summary>The attribute store (the ACL among the attributes) inside <see cref="StoragePath"/>.</summary>
    public string AttributesPath => Path.Combine(StoragePath, "attributes.bin");

    /// <summary>Reads the section (defaults where a setting is missing).</summary>
    public static MatterSettings From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<MatterSettings>() ?? new MatterSettings();
}
