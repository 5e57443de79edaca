using System;

namespace MatterGen.Tlv;

/// <summary>One TLV element carried alone (an attribute value, a command's or an event's fields).</summary>
internal static class TlvValue
{
    // The top three bits of a control byte are its tag form; zero is anonymous.
    private const byte TagControlMask = 0xE0;

    /// <summary>A reader positioned on the element, as every generated decoder expects.</summary>
    /// <exception cref="TlvException">The input is empty (<see cref="TlvError.Truncated"/>) or the element is malformed.</exception>
    public static TlvReader Open(ReadOnlySpan<byte> bytes)
    {
        var reader = new TlvReader(bytes);
        if (!reader.Read())
        {
            throw new TlvException(TlvError.Truncated, 0, "the value is empty");
        }

        return reader;
    }

    /// <summary>True unless the first element carries a tag: a value carried alone is anonymous.</summary>
    public static bool StartsAnonymous(ReadOnlySpan<byte> bytes) => bytes.IsEmpty || (bytes[0] & TagControlMask) == 0;

    /// <summary>
    /// True when the bytes are exactly one anonymous element, well formed to its end (every container closed,
    /// nothing after it). A schema's constraints are judged only on such input: a broken message is malformed
    /// whatever values it holds before the break. Linear in the input, bounded in depth.
    /// </summary>
    public static bool IsWellFormed(ReadOnlySpan<byte> bytes)
    {
        try
        {
            var reader = new TlvReader(bytes);
            if (!reader.Read() || reader.Tag.Kind != TlvTagKind.Anonymous)
            {
                return false;
            }

            reader.Skip();
            return !reader.Read();
        }
        catch (TlvException)
        {
            return false;
        }
    }
}
