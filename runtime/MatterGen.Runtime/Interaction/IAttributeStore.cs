using System;

namespace MatterGen.Interaction;

/// <summary>
/// Where a server keeps its non-volatile (N) attributes. Values are stored as the attribute's TLV encoding,
/// so a store never needs to know the types.
/// </summary>
public interface IAttributeStore
{
    /// <summary>The saved value of an attribute, if there is one.</summary>
    bool TryLoad(ushort endpoint, uint clusterId, uint attributeId, out ReadOnlyMemory<byte> value);

    /// <summary>Saves an attribute's value.</summary>
    void Save(ushort endpoint, uint clusterId, uint attributeId, ReadOnlySpan<byte> value);
}
