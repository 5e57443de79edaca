using System;

namespace MatterGen.Commissioning.Onboarding;

/// <summary>The rules for a setup passcode (Matter Core 5.1.7.1): 27 bits, 1 to 99 999 998, and none of the trivial values.</summary>
public static class SetupPasscode
{
    /// <summary>The largest valid passcode.</summary>
    public const uint Maximum = 99_999_998;

    /// <summary>The values the specification forbids because they are trivially guessed.</summary>
    public static readonly uint[] Forbidden =
    [
        00000000, 11111111, 22222222, 33333333, 44444444, 55555555, 66666666, 77777777, 88888888, 99999999,
        12345678, 87654321,
    ];

    /// <summary>True when <paramref name="passcode"/> may be used as a setup passcode.</summary>
    public static bool IsValid(uint passcode) => passcode is >= 1 and <= Maximum && Array.IndexOf(Forbidden, passcode) < 0;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the rule when <paramref name="passcode"/> is not valid.</summary>
    public static void Validate(uint passcode)
    {
        if (passcode is 0 or > Maximum)
        {
            throw new ArgumentOutOfRangeException(nameof(passcode), passcode, $"A setup passcode is between 1 and {Maximum}.");
        }

        if (Array.IndexOf(Forbidden, passcode) >= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(passcode), passcode, "This setup passcode is one of the trivial values the specification forbids (all one digit, 12345678, 87654321).");
        }
    }

    /// <summary>A random valid passcode from a cryptographic generator.</summary>
    public static uint Generate()
    {
        while (true)
        {
            var candidate = (uint)System.Security.Cryptography.RandomNumberGenerator.GetInt32(1, (int)Maximum + 1);
            if (IsValid(candidate))
            {
                return candidate;
            }
        }
    }
}
