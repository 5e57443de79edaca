using System;
using System.Globalization;

namespace MatterGen.Generator.Parsing;

/// <summary>
/// The one reader of numbers as definition files write them (optional <c>-</c>, then decimal or <c>0x</c>
/// hexadecimal digits; reals in invariant notation), culture-invariant; never throws. Numbers a user writes in
/// C# reach the generator as typed constants and need no reading.
/// </summary>
internal static class NumberText
{
    // More digits than any 96-bit decimal needs even in binary: refused before the loop, so input length costs nothing.
    private const int MaxDigits = 96;

    /// <summary>Parses an integer; false for anything else, including numbers beyond the 96 bits of a decimal.</summary>
    public static bool TryParseInteger(string? text, out decimal value)
    {
        value = 0;
        if (text is null)
        {
            return false;
        }

        var body = text.Trim();
        var negative = body.StartsWith("-", StringComparison.Ordinal);
        if (negative)
        {
            body = body.Substring(1);
        }

        var radix = body.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? 16 : 10;
        if (!TryParseDigits(radix == 10 ? body : body.Substring(2), radix, out var magnitude))
        {
            return false;
        }

        value = negative ? -magnitude : magnitude;
        return true;
    }

    /// <summary>Parses an integer or a real number (<c>1.5</c>, <c>2e3</c>).</summary>
    public static bool TryParseNumber(string? text, out decimal value)
    {
        if (TryParseInteger(text, out value))
        {
            return true;
        }

        return text is not null && decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>A constraint bound or default as a definition writes it, or null when it is not a number.</summary>
    public static decimal? ParseDefinitionNumber(string? text) =>
        TryParseNumber(text, out var value) ? value : null;

    /// <summary>Parses an unsigned 64-bit value (decimal or <c>0x</c> hex); no sign allowed.</summary>
    public static bool TryParseUnsigned(string? text, out ulong value)
    {
        value = 0;
        if (text is null || text.TrimStart().StartsWith("-", StringComparison.Ordinal)
            || !TryParseInteger(text, out var number) || number > ulong.MaxValue)
        {
            return false;
        }

        value = (ulong)number;
        return true;
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
        if (!TryParseInteger(text, out var number) || number < long.MinValue || number > ulong.MaxValue)
        {
            return false;
        }

        normalized = number == 0 ? "0" : number.ToString(CultureInfo.InvariantCulture);
        return true;
    }

    private static bool TryParseDigits(string digits, int radix, out decimal value)
    {
        value = 0;
        if (digits.Length == 0 || digits.Length > MaxDigits)
        {
            return false;
        }

        foreach (var c in digits)
        {
            var digit = DigitValue(c);
            if (digit < 0 || digit >= radix)
            {
                return false;
            }

            try
            {
                value = (value * radix) + digit;
            }
            catch (OverflowException)
            {
                // Beyond a decimal's 96 bits: not a number any Matter type holds.
                return false;
            }
        }

        return true;
    }

    private static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
