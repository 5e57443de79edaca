using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using MatterGen.GeneratedCode;

namespace MatterGen.Tlv;

/// <content>The fast path of generated decoders: trying a structure's members in id order, and handing the structure back to the general path at an offset.</content>
public ref partial struct TlvReader
{
    /// <summary>
    /// Moves to the next element only when it has the context tag <paramref name="tag"/> and the type
    /// <paramref name="type"/> (an integer of any width for the integer types); otherwise stays where it is and
    /// returns false. A generated decoder tries its fields in id order with this before its general loop, which
    /// then reads whatever did not match, so both ways see the same elements under the same rules.
    /// </summary>
    /// <param name="tag">The context tag number expected.</param>
    /// <param name="type">The element type expected.</param>
    /// <returns>True when the reader moved to that element.</returns>
    /// <exception cref="TlvException">The element matched by its first bytes but is malformed or illegal where it stands.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryReadContext(byte tag, TlvElementType type) => type is TlvElementType.SignedInteger or TlvElementType.UnsignedInteger
        ? TryReadContextInteger(tag, type == TlvElementType.SignedInteger)
        : TryReadContextOther(tag, type);

    /// <summary>The integer case of <see cref="TryReadContext"/>: inlined, the whole read with no dispatch after it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryReadContextInteger(byte tag, bool signed)
    {
        var start = position;
        if (containers.InArray || !TlvFieldReader.TryReadInteger(encoded, start, tag, signed, out var value, out var next))
        {
            // Not this field, or truncated: the general path reports a truncated one.
            return false;
        }

        started = true;
        elementOffset = start;
        elementType = signed ? TlvElementType.SignedInteger : TlvElementType.UnsignedInteger;
        scalarValue = value;
        position = next;
        return true;
    }

    /// <summary>The non-integer case of <see cref="TryReadContext"/>: matched by control byte and tag, then read by the general path.</summary>
    private bool TryReadContextOther(byte tag, TlvElementType type)
    {
        var start = position;
        if (encoded.Length - start < 2 || encoded[start + 1] != tag)
        {
            return false;
        }

        int control = encoded[start];
        var matches = type switch
        {
            TlvElementType.Boolean => (control & ~1) == TlvControl.Context + TlvControl.BooleanFalse,
            TlvElementType.Float => control == TlvControl.Context + TlvControl.Float32,
            TlvElementType.Double => control == TlvControl.Context + TlvControl.Float64,
            TlvElementType.Utf8String => (control & ~3) == TlvControl.Context + TlvControl.Utf8Length1,
            TlvElementType.ByteString => (control & ~3) == TlvControl.Context + TlvControl.OctetLength1,
            TlvElementType.Null => control == TlvControl.Context + TlvControl.Null,
            TlvElementType.Structure => control == TlvControl.Context + TlvControl.Structure,
            TlvElementType.Array => control == TlvControl.Context + TlvControl.Array,
            TlvElementType.List => control == TlvControl.Context + TlvControl.List,
            _ => false,
        };

        // The general path checks everything else about the element (container rules, lengths, depth).
        return matches && ReadElement();
    }

    /// <summary>
    /// Moves to <paramref name="offset"/> inside the innermost structure, past members read with
    /// <see cref="TlvFieldReader"/>; the next <see cref="Read"/> reads the element there. The current element's
    /// properties stay those of the last element this reader itself read.
    /// </summary>
    /// <param name="offset">The offset after the members read; at or after <see cref="BytesConsumed"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="offset"/> is before the reader's position or past the input.</exception>
    /// <exception cref="InvalidOperationException">The innermost open container is not a structure.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AdvanceInStructure(int offset)
    {
        CheckAdvance(offset);
        position = offset;
    }

    /// <summary>
    /// Moves to <paramref name="offset"/> as <see cref="AdvanceInStructure"/> does; when the element there is an
    /// end-of-container, also reads it, closing the structure, and returns true.
    /// </summary>
    /// <param name="offset">The offset after the members read; at or after <see cref="BytesConsumed"/>.</param>
    /// <returns>True when the structure ended at <paramref name="offset"/>; false when more members follow.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="offset"/> is before the reader's position or past the input.</exception>
    /// <exception cref="InvalidOperationException">The innermost open container is not a structure.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryEndStructure(int offset)
    {
        CheckAdvance(offset);

        // From the offset in hand rather than a stored and reloaded position: this ends every decoded structure.
        if (TryEndContainerAt(offset))
        {
            return true;
        }

        position = offset;
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly void CheckAdvance(int offset)
    {
        if (offset < position || offset > encoded.Length || !containers.InStructure)
        {
            ThrowBadAdvance(offset);
        }
    }

    [DoesNotReturn]
    private readonly void ThrowBadAdvance(int offset)
    {
        if (!containers.InStructure)
        {
            throw new InvalidOperationException("The reader is not inside a structure.");
        }

        throw new ArgumentOutOfRangeException(nameof(offset), offset, $"The offset must lie between the reader's position {position} and the input's end {encoded.Length}.");
    }
}
