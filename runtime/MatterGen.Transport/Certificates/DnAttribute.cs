using System.Globalization;

namespace MatterGen.Transport.Certificates;

/// <summary>
/// One attribute of a Matter certificate's subject or issuer (Core Specification 6.5.6.1): its Matter TLV tag and
/// value. Tags 17 to 22 (matter-node-id, matter-firmware-signing-id, matter-icac-id, matter-rcac-id,
/// matter-fabric-id, matter-noc-cat) hold integers; the others text (tag + 0x80 for the PrintableString form).
/// </summary>
/// <param name="Tag">The Matter TLV context tag.</param>
/// <param name="Number">The value of an integer attribute.</param>
/// <param name="Text">The value of a text attribute.</param>
public sealed record DnAttribute(byte Tag, ulong Number, string? Text)
{
    /// <summary>matter-node-id.</summary>
    public const byte NodeId = 17;

    /// <summary>matter-firmware-signing-id.</summary>
    public const byte FirmwareSigningId = 18;

    /// <summary>matter-icac-id.</summary>
    public const byte IcacId = 19;

    /// <summary>matter-rcac-id.</summary>
    public const byte RcacId = 20;

    /// <summary>matter-fabric-id.</summary>
    public const byte FabricId = 21;

    /// <summary>matter-noc-cat.</summary>
    public const byte CaseAuthenticatedTag = 22;

    /// <summary>True for the integer-valued Matter attributes.</summary>
    public bool IsMatterId => IsMatterTag(Tag);

    /// <summary>True for tags 17 to 22.</summary>
    public static bool IsMatterTag(byte tag) => tag is >= NodeId and <= CaseAuthenticatedTag;

    /// <summary>An integer attribute.</summary>
    public static DnAttribute Id(byte tag, ulong value) => new(tag, value, null);

    /// <summary>The value as the DER form writes it: 16 upper-case hex digits (8 for a CAT), or the text.</summary>
    public string DerText => Tag switch
    {
        CaseAuthenticatedTag => Number.ToString("X8", CultureInfo.InvariantCulture),
        _ when IsMatterId => Number.ToString("X16", CultureInfo.InvariantCulture),
        _ => Text ?? string.Empty,
    };

    /// <summary>Parses the DER text of an integer attribute (exact length, upper-case hex only, as the spec requires).</summary>
    internal static ulong ParseId(byte tag, string text)
    {
        var digits = tag == CaseAuthenticatedTag ? 8 : 16;
        if (text.Length != digits)
        {
            throw new CertificateException($"Attribute {tag} must be {digits} hex digits, is '{text}'.");
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c) && c is not (>= 'A' and <= 'F'))
            {
                throw new CertificateException($"Attribute {tag} must be upper-case hex, is '{text}'.");
            }
        }

        return ulong.Parse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
    }
}
