using System;

namespace MatterGen.Commissioning.Onboarding;

/// <summary>
/// The Verhoeff check digit over decimal digits (Matter Core 5.1.4.1 uses it for the manual pairing code): it catches
/// every single-digit error and every swap of adjacent digits.
/// </summary>
public static class Verhoeff
{
    // The dihedral group D5 multiplication table, the position permutation and the inverse table of the algorithm.
    private static readonly byte[,] Multiplication =
    {
        { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, { 1, 2, 3, 4, 0, 6, 7, 8, 9, 5 }, { 2, 3, 4, 0, 1, 7, 8, 9, 5, 6 },
        { 3, 4, 0, 1, 2, 8, 9, 5, 6, 7 }, { 4, 0, 1, 2, 3, 9, 5, 6, 7, 8 }, { 5, 9, 8, 7, 6, 0, 4, 3, 2, 1 },
        { 6, 5, 9, 8, 7, 1, 0, 4, 3, 2 }, { 7, 6, 5, 9, 8, 2, 1, 0, 4, 3 }, { 8, 7, 6, 5, 9, 3, 2, 1, 0, 4 },
        { 9, 8, 7, 6, 5, 4, 3, 2, 1, 0 },
    };

    private static readonly byte[,] Permutation =
    {
        { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, { 1, 5, 7, 6, 2, 8, 3, 0, 9, 4 }, { 5, 8, 0, 3, 7, 9, 6, 1, 4, 2 },
        { 8, 9, 1, 6, 0, 4, 3, 5, 2, 7 }, { 9, 4, 5, 3, 1, 2, 6, 8, 7, 0 }, { 4, 2, 8, 6, 5, 7, 3, 9, 0, 1 },
        { 2, 7, 9, 3, 8, 0, 6, 4, 1, 5 }, { 7, 0, 4, 6, 9, 1, 3, 2, 5, 8 },
    };

    private static readonly byte[] Inverse = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];

    /// <summary>The check digit ('0'..'9') to append to <paramref name="digits"/>; throws <see cref="FormatException"/> for a non-digit.</summary>
    public static char ComputeCheckDigit(ReadOnlySpan<char> digits)
    {
        var check = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            // Positions count from the right, starting at 1 because the check digit will take position 0.
            check = Multiplication[check, Permutation[(i + 1) % 8, DigitAt(digits, digits.Length - 1 - i)]];
        }

        return (char)('0' + Inverse[check]);
    }

    /// <summary>True when the last digit of <paramref name="digitsWithCheck"/> is the check digit of the rest.</summary>
    public static bool IsValid(ReadOnlySpan<char> digitsWithCheck) =>
        digitsWithCheck.Length >= 2 && ComputeCheckDigit(digitsWithCheck[..^1]) == digitsWithCheck[^1];

    private static int DigitAt(ReadOnlySpan<char> digits, int index) => digits[index] is >= '0' and <= '9'
        ? digits[index] - '0'
        : throw new FormatException($"'{digits[index]}' at {index} is not a decimal digit.");
}
