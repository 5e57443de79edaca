using System;
using MatterGen.Tlv;

namespace MatterGen.Interaction;

/// <summary>One TLV element carried alone (an attribute value, a command's or an event's fields).</summary>
internal static class TlvValue
{
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
}
