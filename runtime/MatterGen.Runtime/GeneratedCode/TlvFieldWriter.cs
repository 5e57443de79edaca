using System;
using System.Buffers.Binary;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using MatterGen.Tlv;

namespace MatterGen.GeneratedCode;

/// <summary>
/// Writes single TLV elements into a span at an offset the caller keeps (in a register, not in a writer), for
/// generated <see cref="ITlvStructureFields.EncodeTlvFields"/> methods. Each method checks that the whole element
/// fits, writes it and returns the offset after it; when it does not fit it throws <see cref="TlvException"/>
/// with <see cref="TlvError.BufferTooSmall"/> and writes nothing. The encoding is the one <see cref="TlvWriter"/>
/// produces (integers and string lengths in the smallest width). Container rules are the caller's: generated
/// code tags structure members and leaves array members anonymous by construction.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class TlvFieldWriter
{
    /// <summary>The <c>tag</c> argument for an anonymous element (an array member); 0..255 is a context tag.</summary>
    public const int Anonymous = -1;

    /// <summary>Writes an unsigned integer in the smallest of 1, 2, 4 or 8 bytes that holds it.</summary>
    /// <param name="destination">The span written into.</param>
    /// <param name="at">The offset of the element's control byte.</param>
    /// <param name="tag">A context tag 0..255, or <see cref="Anonymous"/>.</param>
    /// <param name="value">The value.</param>
    /// <returns>The offset after the element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int WriteUnsigned(Span<byte> destination, int at, int tag, ulong value)
    {
        var code = value <= byte.MaxValue ? 0 : value <= ushort.MaxValue ? 1 : value <= uint.MaxValue ? 2 : 3;
        return WriteInteger(destination, at, tag, TlvControl.UnsignedInt8 + code, code, value);
    }

    /// <summary>Writes a signed integer in the smallest of 1, 2, 4 or 8 bytes that holds it.</summary>
    /// <param name="destination">The span written into.</param>
    /// <param name="at">The offset of the element's control byte.</param>
    /// <param name="tag">A context tag 0..255, or <see cref="Anonymous"/>.</param>
    /// <param name="value">The value.</param>
    /// <returns>The offset after the element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int WriteSigned(Span<byte> destination, int at, int tag, long value)
    {
        var code = value == (sbyte)value ? 0 : value == (short)value ? 1 : value == (int)value ? 2 : 3;
        return WriteInteger(destination, at, tag, TlvControl.SignedInt8 + code, code, (ulong)value);
    }

    /// <summary>Writes a boolean.</summary>
    /// <param name="destination">The span written into.</param>
    /// <param name="at">The offset of the element's control byte.</param>
    /// <param name="tag">A context tag 0..255, or <see cref="Anonymous"/>.</param>
    /// <param name="value">The value.</param>
    /// <returns>The offset after the element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int WriteBoolean(Span<byte> destination, int at, int tag, bool value)
    {
        Header(destination, at, tag, value ? TlvControl.BooleanTrue : TlvControl.BooleanFalse, 0, out var next);
        return next;
    }

    /// <summary>Writes a null.</summary>
    /// <param name="destination">The span written into.</param>
    /// <param name="at">The offset of the element's control byte.</param>
    /// <param name="tag">A context tag 0..255, or <see cref="Anonymous"/>.</param>
    /// <returns>The offset after the element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int WriteNull(Span<byte> destination, int at, int tag)
    {
        Header(destination, at, tag, TlvControl.Null, 0, out var next);
        return next;
    }

    /// <summary>Writes an IEEE-754 binary32 value.</summary>
    /// <param name="destination">The span written into.</param>
    /// <param name="at">The offset of the element's control byte.</param>
    /// <param name="tag">A context tag 0..255, or <see cref="Anonymous"/>.</param>
    /// <param name="value">The value.</param>
    /// <returns>The offset after the element.</returns>
    public static int WriteSingle(Span<byte> destination, int at, int tag, float value)
    {
        ref var bytes = ref Header(destination, at, tag, TlvControl.Float32, 4, out var next);
        BinaryPrimitives.WriteSingleLittleEndian(MemoryMarshal.CreateSpan(ref bytes, 4), value);
        return next;
    }

    /// <summary>Writes an IEEE-754 binary64 value.</summary>
    /// <param name="destination">The span written into.</param>
    /// <param name="at">The offset of the element's control byte.</param>
    /// <param name="tag">A context tag 0..255, or <see cref="Anonymous"/>.</param>
    /// <param name="value">The value.</param>
    /// <returns>The offset after the element.</returns>
    public static int WriteDouble(Span<byte> destination, int at, int tag, double value)
    {
        ref var bytes = ref Header(destination, at, tag, TlvControl.Float64, 8, out var next);
        BinaryPrimitives.WriteDoubleLittleEndian(MemoryMarshal.CreateSpan(ref bytes, 8), value);
        return next;
    }

    /// <summary>
    /// Writes a string as UTF-8, encoded straight into the span; lone surrogates become U+FFFD, as with
    /// <see cref="TlvWriter.WriteString"/>.
    /// </summary>
    /// <param name="destination">The span written into.</param>
    /// <param name="at">The offset of the element's control byte.</param>
    /// <param name="tag">A context tag 0..255, or <see cref="Anonymous"/>.</param>
    /// <param name="value">The characters.</param>
    /// <returns>The offset after the element.</returns>
    public static int WriteString(Span<byte> destination, int at, int tag, ReadOnlySpan<char> value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        var bytes = StringHeader(destination, at, tag, TlvControl.Utf8Length1, length, out var next);
        Encoding.UTF8.GetBytes(value, bytes);
        return next;
    }

    /// <summary>Writes an octet string.</summary>
    /// <param name="destination">The span written into.</param>
    /// <param name="at">The offset of the element's control byte.</param>
    /// <param name="tag">A context tag 0..255, or <see cref="Anonymous"/>.</param>
    /// <param name="value">The bytes.</param>
    /// <returns>The offset after the element.</returns>
    public static int WriteOctetString(Span<byte> destination, int at, int tag, ReadOnlySpan<byte> value)
    {
        value.CopyTo(StringHeader(destination, at, tag, TlvControl.OctetLength1, value.Length, out var next));
        return next;
    }

    /// <summary>Writes the start of a structure; its fields follow, then <see cref="EndContainer"/>.</summary>
    /// <param name="destination">The span written into.</param>
    /// <param name="at">The offset of the element's control byte.</param>
    /// <param name="tag">A context tag 0..255, or <see cref="Anonymous"/>.</param>
    /// <returns>The offset after the structure's start.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int StartStructure(Span<byte> destination, int at, int tag)
    {
        Header(destination, at, tag, TlvControl.Structure, 0, out var next);
        return next;
    }

    /// <summary>Writes the start of an array; its anonymous members follow, then <see cref="EndContainer"/>.</summary>
    /// <param name="destination">The span written into.</param>
    /// <param name="at">The offset of the element's control byte.</param>
    /// <param name="tag">A context tag 0..255, or <see cref="Anonymous"/>.</param>
    /// <returns>The offset after the array's start.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int StartArray(Span<byte> destination, int at, int tag)
    {
        Header(destination, at, tag, TlvControl.Array, 0, out var next);
        return next;
    }

    /// <summary>Writes an end-of-container.</summary>
    /// <param name="destination">The span written into.</param>
    /// <param name="at">The offset of the end-of-container.</param>
    /// <returns>The offset after it.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int EndContainer(Span<byte> destination, int at)
    {
        if ((uint)at >= (uint)destination.Length)
        {
            ThrowTooSmall(at, 1, destination.Length);
        }

        Unsafe.Add(ref MemoryMarshal.GetReference(destination), at) = TlvControl.EndOfContainer;
        return at + 1;
    }

    /// <summary>
    /// Writes a container start with any tag form (the top-level structure a writer was asked for); the number
    /// of bytes is 1 plus the tag's length.
    /// </summary>
    internal static int StartContainer(Span<byte> destination, int at, TlvTag tag, byte containerType)
    {
        if (tag.Kind == TlvTagKind.Anonymous)
        {
            return StartStructureOrArray(destination, at, Anonymous, containerType);
        }

        if (tag.Kind == TlvTagKind.Context)
        {
            return StartStructureOrArray(destination, at, (int)tag.Number, containerType);
        }

        var length = ProfileTagLength(tag);
        if ((uint)at > (uint)destination.Length || 1 + length > destination.Length - at)
        {
            ThrowTooSmall(at, 1 + length, destination.Length);
        }

        WriteProfileTag(destination.Slice(at, 1 + length), tag, containerType);
        return at + 1 + length;
    }

    /// <summary>The number of bytes after the control byte that a profile tag (common, implicit, fully qualified) takes.</summary>
    internal static int ProfileTagLength(TlvTag tag)
    {
        var shortNumber = tag.Number <= ushort.MaxValue;
        return tag.Kind == TlvTagKind.FullyQualified ? (shortNumber ? 6 : 8) : (shortNumber ? 2 : 4);
    }

    /// <summary>Writes the control byte and a profile tag into <paramref name="header"/>, exactly 1 + its tag length bytes.</summary>
    internal static void WriteProfileTag(Span<byte> header, TlvTag tag, byte elementType)
    {
        var number = tag.Number;
        var shortNumber = number <= ushort.MaxValue;
        var control = tag.Kind switch
        {
            TlvTagKind.CommonProfile => shortNumber ? TlvControl.CommonProfile2 : TlvControl.CommonProfile4,
            TlvTagKind.ImplicitProfile => shortNumber ? TlvControl.ImplicitProfile2 : TlvControl.ImplicitProfile4,
            TlvTagKind.FullyQualified => shortNumber ? TlvControl.FullyQualified6 : TlvControl.FullyQualified8,
            _ => throw new InvalidOperationException("Unknown TLV tag kind " + tag.Kind + "."),
        };

        header[0] = (byte)(control | elementType);
        var at = 1;
        if (tag.Kind == TlvTagKind.FullyQualified)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(header[at..], tag.VendorId);
            BinaryPrimitives.WriteUInt16LittleEndian(header[(at + 2)..], tag.ProfileNumber);
            at += 4;
        }

        if (shortNumber)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(header[at..], (ushort)number);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(header[at..], number);
        }
    }

    private static int StartStructureOrArray(Span<byte> destination, int at, int tag, byte containerType)
    {
        Header(destination, at, tag, containerType, 0, out var next);
        return next;
    }

    /// <summary>Writes an integer element whose width code (0..3 = 1, 2, 4, 8 bytes) the caller chose.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int WriteInteger(Span<byte> destination, int at, int tag, int elementType, int code, ulong value)
    {
        ref var bytes = ref Header(destination, at, tag, elementType, 1 << code, out var next);
        TlvBytes.StoreInteger(ref bytes, code, value);
        return next;
    }

    /// <summary>
    /// Checks that control byte, tag and <paramref name="valueLength"/> value bytes fit at <paramref name="at"/>,
    /// writes control byte and tag, and returns a reference to the first value byte.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref byte Header(Span<byte> destination, int at, int tag, int elementType, int valueLength, out int next)
    {
        var headerLength = tag < 0 ? 1 : 2;
        var total = headerLength + valueLength;

        // One compare: a negative offset is huge as unsigned, and the 64-bit sum cannot overflow.
        if ((ulong)(uint)at + (uint)total > (uint)destination.Length)
        {
            ThrowTooSmall(at, total, destination.Length);
        }

        ref var start = ref Unsafe.Add(ref MemoryMarshal.GetReference(destination), at);
        if (tag < 0)
        {
            start = (byte)elementType;
        }
        else
        {
            // Control byte and tag number in one store.
            Unsafe.WriteUnaligned(ref start, TlvBytes.LittleEndian((ushort)((uint)(TlvControl.Context | elementType) | ((uint)(byte)tag << 8))));
        }

        next = at + total;
        return ref Unsafe.Add(ref start, headerLength);
    }

    /// <summary>Writes a string header (length in the smallest width) and returns the room for its bytes.</summary>
    private static Span<byte> StringHeader(Span<byte> destination, int at, int tag, byte controlForLength1, int length, out int next)
    {
        if (length > int.MaxValue - 16)
        {
            throw new TlvException(TlvError.BufferTooSmall, at, $"a string of {length} bytes is too long to encode");
        }

        var (widthCode, widthBytes) = length <= byte.MaxValue ? (0, 1) : length <= ushort.MaxValue ? (1, 2) : (2, 4);
        ref var bytes = ref Header(destination, at, tag, controlForLength1 + widthCode, widthBytes + length, out next);
        TlvBytes.StoreInteger(ref bytes, widthCode, (uint)length);

        return MemoryMarshal.CreateSpan(ref Unsafe.Add(ref bytes, widthBytes), length);
    }



    [DoesNotReturn]
    private static void ThrowTooSmall(int at, int count, int length) =>
        throw new TlvException(TlvError.BufferTooSmall, at,
            $"the element needs {count} bytes but {Math.Max(0, length - at)} remain");
}
