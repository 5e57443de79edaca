using System;
using System.Buffers;
using System.Buffers.Binary;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using MatterGen.GeneratedCode;

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
    private readonly IBufferWriter<byte>? bufferWriter;
    private Span<byte> buffer;
    private int position;
    private int committed;
    private TlvContainerStack containers;

    /// <summary>The smallest span requested from an <see cref="IBufferWriter{T}"/> for a whole structure.</summary>
    private const int MinimumStructureSpan = 256;

    /// <summary>The largest span requested for one structure before a too-small span is an error.</summary>
    private const int MaximumStructureSpan = 1 << 30;

    /// <summary>Creates a writer that fills <paramref name="destination"/> from its start.</summary>
    /// <param name="destination">Where the encoding goes.</param>
    public TlvWriter(Span<byte> destination)
    {
        bufferWriter = null;
        buffer = destination;
        position = 0;
        committed = 0;
        containers = default;
    }

    /// <summary>
    /// Creates a writer that appends to <paramref name="output"/>. Call <see cref="Flush"/> when done so the
    /// bytes written into the last span are advanced.
    /// </summary>
    /// <param name="output">Where the encoding goes.</param>
    public TlvWriter(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        bufferWriter = output;
        buffer = default;
        position = 0;
        committed = 0;
        containers = default;
    }

    /// <summary>The number of bytes written so far (flushed or not).</summary>
    public readonly int BytesWritten => committed + position;

    /// <summary>The number of containers open.</summary>
    public readonly int Depth => containers.Depth;

    /// <summary>In span mode, the bytes written so far; empty in <see cref="IBufferWriter{T}"/> mode.</summary>
    public readonly ReadOnlySpan<byte> WrittenSpan => bufferWriter is null ? buffer[..position] : default;

    /// <summary>Writes a signed integer in the smallest of 1, 2, 4 or 8 bytes that holds it.</summary>
    /// <param name="tag">The element's tag.</param>
    /// <param name="value">The value.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteSignedInteger(TlvTag tag, long value)
    {
        // Width code 0..3 = 1, 2, 4, 8 bytes; inlined so a narrow argument folds most of the comparisons.
        var code = value == (sbyte)value ? 0 : value == (short)value ? 1 : value == (int)value ? 2 : 3;
        WriteInteger(tag, TlvControl.SignedInt8, code, (ulong)value);
    }

    /// <summary>Writes an unsigned integer in the smallest of 1, 2, 4 or 8 bytes that holds it.</summary>
    /// <param name="tag">The element's tag.</param>
    /// <param name="value">The value.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteUnsignedInteger(TlvTag tag, ulong value)
    {
        var code = value <= byte.MaxValue ? 0 : value <= ushort.MaxValue ? 1 : value <= uint.MaxValue ? 2 : 3;
        WriteInteger(tag, TlvControl.UnsignedInt8, code, value);
    }

    /// <summary>Writes a boolean.</summary>
    /// <param name="tag">The element's tag.</param>
    /// <param name="value">The value.</param>
    public void WriteBoolean(TlvTag tag, bool value) =>
        Begin(tag, value ? TlvControl.BooleanTrue : TlvControl.BooleanFalse, 0);

    /// <summary>Writes an IEEE-754 binary32 value.</summary>
    /// <param name="tag">The element's tag.</param>
    /// <param name="value">The value.</param>
    public void WriteSingle(TlvTag tag, float value)
    {
        ref var at = ref Begin(tag, TlvControl.Float32, 4);
        BinaryPrimitives.WriteSingleLittleEndian(MemoryMarshal.CreateSpan(ref at, 4), value);
    }

    /// <summary>Writes an IEEE-754 binary64 value.</summary>
    /// <param name="tag">The element's tag.</param>
    /// <param name="value">The value.</param>
    public void WriteDouble(TlvTag tag, double value)
    {
        ref var at = ref Begin(tag, TlvControl.Float64, 8);
        BinaryPrimitives.WriteDoubleLittleEndian(MemoryMarshal.CreateSpan(ref at, 8), value);
    }

    /// <summary>Writes a UTF-8 string given as bytes the caller has already encoded (not validated here).</summary>
    /// <param name="tag">The element's tag.</param>
    /// <param name="utf8">The UTF-8 bytes.</param>
    public void WriteUtf8String(TlvTag tag, ReadOnlySpan<byte> utf8)
    {
        utf8.CopyTo(BeginString(tag, TlvControl.Utf8Length1, utf8.Length));
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
        Encoding.UTF8.GetBytes(value, BeginString(tag, TlvControl.Utf8Length1, length));
    }

    /// <summary>Writes an octet string.</summary>
    /// <param name="tag">The element's tag.</param>
    /// <param name="value">The bytes.</param>
    public void WriteOctetString(TlvTag tag, ReadOnlySpan<byte> value)
    {
        value.CopyTo(BeginString(tag, TlvControl.OctetLength1, value.Length));
    }

    /// <summary>Writes a null.</summary>
    /// <param name="tag">The element's tag.</param>
    public void WriteNull(TlvTag tag) => Begin(tag, TlvControl.Null, 0);

    /// <summary>Opens a structure; its members need non-anonymous tags. Close it with <see cref="EndContainer"/>.</summary>
    /// <param name="tag">The structure's own tag.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void StartStructure(TlvTag tag) => StartContainer(tag, TlvControl.Structure, TlvElementType.Structure);

    /// <summary>Opens an array (a Matter data-model list); its members must be anonymous.</summary>
    /// <param name="tag">The array's own tag.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void StartArray(TlvTag tag) => StartContainer(tag, TlvControl.Array, TlvElementType.Array);

    /// <summary>Opens a TLV list; its members may be tagged or anonymous.</summary>
    /// <param name="tag">The list's own tag.</param>
    public void StartList(TlvTag tag) => StartContainer(tag, TlvControl.List, TlvElementType.List);

    /// <summary>Closes the innermost open container.</summary>
    /// <exception cref="InvalidOperationException">No container is open.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void EndContainer()
    {
        if (containers.Depth == 0)
        {
            ThrowNothingOpen();
        }

        Reserve(1) = TlvControl.EndOfContainer;
        position++;
        containers.Pop();
    }

    /// <summary>
    /// Writes one complete element that was encoded elsewhere as an anonymous element (an attribute value, a
    /// command's fields) under <paramref name="tag"/>: the control byte gets the tag's form, the tag follows, the
    /// rest is copied unchanged. The Interaction Model carries values this way inside its messages.
    /// </summary>
    /// <param name="tag">The tag the element gets here.</param>
    /// <param name="anonymousElement">Exactly one well-formed anonymous element.</param>
    /// <exception cref="TlvException">The bytes are not exactly one well-formed anonymous element.</exception>
    public void WriteEncoded(TlvTag tag, ReadOnlySpan<byte> anonymousElement)
    {
        var reader = new TlvReader(anonymousElement);
        if (!reader.Read() || !reader.Tag.IsAnonymous || reader.ElementType == TlvElementType.EndOfContainer)
        {
            throw new TlvException(TlvError.IllegalTag, 0, "an encoded value must be one anonymous element");
        }

        reader.Skip();
        reader.ExpectEnd();
        ref var at = ref Begin(tag, anonymousElement[0], anonymousElement.Length - 1);
        anonymousElement[1..].CopyTo(MemoryMarshal.CreateSpan(ref at, anonymousElement.Length - 1));
    }

    /// <summary>
    /// In <see cref="IBufferWriter{T}"/> mode, advances the output past what has been written; a no-op in span
    /// mode. The writer stays usable afterwards.
    /// </summary>
    public void Flush()
    {
        if (bufferWriter is not null && position > 0)
        {
            bufferWriter.Advance(position);
            committed += position;
            position = 0;
            buffer = default;
        }
    }

    /// <summary>
    /// Writes a whole structure: its start with <paramref name="tag"/>, the fields <paramref name="value"/>
    /// writes straight into the output (<see cref="ITlvStructureFields.EncodeTlvFields"/>), and its end. The
    /// structure is written whole or not at all: when the span is too small a <see cref="TlvException"/> with
    /// <see cref="TlvError.BufferTooSmall"/> is thrown and nothing of it counts as written; in
    /// <see cref="IBufferWriter{T}"/> mode a larger span is requested and the structure written again.
    /// </summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="tag">The structure's own tag.</param>
    /// <param name="value">The value whose fields are written.</param>
    /// <exception cref="TlvException">The span is too small, or a field breaks its constraints.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public void WriteStructure<T>(TlvTag tag, T value)
        where T : ITlvStructureFields
    {
        ArgumentNullException.ThrowIfNull(value);
        CheckStructureTag(tag);

        if (bufferWriter is null)
        {
            position = EncodeStructure(buffer, position, tag, value);
            return;
        }

        WriteStructureToOutput(tag, value);
    }

    /// <summary>
    /// In span mode, checks that a structure tagged <paramref name="tag"/> may stand here and writes its start
    /// into the span without counting it as written yet; the caller writes the fields into
    /// <paramref name="destination"/> from <paramref name="at"/> on (<see cref="ITlvStructureFields.EncodeTlvFields"/>)
    /// and finishes with <see cref="EndStructure"/>, which writes the end and commits it all at once. Returns
    /// false, doing nothing, in <see cref="IBufferWriter{T}"/> mode: use <see cref="WriteStructure{T}"/> there.
    /// </summary>
    /// <param name="tag">The structure's own tag.</param>
    /// <param name="destination">The writer's span, to write the fields into.</param>
    /// <param name="at">The offset in <paramref name="destination"/> after the structure's start.</param>
    /// <returns>True in span mode.</returns>
    /// <exception cref="TlvException">The start does not fit (<see cref="TlvError.BufferTooSmall"/>).</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryBeginStructure(TlvTag tag, out Span<byte> destination, out int at)
    {
        if (bufferWriter is not null)
        {
            destination = default;
            at = 0;
            return false;
        }

        CheckStructureTag(tag);
        destination = buffer;
        at = tag.Kind == TlvTagKind.Anonymous
            ? TlvFieldWriter.StartStructure(buffer, position, TlvFieldWriter.Anonymous)
            : TlvFieldWriter.StartContainer(buffer, position, tag, TlvControl.Structure);
        return true;
    }

    /// <summary>
    /// Writes the end of the structure begun with <see cref="TryBeginStructure"/> at <paramref name="at"/> (the
    /// offset after its last field) and counts the whole structure as written.
    /// </summary>
    /// <param name="at">The offset after the structure's last field.</param>
    /// <exception cref="TlvException">The end does not fit (<see cref="TlvError.BufferTooSmall"/>).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is before the current position.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void EndStructure(int at)
    {
        if (at <= position)
        {
            ThrowEndBeforeStart(at);
        }

        position = TlvFieldWriter.EndContainer(buffer, at);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly void CheckStructureTag(TlvTag tag)
    {
        // The container rules a Begin would check; the fields themselves are tagged by construction.
        if (tag.Kind == TlvTagKind.Anonymous ? containers.InStructure : containers.InArray)
        {
            ThrowIllegalStructureTag(tag);
        }

        if (containers.Depth == TlvContainerStack.MaxDepth)
        {
            ThrowTooDeep();
        }
    }

    [DoesNotReturn]
    private static void ThrowIllegalStructureTag(TlvTag tag)
    {
        if (tag.Kind == TlvTagKind.Anonymous)
        {
            ThrowAnonymousInStructure();
        }

        ThrowTaggedInArray(tag);
    }

    [DoesNotReturn]
    private readonly void ThrowEndBeforeStart(int at) =>
        throw new ArgumentOutOfRangeException(nameof(at), at, $"A structure cannot end at or before the position {position} it started at.");

    private static int EncodeStructure<T>(Span<byte> destination, int at, TlvTag tag, T value)
        where T : ITlvStructureFields
    {
        at = TlvFieldWriter.StartContainer(destination, at, tag, TlvControl.Structure);
        at = value.EncodeTlvFields(destination, at);
        return TlvFieldWriter.EndContainer(destination, at);
    }

    /// <summary>
    /// Encodes into the current span when it has room for what a structure of this type needed before, else into
    /// a new one; a span that turns out too small is advanced past what was committed before and replaced by one
    /// twice its size, and that size is remembered for the type, so a large structure costs a retry once per
    /// process rather than once per encode.
    /// </summary>
    private void WriteStructureToOutput<T>(TlvTag tag, T value)
        where T : ITlvStructureFields
    {
        var room = Math.Max(MinimumStructureSpan, StructureRoom<T>.Bytes);
        if (buffer.Length - position < room)
        {
            Grow(room);
        }

        while (true)
        {
            try
            {
                position = EncodeStructure(buffer, position, tag, value);
                return;
            }
            catch (TlvException e) when (e.Error == TlvError.BufferTooSmall && buffer.Length < MaximumStructureSpan)
            {
                room = Math.Max(room, buffer.Length) * 2;
                StructureRoom<T>.Bytes = room;
                Grow(room);
            }
        }
    }

    /// <summary>The room a structure of type <typeparamref name="T"/> last needed; a hint, so races only cost a retry.</summary>
    private static class StructureRoom<T>
    {
        public static int Bytes;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void StartContainer(TlvTag tag, byte control, TlvElementType kind)
    {
        if (containers.Depth == TlvContainerStack.MaxDepth)
        {
            ThrowTooDeep();
        }

        Begin(tag, control, 0);
        containers.Push(kind);
    }

    /// <summary>Writes an integer element whose width code (0..3 = 1, 2, 4, 8 bytes) the caller chose.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void WriteInteger(TlvTag tag, byte typeForWidth1, int code, ulong value)
    {
        ref var at = ref Begin(tag, (byte)(typeForWidth1 + code), 1 << code);
        TlvBytes.StoreInteger(ref at, code, value);
    }

    /// <summary>Writes a string header (length in the smallest width) and returns room for the bytes.</summary>
    private Span<byte> BeginString(TlvTag tag, byte controlForLength1, int length)
    {
        if (length > int.MaxValue - 16)
        {
            // Header plus value would overflow an int; no span or buffer writer can hold it anyway.
            throw new TlvException(TlvError.BufferTooSmall, BytesWritten, $"a string of {length} bytes is too long to encode");
        }

        var (widthCode, widthBytes) = length <= byte.MaxValue ? (0, 1) : length <= ushort.MaxValue ? (1, 2) : (2, 4);
        ref var at = ref Begin(tag, (byte)(controlForLength1 + widthCode), widthBytes + length);
        TlvBytes.StoreInteger(ref at, widthCode, (uint)length);

        return MemoryMarshal.CreateSpan(ref Unsafe.Add(ref at, widthBytes), length);
    }

    /// <summary>
    /// Checks the tag against the enclosing container, reserves room for the whole element, writes the control
    /// byte and the tag, moves the position past the whole element and returns a reference to its first value
    /// byte; the <paramref name="valueLength"/> bytes from there are reserved for the caller.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref byte Begin(TlvTag tag, byte elementType, int valueLength)
    {
        if (tag.Kind == TlvTagKind.Context)
        {
            // The hot path for generated code: a context-tagged member of a structure. Control byte and tag
            // number go in with one store.
            if (containers.InArray)
            {
                ThrowTaggedInArray(tag);
            }

            ref var start = ref Reserve(2 + valueLength);
            Unsafe.WriteUnaligned(ref start, TlvBytes.LittleEndian((ushort)((uint)(TlvControl.Context | elementType) | (tag.Number << 8))));
            position += 2 + valueLength;
            return ref Unsafe.Add(ref start, 2);
        }

        if (tag.Kind == TlvTagKind.Anonymous)
        {
            // The other hot path: an element of an array, or a command payload at top level.
            if (containers.InStructure)
            {
                ThrowAnonymousInStructure();
            }

            ref var start = ref Reserve(1 + valueLength);
            start = elementType;
            position += 1 + valueLength;
            return ref Unsafe.Add(ref start, 1);
        }

        return ref BeginProfileTag(tag, elementType, valueLength);
    }

    private ref byte BeginProfileTag(TlvTag tag, byte elementType, int valueLength)
    {
        if (containers.InArray)
        {
            ThrowTaggedInArray(tag);
        }

        var header = 1 + TlvFieldWriter.ProfileTagLength(tag);
        var total = header + valueLength;
        ref var start = ref Reserve(total);
        TlvFieldWriter.WriteProfileTag(MemoryMarshal.CreateSpan(ref start, header), tag, elementType);
        position += total;
        // A reference just past the header; past the element when the value is empty, never dereferenced then.
        return ref Unsafe.Add(ref start, header);
    }

    /// <summary>
    /// Makes sure <paramref name="count"/> bytes fit at the current position and returns a reference to the
    /// first of them; everything after this check writes within those bytes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref byte Reserve(int count)
    {
        if ((uint)count > (uint)(buffer.Length - position))
        {
            Grow(count);
        }

        return ref Unsafe.Add(ref MemoryMarshal.GetReference(buffer), position);
    }



    [DoesNotReturn]
    private static void ThrowTaggedInArray(TlvTag tag) =>
        throw new InvalidOperationException($"A member of a TLV array must be anonymous, not tagged {tag}.");

    [DoesNotReturn]
    private static void ThrowAnonymousInStructure() =>
        throw new InvalidOperationException("A member of a TLV structure needs a tag; anonymous is not allowed there.");

    [DoesNotReturn]
    private static void ThrowNothingOpen() =>
        throw new InvalidOperationException("EndContainer was called with no TLV container open.");

    [DoesNotReturn]
    private static void ThrowTooDeep() =>
        throw new InvalidOperationException($"TLV containers cannot be nested deeper than {TlvContainerStack.MaxDepth}.");

    private void Grow(int count)
    {
        if (bufferWriter is null)
        {
            throw new TlvException(TlvError.BufferTooSmall, position,
                $"the element needs {count} bytes but {buffer.Length - position} remain");
        }

        if (position > 0)
        {
            bufferWriter.Advance(position);
            committed += position;
            position = 0;
        }

        buffer = bufferWriter.GetSpan(count);
        if (buffer.Length < count)
        {
            throw new InvalidOperationException("The IBufferWriter returned a span smaller than requested.");
        }
    }
}
