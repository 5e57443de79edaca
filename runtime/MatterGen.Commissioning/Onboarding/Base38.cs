using System;
using System.Text;

namespace MatterGen.Commissioning.Onboarding;

/// <summary>
/// The Base38 encoding of the QR payload (Matter Core 5.1.3.1): bytes taken in little-endian chunks of 3 (5 characters),
/// a last chunk of 2 (4 characters) or 1 (2 characters), each written least significant digit first.
/// </summary>
public static class Base38
{
    /// <summary>The 38 characters, in digit order; all are in the QR code's alphanumeric mode.</summary>
    public const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-.";

    /// <summary>Encodes <paramref name="bytes"/>.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder((bytes.Length + 2) / 3 * 5);
        for (var offset = 0; offset < bytes.Length; offset += 3)
        {
            var length = Math.Min(3, bytes.Length - offset);
            uint value = 0;
            for (var i = length - 1; i >= 0; i--)
            {
                value = (value << 8) | bytes[offset + i];
            }

            for (var digit = 0; digit < CharactersFor(length); digit++)
            {
                text.Append(Alphabet[(int)(value % 38)]);
                value /= 38;
            }
        }

        return text.ToString();
    }

    /// <summary>Decodes <paramref name="text"/>; throws <see cref="FormatException"/> for a character outside the alphabet, a bad length or a chunk that overflows.</summary>
    public static byte[] Decode(ReadOnlySpan<char> text)
    {
        var remainder = text.Length % 5;
        if (remainder is 1 or 3)
        {
            throw new FormatException($"A Base38 text of {text.Length} characters is not a whole number of chunks.");
        }

        var bytes = new byte[text.Length / 5 * 3 + remainder switch { 4 => 2, 2 => 1, _ => 0 }];
        var written = 0;
        for (var offset = 0; offset < text.Length;)
        {
            var characters = Math.Min(5, text.Length - offset);
            var length = characters switch { 5 => 3, 4 => 2, _ => 1 };
            ulong value = 0;
            for (var i = characters - 1; i >= 0; i--)
            {
                var digit = Alphabet.IndexOf(text[offset + i], StringComparison.Ordinal);
                if (digit < 0)
                {
                    throw new FormatException($"'{text[offset + i]}' at {offset + i} is not a Base38 character.");
                }

                value = value * 38 + (ulong)digit;
            }

            if (value >= 1UL << (8 * length))
            {
                throw new FormatException($"The Base38 chunk at {offset} does not fit in {length} byte(s).");
            }

            for (var i = 0; i < length; i++)
            {
                bytes[written++] = (byte)(value >> (8 * i));
            }

            offset += characters;
        }

        return bytes;
    }

    private static int CharactersFor(int chunkLength) => chunkLength switch { 3 => 5, 2 => 4, _ => 2 };
}
