using System;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;

namespace MatterGen.Tlv;

/// <content>The current element's value as a .NET type: integers of any width, booleans, floats, strings and octet strings.</content>
public ref partial struct TlvReader
{
    /// <summary>Reads a signed integer element of any width.</summary>
    /// <exception cref="TlvException">The element is not a signed integer (<see cref="TlvError.UnexpectedType"/>).</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly long GetInt64()
    {
        if (elementType != TlvElementType.SignedInteger)
        {
            ThrowUnexpectedType(TlvElementType.SignedInteger);
        }

        return (long)scalarValue;
    }

    /// <summary>Reads an unsigned integer element of any width.</summary>
    /// <exception cref="TlvException">The element is not an unsigned integer (<see cref="TlvError.UnexpectedType"/>).</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly ulong GetUInt64()
    {
        if (elementType != TlvElementType.UnsignedInteger)
        {
            ThrowUnexpectedType(TlvElementType.UnsignedInteger);
        }

        return scalarValue;
    }

    /// <summary>Reads a signed integer element that must fit <see cref="int"/>.</summary>
    /// <exception cref="TlvException">Wrong type or out of range.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly int GetInt32()
    {
        var value = GetInt64();
        if (value != (int)value)
        {
            ThrowOutOfRange(nameof(Int32));
        }

        return (int)value;
    }

    /// <summary>Reads an unsigned integer element that must fit <see cref="uint"/>.</summary>
    /// <exception cref="TlvException">Wrong type or out of range.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly uint GetUInt32()
    {
        var value = GetUInt64();
        if (value > uint.MaxValue)
        {
            ThrowOutOfRange(nameof(UInt32));
        }

        return (uint)value;
    }

    /// <summary>Reads a signed integer element that must fit <see cref="short"/>.</summary>
    /// <exception cref="TlvException">Wrong type or out of range.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly short GetInt16()
    {
        var value = GetInt64();
        if (value != (short)value)
        {
            ThrowOutOfRange(nameof(Int16));
        }

        return (short)value;
    }

    /// <summary>Reads an unsigned integer element that must fit <see cref="ushort"/>.</summary>
    /// <exception cref="TlvException">Wrong type or out of range.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly ushort GetUInt16()
    {
        var value = GetUInt64();
        if (value > ushort.MaxValue)
        {
            ThrowOutOfRange(nameof(UInt16));
        }

        return (ushort)value;
    }

    /// <summary>Reads a signed integer element that must fit <see cref="sbyte"/>.</summary>
    /// <exception cref="TlvException">Wrong type or out of range.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly sbyte GetSByte()
    {
        var value = GetInt64();
        if (value != (sbyte)value)
        {
            ThrowOutOfRange(nameof(SByte));
        }

        return (sbyte)value;
    }

    /// <summary>Reads an unsigned integer element that must fit <see cref="byte"/>.</summary>
    /// <exception cref="TlvException">Wrong type or out of range.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly byte GetByte()
    {
        var value = GetUInt64();
        if (value > byte.MaxValue)
        {
            ThrowOutOfRange(nameof(Byte));
        }

        return (byte)value;
    }

    /// <summary>Reads a boolean element.</summary>
    /// <exception cref="TlvException">The element is not a boolean.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly bool GetBoolean()
    {
        if (elementType != TlvElementType.Boolean)
        {
            ThrowUnexpectedType(TlvElementType.Boolean);
        }

        return scalarValue != 0;
    }

    /// <summary>Reads a binary32 element.</summary>
    /// <exception cref="TlvException">The element is not a <see cref="TlvElementType.Float"/>.</exception>
    public readonly float GetSingle()
    {
        if (elementType != TlvElementType.Float)
        {
            ThrowUnexpectedType(TlvElementType.Float);
        }

        return BinaryPrimitives.ReadSingleLittleEndian(encoded.Slice(valueOffset, 4));
    }

    /// <summary>Reads a binary64 element; a binary32 element is widened (exactly).</summary>
    /// <exception cref="TlvException">The element is neither a <see cref="TlvElementType.Double"/> nor a <see cref="TlvElementType.Float"/>.</exception>
    public readonly double GetDouble()
    {
        if (elementType == TlvElementType.Float)
        {
            return BinaryPrimitives.ReadSingleLittleEndian(encoded.Slice(valueOffset, 4));
        }

        if (elementType != TlvElementType.Double)
        {
            ThrowUnexpectedType(TlvElementType.Double);
        }

        return BinaryPrimitives.ReadDoubleLittleEndian(encoded.Slice(valueOffset, 8));
    }

    /// <summary>The bytes of a UTF-8 string element, as a view into the input, checked to be valid UTF-8.</summary>
    /// <exception cref="TlvException">Not a UTF-8 string, or <see cref="TlvError.InvalidUtf8"/>.</exception>
    public readonly ReadOnlySpan<byte> GetUtf8Bytes()
    {
        if (elementType != TlvElementType.Utf8String)
        {
            ThrowUnexpectedType(TlvElementType.Utf8String);
        }

        var bytes = encoded.Slice(valueOffset, valueLength);
        if (!Utf8.IsValid(bytes))
        {
            throw new TlvException(TlvError.InvalidUtf8, elementOffset, "the string is not well-formed UTF-8");
        }

        return bytes;
    }

    /// <summary>A UTF-8 string element decoded to a new <see cref="string"/>.</summary>
    /// <exception cref="TlvException">Not a UTF-8 string, or <see cref="TlvError.InvalidUtf8"/>.</exception>
    public readonly string GetString() => Encoding.UTF8.GetString(GetUtf8Bytes());

    /// <summary>The bytes of an octet string element, as a view into the input.</summary>
    /// <exception cref="TlvException">The element is not an octet string.</exception>
    public readonly ReadOnlySpan<byte> GetOctetString()
    {
        if (elementType != TlvElementType.ByteString)
        {
            ThrowUnexpectedType(TlvElementType.ByteString);
        }

        return encoded.Slice(valueOffset, valueLength);
    }

    /// <summary>The bytes of an octet string element, copied into a new array.</summary>
    /// <exception cref="TlvException">The element is not an octet string.</exception>
    public readonly byte[] GetOctetStringArray() => GetOctetString().ToArray();

    /// <summary>
    /// The bytes of an octet string element as a slice of the memory the reader was created over (no copy).
    /// </summary>
    /// <exception cref="TlvException">The element is not an octet string.</exception>
    /// <exception cref="InvalidOperationException">The reader was created over a span, not over memory.</exception>
    public readonly ReadOnlyMemory<byte> GetOctetStringMemory()
    {
        if (elementType != TlvElementType.ByteString)
        {
            ThrowUnexpectedType(TlvElementType.ByteString);
        }

        if (!hasMemory)
        {
            throw new InvalidOperationException("GetOctetStringMemory needs a TlvReader created over ReadOnlyMemory<byte>.");
        }

        return memory.Slice(valueOffset, valueLength);
    }
}
