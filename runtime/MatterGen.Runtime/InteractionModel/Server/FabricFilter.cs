using System;
using System.Collections.Generic;
using MatterGen.Tlv;

namespace MatterGen.InteractionModel.Server;

/// <summary>
/// Fabric filtering of reported data (Core Specification 8.4.3.2, isFabricFiltered): from a list of
/// fabric-scoped structures (each carrying its FabricIndex in field 0xFE) only the accessing fabric's entries
/// remain. Works on the encoded value, so it needs no knowledge of the attribute's type.
/// </summary>
internal static class FabricFilter
{
    private const byte FabricIndexField = 0xFE;

    /// <summary>The value with other fabrics' entries removed; the same bytes when nothing is removed or it is no such list.</summary>
    public static ReadOnlyMemory<byte> Apply(ReadOnlyMemory<byte> value, byte accessingFabric)
    {
        var span = value.Span;
        if (span.Length < 2 || span[0] != 0x16 || span[1] == 0x18)
        {
            return value; // Not an array, or an empty one.
        }

        List<Range>? kept = null;
        var reader = new TlvReader(span);
        reader.Read();
        var dropped = false;
        while (reader.Read() && reader.ElementType != TlvElementType.EndOfContainer)
        {
            var start = reader.ElementOffset;
            var fabric = reader.ElementType == TlvElementType.Structure ? FabricOf(ref reader) : (ulong?)null;
            reader.Skip();
            if (fabric is null)
            {
                return value; // Not a list of fabric-scoped structures.
            }

            var range = new Range(start, reader.BytesConsumed);
            if (fabric == accessingFabric)
            {
                (kept ??= []).Add(range);
            }
            else
            {
                dropped = true;
            }
        }

        if (!dropped)
        {
            return value;
        }

        var length = 2;
        foreach (var range in kept ?? [])
        {
            length += range.GetOffsetAndLength(span.Length).Length;
        }

        var filtered = new byte[length];
        filtered[0] = 0x16;
        var at = 1;
        foreach (var range in kept ?? [])
        {
            span[range].CopyTo(filtered.AsSpan(at));
            at += range.GetOffsetAndLength(span.Length).Length;
        }

        filtered[at] = 0x18;
        return filtered;
    }

    /// <summary>The structure's FabricIndex field, leaving the reader inside it; null when it has none.</summary>
    private static ulong? FabricOf(ref TlvReader reader)
    {
        var depth = reader.Depth;
        var probe = reader;
        while (probe.Read() && !(probe.ElementType == TlvElementType.EndOfContainer && probe.Depth < depth))
        {
            if (probe.Depth == depth && probe.Tag.IsContext(FabricIndexField) && probe.ElementType == TlvElementType.UnsignedInteger)
            {
                return probe.GetUInt64();
            }

            probe.Skip();
        }

        return null;
    }

    /// <summary>True when a fabric-sensitive event's payload belongs to another fabric than the accessing one.</summary>
    public static bool BelongsToOtherFabric(ReadOnlySpan<byte> payload, byte accessingFabric)
    {
        var reader = new TlvReader(payload);
        if (!reader.Read() || reader.ElementType != TlvElementType.Structure)
        {
            return false;
        }

        return FabricOf(ref reader) is { } fabric && fabric != accessingFabric;
    }
}
