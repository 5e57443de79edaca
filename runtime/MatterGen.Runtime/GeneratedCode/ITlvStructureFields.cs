using System;
using System.ComponentModel;
using MatterGen.Tlv;

namespace MatterGen.GeneratedCode;

/// <summary>
/// A value that encodes as a TLV structure and can write its fields straight into a span: what generated
/// records implement so <see cref="TlvWriter.WriteStructure{T}"/> can encode a whole structure with its position
/// in a register instead of through the writer's state.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface ITlvStructureFields
{
    /// <summary>
    /// Writes the structure's fields (not its start or end) into <paramref name="destination"/> from
    /// <paramref name="at"/> on, with <see cref="TlvFieldWriter"/>, and returns the offset after the last byte
    /// written. Throws <see cref="TlvException"/> with <see cref="TlvError.BufferTooSmall"/> when the span ends
    /// first; what was written then is not part of any output until the caller commits it.
    /// </summary>
    /// <param name="destination">Where the fields go.</param>
    /// <param name="at">The offset of the first field's control byte.</param>
    /// <returns>The offset after the last field.</returns>
    /// <exception cref="TlvException">The span is too small, or a field breaks its constraints.</exception>
    int EncodeTlvFields(Span<byte> destination, int at);
}
