using System;

namespace MatterGen.Commissioning.Onboarding;

/// <summary>
/// What a commissioner needs to find and authenticate a device (Matter Core 5.1.3): the content of the QR code and
/// of the manual pairing code. Construction checks every field against its width and the passcode rules.
/// </summary>
public sealed record SetupPayload
{
    /// <summary>The largest discriminator (12 bits).</summary>
    public const ushort MaximumDiscriminator = 0xFFF;

    /// <summary>Creates a payload; throws <see cref="ArgumentOutOfRangeException"/> for a field outside its range.</summary>
    public SetupPayload(ushort vendorId, ushort productId, ushort discriminator, uint passcode,
        CommissioningFlow flow = CommissioningFlow.Standard, DiscoveryCapabilities capabilities = DiscoveryCapabilities.OnNetwork)
    {
        if (discriminator > MaximumDiscriminator)
        {
            throw new ArgumentOutOfRangeException(nameof(discriminator), discriminator, "A discriminator has 12 bits (0 to 4095).");
        }

        if ((byte)flow > 2)
        {
            throw new ArgumentOutOfRangeException(nameof(flow), flow, "The commissioning flow is 0 (standard), 1 (user intent) or 2 (custom).");
        }

        SetupPasscode.Validate(passcode);
        VendorId = vendorId;
        ProductId = productId;
        Discriminator = discriminator;
        Passcode = passcode;
        Flow = flow;
        Capabilities = capabilities;
    }

    /// <summary>The vendor id (Basic Information VendorID).</summary>
    public ushort VendorId { get; }

    /// <summary>The product id (Basic Information ProductID).</summary>
    public ushort ProductId { get; }

    /// <summary>The 12-bit discriminator the device advertises.</summary>
    public ushort Discriminator { get; }

    /// <summary>The upper 4 bits of the discriminator: what the manual code carries.</summary>
    public byte ShortDiscriminator => (byte)(Discriminator >> 8);

    /// <summary>The setup passcode (PASE).</summary>
    public uint Passcode { get; }

    /// <summary>How the device enters commissioning mode.</summary>
    public CommissioningFlow Flow { get; }

    /// <summary>Where the device can be discovered.</summary>
    public DiscoveryCapabilities Capabilities { get; }

    /// <summary>The QR code text, <c>MT:</c> followed by the Base38 payload.</summary>
    public string ToQrCodeText() => QrCodePayload.Encode(this);

    /// <summary>
    /// The manual pairing code: 11 digits, or 21 with vendor and product id. The specification requires the long form
    /// when <see cref="Flow"/> is not <see cref="CommissioningFlow.Standard"/>; <paramref name="includeVendorAndProduct"/>
    /// chooses it for a standard flow too.
    /// </summary>
    public string ToManualPairingCode(bool includeVendorAndProduct = false) => ManualPairingCode.Encode(this, includeVendorAndProduct);
}
