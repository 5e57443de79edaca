using System;
using System.Globalization;

namespace MatterGen.Commissioning.Onboarding;

/// <summary>
/// The manual pairing code (Matter Core 5.1.4): 11 digits (or 21 with vendor and product id), the last a Verhoeff
/// check digit. Digit 1 holds the vendor/product flag (bit 2) and discriminator bits 11–10; digits 2–6 hold
/// discriminator bits 9–8 above passcode bits 13–0; digits 7–10 hold passcode bits 26–14; digits 11–15 and 16–20 the
/// vendor and product ids when present. Only the 4 upper discriminator bits travel in it.
/// </summary>
public static class ManualPairingCode
{
    /// <summary>The length of the short form.</summary>
    public const int ShortLength = 11;

    /// <summary>The length of the long form (vendor and product id included).</summary>
    public const int LongLength = 21;

    /// <summary>The manual code of <paramref name="payload"/>; the long form when asked for or when the flow is not standard.</summary>
    public static string Encode(SetupPayload payload, bool includeVendorAndProduct = false)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var vendorAndProduct = includeVendorAndProduct || payload.Flow != CommissioningFlow.Standard;
        var first = (vendorAndProduct ? 1 << 2 : 0) | (payload.Discriminator >> 10);
        var second = (uint)((payload.Discriminator >> 8) & 0x3) << 14 | (payload.Passcode & 0x3FFF);
        var third = payload.Passcode >> 14;
        var digits = string.Create(CultureInfo.InvariantCulture,
            $"{first:D1}{second:D5}{third:D4}{(vendorAndProduct ? $"{payload.VendorId:D5}{payload.ProductId:D5}" : string.Empty)}");
        return digits + Verhoeff.ComputeCheckDigit(digits);
    }

    /// <summary>
    /// Reads a manual code (dashes and spaces between digits are ignored). Throws <see cref="FormatException"/> for a
    /// wrong length, a non-digit, a bad check digit or a first digit with the reserved bit set, and
    /// <see cref="ArgumentOutOfRangeException"/> for an invalid passcode.
    /// </summary>
    public static Decoded Decode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (code.Length > 64)
        {
            throw new FormatException("A manual pairing code has 11 or 21 digits.");
        }

        var digits = code.Replace("-", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (digits.Length is not (ShortLength or LongLength))
        {
            throw new FormatException($"A manual pairing code has 11 or 21 digits, not {digits.Length}.");
        }

        if (!Verhoeff.IsValid(digits))
        {
            throw new FormatException("The manual pairing code's check digit does not match.");
        }

        var first = digits[0] - '0';
        if (first > 7)
        {
            throw new FormatException("The manual pairing code's first digit has the reserved bit set.");
        }

        var vendorAndProduct = (first & 0b100) != 0;
        if (vendorAndProduct != (digits.Length == LongLength))
        {
            throw new FormatException("The manual pairing code's length does not match its vendor/product flag.");
        }

        var second = uint.Parse(digits.AsSpan(1, 5), NumberStyles.None, CultureInfo.InvariantCulture);
        var third = uint.Parse(digits.AsSpan(6, 4), NumberStyles.None, CultureInfo.InvariantCulture);
        if (second > 0xFFFF || third > 0x1FFF)
        {
            throw new FormatException("The manual pairing code's digit groups are out of range.");
        }

        var passcode = (second & 0x3FFF) | (third << 14);
        SetupPasscode.Validate(passcode);
        var shortDiscriminator = (byte)(((first & 0x3) << 2) | (int)(second >> 14));
        ushort? vendor = null, product = null;
        if (vendorAndProduct)
        {
            vendor = ParseId(digits.AsSpan(10, 5));
            product = ParseId(digits.AsSpan(15, 5));
        }

        return new Decoded(shortDiscriminator, passcode, vendor, product);
    }

    private static ushort ParseId(ReadOnlySpan<char> digits) =>
        ushort.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new FormatException($"'{digits.ToString()}' is not a 16-bit id.");

    /// <summary>What a manual pairing code carries.</summary>
    /// <param name="ShortDiscriminator">The upper 4 bits of the discriminator.</param>
    /// <param name="Passcode">The setup passcode.</param>
    /// <param name="VendorId">The vendor id in the long form.</param>
    /// <param name="ProductId">The product id in the long form.</param>
    public sealed record Decoded(byte ShortDiscriminator, uint Passcode, ushort? VendorId, ushort? ProductId);
}
