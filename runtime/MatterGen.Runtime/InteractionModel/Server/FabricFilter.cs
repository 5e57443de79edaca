using System;

namespace MatterGen.InteractionModel.Server;

/// <summary>
/// Fabric filtering of reported events (Core Specification 8.4.3.2, isFabricFiltered): a fabric-sensitive event
/// whose payload names another fabric in its FabricIndex field (0xFE) is left out. Attributes follow the generic
/// rules of <see cref="Interaction.FabricScopedValue"/>, applied by the server from the attribute's metadata.
/// </summary>
internal static class FabricFilter
{
    /// <summary>True when a fabric-sensitive event's payload belongs to another fabric than the accessing one.</summary>
    public static bool BelongsToOtherFabric(ReadOnlySpan<byte> payload, byte accessingFabric)
    {
        return Interaction.FabricScopedValue.FabricIndexOf(payload) is { } fabric && fabric != accessingFabric;
    }
}
