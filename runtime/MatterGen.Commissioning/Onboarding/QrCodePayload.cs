using System;

namespace MatterGen.Commissioning.Onboarding;

/// <summary>
/// The QR code text of a <see cref="SetupPayload"/> (Matter Core 5.1.3): the prefix <c>MT:</c> and the Base38 of an
/// 88-bit packed payload, fields written least significant bit first: version (3), vendor id (16), product id (16),
/// commissioning flow (2), discovery capabilities (8), discriminator (12), passcode (27), padding (4).
/// </summary>
public static class QrCodePayload
{
    /// <summary>The text before the Base38 payload.</summary>
    public const string Prefix = "MT:";

    /// <summary>The packed length in bytes (88 bits).</summary>
    public const int PackedLength = 11;

    // The layout, in order: (width in bits) of each field.
    private const int VersionBits = 3, VendorBits = 16, ProductBits = 16, FlowBits = 2, CapabilitiesBits = 8,
        DiscriminatorBits = 12, PasscodeBits = 27, PaddingBits = 4;

    /// <summary>The QR text of <paramref name="payload"/> (no optional TLV data).</summary>
    public static string Encode(SetupPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        Span<byte> packed = stackalloc byte[PackedLength];
        var position = 0;
        Write(packed, ref position, 0, VersionBits);
        Write(packed, ref position, payload.VendorId, VendorBits);
        Write(packed, ref position, payload.ProductId, ProductBits);
        Write(packed, ref position, (uint)payload.Flow, FlowBits);
        Write(packed, ref position, (uint)payload.Capabilities, CapabilitiesBits);
        Write(packed, ref position, payload.Discriminator, DiscriminatorBits);
        Write(packed, ref position, payload.Passcode, PasscodeBits);
        Write(packed, ref position, 0, PaddingBits);
        return Prefix + Base38.Encode(packed);
    }

    /// <summary>
    /// Reads a QR text back. Throws <see cref="FormatException"/> for a missing prefix, bad Base38, a short payload,
    /// a version other than 0 or non-zero padding, and <see cref="ArgumentOutOfRangeException"/> for an invalid
    /// passcode or flow. Optional TLV data after the 88 bits is accepted and not interpreted.
    /// </summary>
    public static SetupPayload Decode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new FormatException($"A Matter QR code text starts with \"{Prefix}\".");
        }

        // Several payloads in one code are joined by '*'; this reads a single one.
        if (text.Length > 512 || text.Contains('*', StringComparison.Ordinal))
        {
            throw new FormatException("Only a single QR payload of reasonable length is read.");
        }

        var packed = Base38.Decode(text.AsSpan(Prefix.Length));
        if (packed.Length < PackedLength)
        {
            throw new FormatException($"The QR payload has {packed.Length} bytes; it needs at least {PackedLength}.");
        }

        var position = 0;
        var version = Read(packed, ref position, VersionBits);
        if (version != 0)
        {
            throw new FormatException($"QR payload version {version} is not known (only 0 is).");
        }

        var vendor = (ushort)Read(packed, ref position, VendorBits);
        var product = (ushort)Read(packed, ref position, ProductBits);
        var flow = (CommissioningFlow)Read(packed, ref position, FlowBits);
        var capabilities = (DiscoveryCapabilities)Read(packed, ref position, CapabilitiesBits);
        var discriminator = (ushort)Read(packed, ref position, DiscriminatorBits);
        var passcode = Read(packed, ref position, PasscodeBits);
        if (Read(packed, ref position, PaddingBits) != 0)
        {
            throw new FormatException("The QR payload's padding bits are not zero.");
        }

        return new SetupPayload(vendor, product, discriminator, passcode, flow, capabilities);
    }

    private static void Write(Span<byte> packed, ref int position, uint value, int bits)
    {
        for (var i = 0; i < bits; i++, position++)
        {
            if (((value >> i) & 1) != 0)
            {
                packed[position / 8] |= (byte)(1 << (position % 8));
            }
        }
    }

    private static uint Read(ReadOnlySpan<byte> packed, ref int position, int bits)
    {
        uint value = 0;
        for (var i = 0; i < bits; i++, position++)
        {
            value |= (uint)((packed[position / 8] >> (position % 8)) & 1) << i;
        }

        return value;
    }
}
