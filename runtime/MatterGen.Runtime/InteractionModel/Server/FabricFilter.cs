using System;
using MatterGen.Tlv;

namespace MatterGen.InteractionModel.Server;

/// <summary>
/// Fabric filtering of reported events (Core Specification 8.4.3.2, isFabricFiltered): a fabric-sensitive event
/// whose payload names another fabric in its FabricIndex field (0xFE) is left out. Attributes follow the generic
/// rules of <see cref="Interaction.FabricScopedValue"/>, applied by the server from the attribute's metadata.
/// </summary>
internal static class FabricFilter
{
    private const byte FabricIndexField = 0xFE;

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
