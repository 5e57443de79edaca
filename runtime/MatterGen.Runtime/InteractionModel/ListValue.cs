using System;
using System.Buffers;
using System.Collections.Generic;
using MatterGen.InteractionModel.Messages;
using MatterGen.Tlv;

namespace MatterGen.InteractionModel;

/// <summary>
/// A list attribute's value as one anonymous TLV array, taken apart into its items and put together again: what
/// list chunking in reports and writes (replace-all, then appends with list index null) works with.
/// </summary>
public static class ListValue
{
    /// <summary>True when the value is a TLV array with at least one item.</summary>
    public static bool IsNonEmptyList(ReadOnlySpan<byte> value) => value.Length > 2 && value[0] == 0x16;

    /// <summary>The items of an encoded list, each as one anonymous element (slices of <paramref name="list"/>).</summary>
    /// <exception cref="TlvException">The list is malformed.</exception>
    public static List<ReadOnlyMemory<byte>> Items(ReadOnlyMemory<byte> list)
    {
        var items = new List<ReadOnlyMemory<byte>>();
        var reader = new TlvReader(list.Span);
        reader.Read();
        while (reader.Read() && reader.ElementType != TlvElementType.EndOfContainer)
        {
            var start = reader.ElementOffset;
            reader.Skip();
            items.Add(list[start..reader.BytesConsumed]);
        }

        return items;
    }

    /// <summary>The list <paramref name="list"/> with <paramref name="items"/> added at its end.</summary>
    /// <exception cref="InvalidInteractionMessageException">The value is not a list, or an item is not one well-formed element.</exception>
    public static byte[] Append(ReadOnlyMemory<byte> list, IReadOnlyList<ReadOnlyMemory<byte>> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (list.Length < 2 || list.Span[0] != 0x16)
        {
            throw new InvalidInteractionMessageException("List items were appended to a value that is not a list.", Interaction.MatterStatus.InvalidDataType);
        }

        try
        {
            var output = new ArrayBufferWriter<byte>(list.Length + 64);
            var writer = new TlvWriter(output);
            writer.StartArray(TlvTag.Anonymous);
            foreach (var existing in Items(list))
            {
                writer.WriteEncoded(TlvTag.Anonymous, existing.Span);
            }

            foreach (var item in items)
            {
                writer.WriteEncoded(TlvTag.Anonymous, item.Span);
            }

            writer.EndContainer();
            writer.Flush();
            return output.WrittenSpan.ToArray();
        }
        catch (TlvException exception)
        {
            throw new InvalidInteractionMessageException($"A list item is malformed: {exception.Message}", Interaction.MatterStatus.InvalidDataType, exception);
        }
    }
}
