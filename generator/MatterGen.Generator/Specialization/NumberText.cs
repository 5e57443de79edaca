using System;
using System.Globalization;

namespace MatterGen.Generator.Specialization;

/// <summary>
/// Reads numbers written as C# literals or as definition text: decimal, <c>0x</c> hex, <c>0b</c> binary, digit
/// separators (<c>1_000</c>), integer suffixes (<c>600u</c>, <c>5L</c>) and real numbers (<c>1.5</c>, <c>2e3</c>, <c>1.5f</c>).
/// </summary>
internal static class NumberText
{
    /// <summary>Parses an integer; false for anything else (including numbers beyond the 96 bits of a decimal).</summary>
    public static bool TryParseInteger(string text, out decimal value)
    {
        value = 0;
        var trimmed = text.Trim().Replace("_", string.Empty);
        var negative = trimmed.StartsWith("-", StringComparison.Ordinal);
        if (negative || trimmed.StartsWith("+", StringComparison.Ordinal))
        {
            trimmed = trimmed.Substring(1);
        }

        trimmed = trimmed.TrimEnd('u', 'U', 'l', 'L');
        if (trimmed.Length == 0)
        {
            return false;
        }

        int radix;
        if (trimmed.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            radix = 16;
            trimmed = trimmed.Substring(2);
        }
        else if (trimmed.StartsWith("0b", StringComparison.OrdinalIgnoreCase))
        {
            radix = 2;
            trimmed = trimmed.Substring(2);
        }
        else
        {
            radix = 10;
        }

        if (trimmed.Length == 0 || trimmed.Length > 64)
        {
            return false;
        }

        decimal result = 0;
        foreach (var c in trimmed)
        {
            var digit = DigitValue(c);
            if (digit < 0 || digit >= radix)
            {
                return false;
            }

            try
            {
                result = (result * radix) + digit;
            }
            catch (OverflowException)
            {
                return false;
            }
        }

        value = negative ? -result : result;
        return true;
    }

    /// <summary>Parses an integer or a real number (with an optional <c>f</c>, <c>d</c> or <c>m</c> suffix).</summary>
    public static bool TryParseNumber(string text, out decimal value)
    {
        if (TryParseInteger(text, out value))
        {
            return true;
        }

        var trimmed = text.Trim().Replace("_", string.Empty).TrimEnd('f', 'F', 'd', 'D', 'm', 'M');
        return decimal.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    private static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
