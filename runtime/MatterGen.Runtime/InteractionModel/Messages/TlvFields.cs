using System;
using MatterGen.Tlv;

namespace MatterGen.InteractionModel.Messages;

/// <summary>
/// The reading steps every information block shares: walking a container's members, refusing a repeated field,
/// reading a bounded unsigned integer or a boolean, and lifting a nested value out as one anonymous element.
/// </summary>
internal static class TlvFields
{
    private static ReadOnlySpan<byte> TagLengths => [0, 1, 2, 4, 2, 4, 6, 8];

    /// <summary>Moves to the container's next member; false at its end. Members without a context tag are skipped.</summary>
    public static bool NextMember(ref TlvReader reader, out byte tag)
    {
        while (true)
        {
            if (!reader.Read())
            {
                throw Invalid("the message ends inside a container");
            }

            if (reader.ElementType == TlvElementType.EndOfContainer)
            {
                tag = 0;
                return false;
            }

            var memberTag = reader.Tag;
            if (memberTag.Kind == TlvTagKind.Context)
            {
                tag = (byte)memberTag.Number;
                return true;
            }

            reader.Skip(); // Not ours (a profile tag): ignored as an unknown field is.
        }
    }

    /// <summary>Moves to the next element of an array; false at its end.</summary>
    public static bool NextItem(ref TlvReader reader)
    {
        if (!reader.Read())
        {
            throw Invalid("the message ends inside an array");
        }

        return reader.ElementType != TlvElementType.EndOfContainer;
    }

    /// <summary>Records that a field was seen; a field seen twice makes the block invalid.</summary>
    public static void Mark(ref ulong seen, byte tag)
    {
        var bit = 1UL << (tag & 63);
        if ((seen & bit) != 0)
        {
            throw Invalid($"field {tag} appears twice");
        }

        seen |= bit;
    }

    /// <summary>True when the field was seen.</summary>
    public static bool Has(ulong seen, byte tag) => (seen & (1UL << (tag & 63))) != 0;

    /// <summary>Checks that the current element is a container of the given type.</summary>
    public static void Expect(ref TlvReader reader, TlvElementType type, string what)
    {
        if (reader.ElementType != type)
        {
            throw Invalid($"{what} must be a {type}, not a {reader.ElementType}");
        }
    }

    /// <summary>An unsigned integer no larger than <paramref name="max"/>.</summary>
    public static ulong Unsigned(ref TlvReader reader, ulong max, string what)
    {
        if (reader.ElementType != TlvElementType.UnsignedInteger)
        {
            throw Invalid($"{what} must be an unsigned integer");
        }

        var value = reader.GetUInt64();
        return value <= max ? value : throw Invalid($"{what} {value} is out of range");
    }

    /// <summary>A boolean.</summary>
    public static bool Boolean(ref TlvReader reader, string what) =>
        reader.ElementType == TlvElementType.Boolean ? reader.GetBoolean() : throw Invalid($"{what} must be a boolean");

    /// <summary>
    /// The current element (and, for a container, everything in it) as one anonymous element: the control
    /// byte keeps its type and loses its tag form, the tag bytes go.
    /// </summary>
    public static ReadOnlyMemory<byte> CaptureAnonymous(ref TlvReader reader)
    {
        if (reader.ElementType == TlvElementType.EndOfContainer)
        {
            throw Invalid("a value is missing");
        }

        var start = reader.ElementOffset;
        var input = reader.Input;
        var control = input[start];
        var header = 1 + TagLengths[control >> 5];
        reader.Skip();
        var end = reader.BytesConsumed;
        var copy = new byte[end - start - header + 1];
        copy[0] = (byte)(control & 0x1F);
        input[(start + header)..end].CopyTo(copy.AsSpan(1));
        return copy;
    }

    /// <summary>An INVALID_ACTION failure naming what is wrong.</summary>
    public static InvalidInteractionMessageException Invalid(string detail) => new($"Malformed Interaction Model message: {detail}.");
}
