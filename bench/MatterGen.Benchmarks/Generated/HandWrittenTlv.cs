using System;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace MatterGen.Benchmarks.Generated;

/// <summary>
/// The few TLV primitives the hand-written baselines share: a context-tagged integer in the smallest width,
/// as the generated code writes it, and the matching strict read. Plain BinaryPrimitives, no TlvWriter.
/// </summary>
internal static class HandWrittenTlv
{
    /// <summary>Writes a context-tagged signed integer in the smallest width; returns the new position.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int WriteSigned(Span<byte> b, int at, byte tag, long value)
    {
        if (value == (sbyte)value)
        {
            b[at] = 0x20; b[at + 1] = tag; b[at + 2] = (byte)value;
            return at + 3;
        }

        if (value == (short)value)
        {
            b[at] = 0x21; b[at + 1] = tag; BinaryPrimitives.WriteInt16LittleEndian(b[(at + 2)..], (short)value);
            return at + 4;
        }

        if (value == (int)value)
        {
            b[at] = 0x22; b[at + 1] = tag; BinaryPrimitives.WriteInt32LittleEndian(b[(at + 2)..], (int)value);
            return at + 6;
        }

        b[at] = 0x23; b[at + 1] = tag; BinaryPrimitives.WriteInt64LittleEndian(b[(at + 2)..], value);
        return at + 10;
    }

    /// <summary>Writes a context-tagged unsigned integer in the smallest width; returns the new position.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int WriteUnsigned(Span<byte> b, int at, byte tag, uint value)
    {
        if (value <= byte.MaxValue)
        {
            b[at] = 0x24; b[at + 1] = tag; b[at + 2] = (byte)value;
            return at + 3;
        }

        if (value <= ushort.MaxValue)
        {
            b[at] = 0x25; b[at + 1] = tag; BinaryPrimitives.WriteUInt16LittleEndian(b[(at + 2)..], (ushort)value);
            return at + 4;
        }

        b[at] = 0x26; b[at + 1] = tag; BinaryPrimitives.WriteUInt32LittleEndian(b[(at + 2)..], value);
        return at + 6;
    }

    /// <summary>Reads a context-tagged signed integer of any width with the expected tag; returns the new position.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ReadSigned(ReadOnlySpan<byte> b, int at, byte tag, out long value)
    {
        var control = b[at];
        if ((control & 0xFC) != 0x20 || b[at + 1] != tag)
        {
            throw new InvalidOperationException("unexpected element at " + at);
        }

        var value0 = at + 2;
        switch (control & 3)
        {
            case 0: value = (sbyte)b[value0]; return value0 + 1;
            case 1: value = BinaryPrimitives.ReadInt16LittleEndian(b[value0..]); return value0 + 2;
            case 2: value = BinaryPrimitives.ReadInt32LittleEndian(b[value0..]); return value0 + 4;
            default: value = BinaryPrimitives.ReadInt64LittleEndian(b[value0..]); return value0 + 8;
        }
    }

    /// <summary>Reads a context-tagged unsigned integer of any width with the expected tag; returns the new position.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ReadUnsigned(ReadOnlySpan<byte> b, int at, byte tag, out ulong value)
    {
        var control = b[at];
        if ((control & 0xFC) != 0x24 || b[at + 1] != tag)
        {
            throw new InvalidOperationException("unexpected element at " + at);
        }

        var value0 = at + 2;
        switch (control & 3)
        {
            case 0: value = b[value0]; return value0 + 1;
            case 1: value = BinaryPrimitives.ReadUInt16LittleEndian(b[value0..]); return value0 + 2;
            case 2: value = BinaryPrimitives.ReadUInt32LittleEndian(b[value0..]); return value0 + 4;
            default: value = BinaryPrimitives.ReadUInt64LittleEndian(b[value0..]); return value0 + 8;
        }
    }

    /// <summary>Checks that the byte at <paramref name="at"/> is <paramref name="expected"/>; returns the next position.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Expect(ReadOnlySpan<byte> b, int at, byte expected) =>
        b[at] == expected ? at + 1 : throw new InvalidOperationException($"expected 0x{expected:X2} at {at}");
}
