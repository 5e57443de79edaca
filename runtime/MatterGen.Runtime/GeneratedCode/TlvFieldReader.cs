using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MatterGen.Tlv;

namespace MatterGen.GeneratedCode;

/// <summary>
/// Reads single context-tagged scalar members of a structure from a span at an offset the caller keeps in a
/// local (in a register, not in a reader), for generated decoders; the counterpart of
/// <see cref="TlvFieldWriter"/>. Each method accepts only a complete element with exactly the expected tag and
/// type whose value lies in the range given, moves the offset past it and returns true. Anything else (another
/// tag or type, a truncated element, a value out of range) returns false and leaves the offset alone, so the
/// caller hands the structure back to <see cref="TlvReader"/> (<see cref="TlvReader.TryEndStructure"/>), whose
/// general path reads that same element under every rule and reports whatever is wrong with it. A matched
/// element is always legal where it stands: a context-tagged scalar inside a structure.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class TlvFieldReader
{
    /// <summary>Reads a signed integer of any width in <paramref name="minimum"/>..<paramref name="maximum"/>.</summary>
    /// <param name="input">The whole input.</param>
    /// <param name="at">The offset of the element's control byte; moved past the element on success.</param>
    /// <param name="tag">The context tag expected.</param>
    /// <param name="minimum">The smallest value accepted.</param>
    /// <param name="maximum">The largest value accepted.</param>
    /// <param name="value">The value, when matched.</param>
    /// <returns>True when the element matched and <paramref name="at"/> moved past it.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryReadSigned(ReadOnlySpan<byte> input, ref int at, byte tag, long minimum, long maximum, out long value)
    {
        if (TryReadInteger(input, at, tag, signed: true, out var raw, out var next)
            && (long)raw >= minimum && (long)raw <= maximum)
        {
            value = (long)raw;
            at = next;
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>Reads an unsigned integer of any width in <paramref name="minimum"/>..<paramref name="maximum"/>.</summary>
    /// <param name="input">The whole input.</param>
    /// <param name="at">The offset of the element's control byte; moved past the element on success.</param>
    /// <param name="tag">The context tag expected.</param>
    /// <param name="minimum">The smallest value accepted.</param>
    /// <param name="maximum">The largest value accepted.</param>
    /// <param name="value">The value, when matched.</param>
    /// <returns>True when the element matched and <paramref name="at"/> moved past it.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryReadUnsigned(ReadOnlySpan<byte> input, ref int at, byte tag, ulong minimum, ulong maximum, out ulong value)
    {
        if (TryReadInteger(input, at, tag, signed: false, out var raw, out var next) && raw >= minimum && raw <= maximum)
        {
            value = raw;
            at = next;
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>Reads a boolean.</summary>
    /// <param name="input">The whole input.</param>
    /// <param name="at">The offset of the element's control byte; moved past the element on success.</param>
    /// <param name="tag">The context tag expected.</param>
    /// <param name="value">The value, when matched.</param>
    /// <returns>True when the element matched and <paramref name="at"/> moved past it.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryReadBoolean(ReadOnlySpan<byte> input, ref int at, byte tag, out bool value)
    {
        var header = ReadHeader(input, at);
        if ((header & 0xFFFE) == (TlvControl.Context | TlvControl.BooleanFalse | (tag << 8)))
        {
            value = (header & 1) != 0;
            at += 2;
            return true;
        }

        value = false;
        return false;
    }

    /// <summary>Reads a null.</summary>
    /// <param name="input">The whole input.</param>
    /// <param name="at">The offset of the element's control byte; moved past the element on success.</param>
    /// <param name="tag">The context tag expected.</param>
    /// <returns>True when the element matched and <paramref name="at"/> moved past it.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryReadNull(ReadOnlySpan<byte> input, ref int at, byte tag)
    {
        if (ReadHeader(input, at) == (TlvControl.Context | TlvControl.Null | (tag << 8)))
        {
            at += 2;
            return true;
        }

        return false;
    }

    /// <summary>
    /// Matches the start of a message that is one anonymous structure: at least its start and end, the start
    /// first. Gives the offset of its first member.
    /// </summary>
    /// <param name="message">The whole message.</param>
    /// <param name="at">The offset after the structure's start (1), when matched.</param>
    /// <returns>True when the message begins with an anonymous structure start.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryStartMessage(ReadOnlySpan<byte> message, out int at)
    {
        at = 1;
        return message.Length >= 2 && MemoryMarshal.GetReference(message) == TlvControl.Structure;
    }

    /// <summary>True when the element at <paramref name="at"/> is an end-of-container and the message's last byte.</summary>
    /// <param name="message">The whole message.</param>
    /// <param name="at">The offset after the members read.</param>
    /// <returns>True when the message's structure ends at <paramref name="at"/> and nothing follows.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsEndOfMessage(ReadOnlySpan<byte> message, int at) =>
        at >= 0 && at == message.Length - 1 && Unsafe.Add(ref MemoryMarshal.GetReference(message), at) == TlvControl.EndOfContainer;

    /// <summary>
    /// Matches a context-tagged integer of the given signedness and any width at <paramref name="start"/>: the
    /// value sign- or zero-extended to 64 bits and the offset after it. Shared with <see cref="TlvReader"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool TryReadInteger(ReadOnlySpan<byte> input, int start, byte tag, bool signed, out ulong value, out int next)
    {
        // A header of -1 (fewer than 2 bytes left) never matches; a truncated value is left to the general path.
        var header = ReadHeader(input, start);
        if ((header & ~3) == (TlvControl.Context | (signed ? TlvControl.SignedInt8 : TlvControl.UnsignedInt8) | (tag << 8)))
        {
            // One case per width, as hand-written code would have it: a load of exactly that width that
            // sign- or zero-extends in the same instruction, and a constant length.
            var remaining = input.Length - start - 2;
            ref var bytes = ref Unsafe.Add(ref MemoryMarshal.GetReference(input), start + 2);
            switch (header & 3)
            {
                case 0 when remaining >= 1:
                    value = signed ? (ulong)(sbyte)bytes : bytes;
                    next = start + 3;
                    return true;
                case 1 when remaining >= 2:
                    var value16 = TlvBytes.LittleEndian(Unsafe.ReadUnaligned<ushort>(ref bytes));
                    value = signed ? (ulong)(short)value16 : value16;
                    next = start + 4;
                    return true;
                case 2 when remaining >= 4:
                    var value32 = TlvBytes.LittleEndian(Unsafe.ReadUnaligned<uint>(ref bytes));
                    value = signed ? (ulong)(int)value32 : value32;
                    next = start + 6;
                    return true;
                case 3 when remaining >= 8:
                    value = TlvBytes.LittleEndian(Unsafe.ReadUnaligned<ulong>(ref bytes));
                    next = start + 10;
                    return true;
            }
        }

        value = 0;
        next = start;
        return false;
    }

    /// <summary>Control byte and tag byte at <paramref name="start"/> as one little-endian number; -1 when fewer than 2 bytes remain.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ReadHeader(ReadOnlySpan<byte> input, int start)
    {
        // One compare: a negative offset is huge as unsigned, and the 64-bit sum cannot overflow.
        if ((ulong)(uint)start + 2 > (uint)input.Length)
        {
            return -1;
        }

        return TlvBytes.LittleEndian(Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref MemoryMarshal.GetReference(input), start)));
    }



}
