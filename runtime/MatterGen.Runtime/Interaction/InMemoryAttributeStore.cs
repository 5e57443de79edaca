using System;
using System.Collections.Concurrent;

namespace MatterGen.Interaction;

/// <summary>An attribute store that lives as long as the process: for tests, and devices with nothing to persist.</summary>
public sealed class InMemoryAttributeStore : IAttributeStore
{
    private readonly ConcurrentDictionary<(ushort, uint, uint), byte[]> values = new();

    /// <inheritdoc/>
    public bool TryLoad(ushort endpoint, uint clusterId, uint attributeId, out ReadOnlyMemory<byte> value)
    {
        var found = values.TryGetValue((endpoint, clusterId, attributeId), out var bytes);
        value = bytes;
        return found;
    }

    /// <inheritdoc/>
    public void Save(ushort endpoint, uint clusterId, uint attributeId, ReadOnlySpan<byte> value) =>
        values[(endpoint, clusterId, attributeId)] = value.ToArray();
}
