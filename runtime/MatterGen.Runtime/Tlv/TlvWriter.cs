using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace MatterGen.Tlv;

/// <summary>
/// Writes Matter TLV (Core Specification, Appendix A) into a <see cref="Span{T}"/> or an
/// <see cref="IBufferWriter{T}"/> without allocating. Integers are written in the smallest width that holds
/// them, as the reference SDK and matter.js do; string lengths likewise. Each element is written whole or not
/// at all: when a destination span is too small a <see cref="TlvException"/> with
/// <see cref="TlvError.BufferTooSmall"/> is thrown and nothing of that element is written.
/// Breaking the container rules (an anonymous member of a structure, a tagged member of an array, closing with
/// nothing open, nesting deeper than 64) throws <see cref="InvalidOperationException"/>: that is a bug in the
/// caller, not bad input. Any tag form is accepted at top level and inside a TLV list.
/// </summary>
public ref struct TlvWriter
{
    private readonly IBufferWriter<byte>? _output;
    private Span<byte> _buffer;
    private int _position;
    private int _committed;
    private TlvContainerStack _containers;

    /// <summary>Creates a writer that fills <paramref name="destination"/> from its start.</summary>
    /// <param name="destination">Where the encoding goes.</param>
    public TlvWriter(Span<byte> destination)
    {
        _output = null;
        _buffer = destination;
        _position = 0;
        _committed = 0;
        _containers = default;
    }

    /// <summary>
    /// Creates a writer that appends to <paramref name="output"/>. Call <see cref="Flush"/> when done so the
    /// bytes written into the last span are advanced.
    /// </summary>
    /// <param name="output">Where the encoding goes.</param>
    public TlvWriter(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _buffer = default;
        _position = 0;
        _committed = 0;
        _containers = default;
    }

    /// <summary>The number of bytes written so far (flushed or not).</summary>
    public readonly int BytesWritten => _committed + _position;

    /// <summary>The number of containers open.</summary>
    public readonly int Depth => _containers.Depth;

    /// <summary>In span mode, the bytes written so far; empty in <see cref="IBufferWriter{T}"/> mode.</summary>
    public readonly ReadOnlySpan<byte> WrittenSpan => _output is null ? _buffer[.._position] : default;

    /// <summary>Writes a signed integer in the smallest of 1, 2, 4 or 8 bytes that holds it.</summary>
    /// <param name="tag">The element's tag.</param>
    /// <param name="value">The value.</param>
    public void WriteSignedInteger(TlvTag tag, long value)
    {
        if (value == (sbyte)value)
        {
            var span = Begin(tag, TlvControl.SignedInt8, 1, out var at);
            span[at] = (byte)value;
        }
        else if (value == (short)value)
        {
            var span = Begin(tag, TlvControl.SignedInt8 + 1, 2, out var at);
            BinaryPrimitives.WriteInt16LittleEndian(span[at..], (short)value);
        }
        else if (value == (int)value)
        {
            var span = Begin(tag, TlvControl.SignedInt8 + 2, 4, out var at);
            BinaryPrimitives.WriteInt32LittleEndian(span[at..], (int)value);
        }
        else
        {
            var span = Begin(tag, TlvControl.SignedInt8 + 3, 8, out var at);
            BinaryPrimitives.WriteInt64LittleEndian(span[at..], value);
        }
    }

    /// <summary>Writes an unsigned integer in the smallest of 1, 2, 4 or 8 bytes that holds it.</summary>
    /// <param name="tag">The element's tag.</param>
    /// <param name="value">The value.</param>
    public void WriteUnsignedInteger(TlvTag tag, ulong value)
    {
        if (value <= byte.MaxValue)
        {
            var span = Begin(tag, TlvControl.UnsignedInt8, 1, out var at);
            span[at] = (byte)value;
        }
        else if (value <= ushort.MaxValue)
        {
            var span = Begin(tag, TlvControl.UnsignedInt8 + 1, 2, out var at);
            BinaryPrimitives.WriteUInt16LittleEndian(span[at..], (ushort)value);
        }
        else if (value <= uint.MaxValue)
        {
            var span = Begin(tag, TlvControl.UnsignedInt8 + 2, 4, out var at);
            BinaryPrimitives.WriteUInt32LittleEndian(span[at..], (uint)value);
        }
        else
        {
            var span = Begin(tag, TlvControl.UnsignedInt8 + 3, 8, out var at);
            BinaryPrimitives.WriteUInt64LittleEndian(span[at..], value);
        }
    }

    /// <summary>Writes a boolean.</summary>
    /// <param name="tag">The element's tag.</param>
    /// <param name="value">The value.</param>
    public void WriteBoolean(TlvTag tag, bool value) =>
        Begin(tag, value ? TlvControl.BooleanTrue : TlvControl.BooleanFalse, 0, out _);

    /// <summary>Writes an IEEE-754 binary32 value.</summary>
    /// <param name="tag">The element's tag.</param>
    /// <param name="value">The value.</param>
    public void WriteSingle(TlvTag tag, float value)
    {
        var span = Begin(tag, TlvControl.Float32, 4, out var at);
        BinaryPrimitives.WriteSingleLittleEndian(span[at..], value);
    }

    /// <summary>Writes an IEEE-754 binary64 value.</summary>
    /// <param name="tag">The element's tag.</param>
    /// <param name="value">The value.</param>
    public void WriteDouble(TlvTag tag, double value)
    {
        var span = Begin(tag, TlvControl.Float64, 8, out var at);
        BinaryPrimitives.WriteDoubleLittleEndian(span[at..], value);
    }

    /// <summary>Writes a UTF-8 string given as bytes the caller has already encoded (not validated here).</summary>
    /// <param name="tag">The element's tag.</param>
    /// <param name="utf8">The UTF-8 bytes.</param>
    public void WriteUtf8String(TlvTag tag, ReadOnlySpan<byte> utf8)
    {
        var span = BeginString(tag, TlvControl.Utf8Length1, utf8.Length, out var at);
        utf8.CopyTo(span[at..]);
    }

    /// <summary>
    /// Writes a string, encoding it as UTF-8 straight into the output. Lone surrogates become U+FFFD, the
    /// replacement character, so the result is always valid UTF-8.
    /// </summary>
    /// <param name="tag">The element's tag.</param>
    /// <param name="value">The characters.</param>
    public void WriteString(TlvTag tag, ReadOnlySpan<char> value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        var span = BeginString(tag, TlvControl.Utf8Length1, length, out var at);
        Encoding.UTF8.GetBytes(value, span[at..]);
    }

    /// <summary>Writes an octet string.</summary>
    /// <param name="tag">The element's tag.</param>
    /// <param name="value">The bytes.</param>
    public void WriteOctetString(TlvTag tag, ReadOnlySpan<byte> value)
    {
        var span = BeginString(tag, TlvControl.OctetLength1, value.Length, out var at);
        value.CopyTo(span[at..]);
    }

    /// <summary>Writes a null.</summary>
    /// <param name="tag">The element's tag.</param>
    public void WriteNull(TlvTag tag) => Begin(tag, TlvControl.Null, 0, out _);

    /// <summary>Opens a structure; its members need non-anonymous tags. Close it with <see cref="EndContainer"/>.</summary>
    /// <param name="tag">The structure's own tag.</param>
    public void StartStructure(TlvTag tag) => StartContainer(tag, TlvControl.Structure, TlvElementType.Structure);

    /// <summary>Opens an array (a Matter data-model list); its members must be anonymous.</summary>
    /// <param name="tag">The array's own tag.</param>
    public void StartArray(TlvTag tag) => StartContainer(tag, TlvControl.Array, TlvElementType.Array);

    /// <summary>Opens a TLV list; its members may be tagged or anonymous.</summary>
    /// <param name="tag">The list's own tag.</param>
    public void StartList(TlvTag tag) => StartContainer(tag, TlvControl.List, TlvElementType.List);

    /// <summary>Closes the innermost open container.</summary>
    /// <exception cref="InvalidOperationException">No container is open.</exception>
    public void EndContainer()
    {
        if (_containers.Depth == 0)
        {
            throw new InvalidOperationException("EndContainer was called with no TLV container open.");
        }

        var span = Reserve(1);
        span[_position++] = TlvControl.EndOfContainer;
        _containers.Pop();
    }

    /// <summary>
    /// In <see cref="IBufferWriter{T}"/> mode, advances the output past what has been written; a no-op in span
    /// mode. The writer stays usable afterwards.
    /// </summary>
    public void Flush()
    {
        if (_output is not null && _position > 0)
        {
            _output.Advance(_position);
            _committed += _position;
            _position = 0;
            _buffer = default;
        }
    }

    private void StartContainer(TlvTag tag, byte control, TlvElementType kind)
    {
        if (_containers.Depth == TlvContainerStack.MaxDepth)
        {
            throw new InvalidOperationException($"TLV containers cannot be nested deeper than {TlvContainerStack.MaxDepth}.");
        }

        Begin(tag, control, 0, out _);
        _containers.Push(kind);
    }

    /// <summary>Writes a string header (length in the smallest width) and reserves room for the bytes.</summary>
    private Span<byte> BeginString(TlvTag tag, byte controlForLength1, int length, out int at)
    {
        if (length > int.MaxValue - 16)
        {
            // Header plus value would overflow an int; no span or buffer writer can hold it anyway.
            throw new TlvException(TlvError.BufferTooSmall, BytesWritten, $"a string of {length} bytes is too long to encode");
        }

        var (widthCode, widthBytes) = length <= byte.MaxValue ? (0, 1) : length <= ushort.MaxValue ? (1, 2) : (2, 4);
        var span = Begin(tag, (byte)(controlForLength1 + widthCode), widthBytes + length, out at);
        switch (widthBytes)
        {
            case 1: span[at] = (byte)length; break;
            case 2: BinaryPrimitives.WriteUInt16LittleEndian(span[at..], (ushort)length); break;
            default: BinaryPrimitives.WriteUInt32LittleEndian(span[at..], (uint)length); break;
        }

        at += widthBytes;
        return span;
    }

    /// <summary>
    /// Checks the tag against the enclosing container, reserves room for the whole element, writes the control
    /// byte and the tag, and returns the buffer with <paramref name="valueAt"/> pointing at the value bytes.
    /// The position is moved past the whole element.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Span<byte> Begin(TlvTag tag, byte elementType, int valueLength, out int valueAt)
    {
        if (_containers.Depth != 0)
        {
            CheckTagInContainer(tag);
        }

        if (tag.Kind == TlvTagKind.Context)
        {
            // The hot path for generated code: a context-tagged member of a structure.
            var span = Reserve(2 + valueLength);
            var start = _position;
            span[start] = (byte)(TlvControl.Context | elementType);
            span[start + 1] = (byte)tag.Number;
            valueAt = start + 2;
            _position = valueAt + valueLength;
            return span;
        }

        return BeginOtherTag(tag, elementType, valueLength, out valueAt);
    }

    private Span<byte> BeginOtherTag(TlvTag tag, byte elementType, int valueLength, out int valueAt)
    {
        var number = tag.Number;
        var shortNumber = number <= ushort.MaxValue;
        var (control, tagLength) = tag.Kind switch
        {
            TlvTagKind.Anonymous => (TlvControl.Anonymous, 0),
            TlvTagKind.CommonProfile => shortNumber ? (TlvControl.CommonProfile2, 2) : (TlvControl.CommonProfile4, 4),
            TlvTagKind.ImplicitProfile => shortNumber ? (TlvControl.ImplicitProfile2, 2) : (TlvControl.ImplicitProfile4, 4),
            TlvTagKind.FullyQualified => shortNumber ? (TlvControl.FullyQualified6, 6) : (TlvControl.FullyQualified8, 8),
            _ => throw new InvalidOperationException("Unknown TLV tag kind " + tag.Kind + "."),
        };

        var span = Reserve(1 + tagLength + valueLength);
        var at = _position;
        span[at++] = (byte)(control | elementType);
        if (tag.Kind == TlvTagKind.FullyQualified)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(span[at..], tag.VendorId);
            BinaryPrimitives.WriteUInt16LittleEndian(span[(at + 2)..], tag.ProfileNumber);
            at += 4;
        }

        if (tagLength != 0)
        {
            if (shortNumber)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(span[at..], (ushort)number);
                at += 2;
            }
            else
            {
                BinaryPrimitives.WriteUInt32LittleEndian(span[at..], number);
                at += 4;
            }
        }

        valueAt = at;
        _position = at + valueLength;
        return span;
    }

    private readonly void CheckTagInContainer(TlvTag tag)
    {
        var container = _containers.Current;
        if (container == TlvElementType.Structure && tag.Kind == TlvTagKind.Anonymous)
        {
            throw new InvalidOperationException("A member of a TLV structure needs a tag; anonymous is not allowed there.");
        }

        if (container == TlvElementType.Array && tag.Kind != TlvTagKind.Anonymous)
        {
            throw new InvalidOperationException($"A member of a TLV array must be anonymous, not tagged {tag}.");
        }
    }

    /// <summary>Makes sure <paramref name="count"/> bytes fit at the current position and returns the buffer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Span<byte> Reserve(int count)
    {
        if ((uint)count > (uint)(_buffer.Length - _position))
        {
            Grow(count);
        }

        return _buffer;
    }

    private void Grow(int count)
    {
        if (_output is null)
        {
            throw new TlvException(TlvError.BufferTooSmall, _position,
                $"the element needs {count} bytes but {_buffer.Length - _position} remain");
        }

        if (_position > 0)
        {
            _output.Advance(_position);
            _committed += _position;
            _position = 0;
        }

        _buffer = _output.GetSpan(count);
        if (_buffer.Length < count)
        {
            throw new InvalidOperationException("The IBufferWriter returned a span smaller than requested.");
        }
    }
}
