using System;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace MatterGen.Tlv;

/// <summary>
/// The little-endian integer loads and stores the TLV reader and writers share: one instruction each on a
/// little-endian machine, a byte swap on a big-endian one.
/// </summary>
internal static class TlvBytes
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ushort LittleEndian(ushort value) => BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint LittleEndian(uint value) => BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong LittleEndian(ulong value) => BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value);

    /// <summary>Stores <paramref name="value"/> in the width of code <paramref name="code"/> (0..3 = 1, 2, 4, 8 bytes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreInteger(ref byte bytes, int code, ulong value)
    {
        // Tests rather than a switch: inlined, a narrow argument's code is known and the rest folds away.
        if (code == 0)
        {
            bytes = (byte)value;
        }
        else if (code == 1)
        {
            Unsafe.WriteUnaligned(ref bytes, LittleEndian((ushort)value));
        }
        else if (code == 2)
        {
            Unsafe.WriteUnaligned(ref bytes, LittleEndian((uint)value));
        }
        else
        {
            Unsafe.WriteUnaligned(ref bytes, LittleEndian(value));
        }
    }

    /// <summary>
    /// The integer of width code <paramref name="code"/> (1, 2, 4 or 8 bytes) at <paramref name="bytes"/>,
    /// zero-extended, read with one load of exactly its width: for an integer that ends less than 8 bytes
    /// before the input does (short messages end with one), where an 8-byte load would overrun.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong LoadInteger(ref byte bytes, int code) => code switch
    {
        0 => bytes,
        1 => LittleEndian(Unsafe.ReadUnaligned<ushort>(ref bytes)),
        2 => LittleEndian(Unsafe.ReadUnaligned<uint>(ref bytes)),
        _ => LittleEndian(Unsafe.ReadUnaligned<ulong>(ref bytes)),
    };
}
