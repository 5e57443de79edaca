using System.Globalization;

namespace MatterGen.Generator.Parsing;

/// <summary>Reads the integers of definition files: decimal, <c>0x</c> hexadecimal, optionally negative.</summary>
internal static class NumberText
{
    /// <summary>Parses an unsigned 64-bit value (decimal or <c>0x</c> hex); no sign allowed.</summary>
    public static bool TryParseUnsigned(string? text, out ulong value)
    {
        value = 0;
        if (text is null)
        {
            return false;
        }

        var trimmed = text.Trim();
        if (IsHex(trimmed))
        {
            return ulong.TryParse(trimmed.Substring(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        }

        return trimmed.Length > 0 && trimmed[0] != '-' && trimmed[0] != '+'
            && ulong.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Parses an unsigned 32-bit id (cluster, attribute, command, event, field).</summary>
    public static bool TryParseId(string? text, out uint value)
    {
        value = 0;
        if (!TryParseUnsigned(text, out var wide) || wide > uint.MaxValue)
        {
            return false;
        }

        value = (uint)wide;
        return true;
    }

    /// <summary>
    /// Normalises an integer (decimal, hex, negative decimal or negative hex) to invariant decimal text;
    /// false when the text is not an integer in the 64-bit signed or unsigned range.
    /// </summary>
    public static bool TryNormalizeInteger(string text, out string normalized)
    {
        normalized = text;
        var trimmed = text.Trim();
        var negative = trimmed.StartsWith("-", System.StringComparison.Ordinal);
        var magnitudeText = negative ? trimmed.Substring(1) : trimmed;
        if (!TryParseUnsigned(magnitudeText, out var magnitude))
        {
            return false;
        }

        if (!negative)
        {
            normalized = magnitude.ToString(CultureInfo.InvariantCulture);
            return true;
        }

        // long.MinValue's magnitude is one more than long.MaxValue.
        if (magnitude > (ulong)long.MaxValue + 1)
        {
            return false;
        }

        normalized = magnitude == 0 ? "0" : "-" + magnitude.ToString(CultureInfo.InvariantCulture);
        return true;
    }

    private static bool IsHex(string text) =>
        text.Length > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X');
}
