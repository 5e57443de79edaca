using System;
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MatterGen.GeneratedCode;

namespace MatterGen.Tlv;

/// <summary>
/// Reads Matter TLV (Core Specification, Appendix A) forward, one element at a time, without allocating.
/// It is strict: a truncated element, a length past the end, a reserved element type, a tag form not allowed
/// where it stands, an end-of-container with nothing open, nesting deeper than the limit, invalid UTF-8 (when
/// a string is read) or a value that does not fit the requested type raise <see cref="TlvException"/> with the
/// element's byte offset, and no other exception escapes for any input. Integers of any encoded width are
/// accepted; strings and octet strings are returned as views into the input.
/// </summary>
public ref partial struct TlvReader
{
    private static ReadOnlySpan<byte> TagLengths => [0, 1, 2, 4, 2, 4, 6, 8];

    private readonly ReadOnlySpan<byte> encoded;
    private readonly ReadOnlyMemory<byte> memory;
    private readonly bool hasMemory;
    private readonly int depthLimit;
    private int position;
    private TlvContainerStack containers;
    private bool started;
    private TlvElementType elementType;
    private int elementOffset;
    private ulong scalarValue;
    private int valueOffset;
    private int valueLength;

    /// <summary>Creates a reader over <paramref name="input"/>.</summary>
    /// <param name="input">The encoded bytes.</param>
    /// <param name="maxDepth">The deepest container nesting accepted, 0..64; deeper input raises <see cref="TlvError.TooDeep"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDepth"/> is outside 0..64.</exception>
    public TlvReader(ReadOnlySpan<byte> input, int maxDepth = 32)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxDepth);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxDepth, TlvContainerStack.MaxDepth);
        encoded = input;
        depthLimit = maxDepth;
        elementType = TlvElementType.EndOfContainer;
    }

    /// <summary>
    /// Creates a reader over <paramref name="input"/> that can also hand out octet strings as
    /// <see cref="ReadOnlyMemory{T}"/> slices (<see cref="GetOctetStringMemory"/>), so decoded objects may keep
    /// them without copying.
    /// </summary>
    /// <param name="input">The encoded bytes.</param>
    /// <param name="maxDepth">The deepest container nesting accepted, 0..64.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDepth"/> is outside 0..64.</exception>
    public TlvReader(ReadOnlyMemory<byte> input, int maxDepth = 32)
        : this(input.Span, maxDepth)
    {
        memory = input;
        hasMemory = true;
    }

    /// <summary>
    /// The type of the current element. <see cref="TlvElementType.EndOfContainer"/> also before the first
    /// <see cref="Read"/> and after <see cref="Read"/> returned false.
    /// </summary>
    public readonly TlvElementType ElementType => elementType;

    /// <summary>The tag of the current element.</summary>
    public readonly TlvTag Tag
    {
        // Read back from the element's own bytes, so reading an element stores no 12-byte tag; a context or
        // anonymous tag (every tag of a cluster payload) is two loads, inlined.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            var offset = elementOffset;
            if (started && (ulong)(uint)offset + 2 <= (uint)encoded.Length)
            {
                ref var control = ref Unsafe.Add(ref MemoryMarshal.GetReference(encoded), offset);
                var tagControl = control >> 5;
                if (tagControl <= 1)
                {
                    return tagControl == 0 ? default : TlvTag.Context(Unsafe.Add(ref control, 1));
                }
            }

            return started && (uint)offset < (uint)encoded.Length ? TagAt(encoded, offset) : default;
        }
    }

    /// <summary>The number of containers open after the current element (a container start counts itself).</summary>
    public readonly int Depth => containers.Depth;

    /// <summary>The byte offset of the current element's control byte.</summary>
    public readonly int ElementOffset => elementOffset;

    /// <summary>The number of input bytes consumed: the offset just past the current element's header and value.</summary>
    public readonly int BytesConsumed => position;

    /// <summary>True when the current element is a null.</summary>
    public readonly bool IsNull => elementType == TlvElementType.Null;

    /// <summary>True when the current element starts a structure, array or list.</summary>
    public readonly bool IsContainerStart =>
        elementType is TlvElementType.Structure or TlvElementType.Array or TlvElementType.List;

    /// <summary>
    /// Moves to the next element. Returns false only at the end of the input with no container open. The end
    /// of a container is reported as an element of type <see cref="TlvElementType.EndOfContainer"/>.
    /// </summary>
    /// <exception cref="TlvException">The next element is malformed or illegal where it stands.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Read()
    {
        // Inlined fast paths for the commonest elements of generated payloads; everything else (and any element
        // that breaks a rule) takes the general path, which checks it all.
        var start = position;
        var remaining = encoded.Length - start;
        if (remaining >= 2)
        {
            ref var at = ref Unsafe.Add(ref MemoryMarshal.GetReference(encoded), start);
            int control = at;
            if ((uint)(control - TlvControl.Context) < TlvControl.BooleanFalse)
            {
                // A context-tagged integer, legal anywhere but in an array.
                var code = control & 3;
                var width = 1 << code;
                if (remaining >= 2 + width && !containers.InArray)
                {
                    ref var bytes = ref Unsafe.Add(ref at, 2);
                    var raw = remaining >= 10 ? TlvBytes.LittleEndian(Unsafe.ReadUnaligned<ulong>(ref bytes)) : TlvBytes.LoadInteger(ref bytes, code);
                    var shift = 64 - (8 << code);
                    var signed = control < TlvControl.Context + TlvControl.UnsignedInt8;
                    started = true;
                    elementOffset = start;
                    elementType = signed ? TlvElementType.SignedInteger : TlvElementType.UnsignedInteger;
                    scalarValue = signed ? (ulong)((long)(raw << shift) >> shift) : (raw << shift) >> shift;
                    position = start + 2 + width;
                    return true;
                }
            }
            else if (control is TlvControl.Structure or TlvControl.Array
                     or TlvControl.Context + TlvControl.Structure or TlvControl.Context + TlvControl.Array)
            {
                // An anonymous or context-tagged structure or array start, where that tag is legal.
                var context = control >= TlvControl.Context;
                if ((context ? !containers.InArray : !containers.InStructure) && containers.Depth < depthLimit)
                {
                    var kind = (control & TlvControl.ElementTypeMask) == TlvControl.Structure ? TlvElementType.Structure : TlvElementType.Array;
                    started = true;
                    elementOffset = start;
                    containers.Push(kind);
                    elementType = kind;
                    position = start + (context ? 2 : 1);
                    return true;
                }
            }
        }

        return TryEndContainerAt(start) || ReadElement();
    }

    /// <summary>
    /// Moves past an end-of-container when it is the next element and a container is open; otherwise stays
    /// where it is and returns false. What <see cref="Read"/> does with that element, without the dispatch.
    /// </summary>
    /// <returns>True when the reader moved past the end of the innermost container.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryReadEndOfContainer() => TryEndContainerAt(position);

    /// <summary>Reads the (anonymous) end of the innermost open container when it is at <paramref name="offset"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryEndContainerAt(int offset)
    {
        if ((uint)offset >= (uint)encoded.Length || Unsafe.Add(ref MemoryMarshal.GetReference(encoded), offset) != TlvControl.EndOfContainer
            || containers.Depth == 0)
        {
            return false;
        }

        started = true;
        elementOffset = offset;
        elementType = TlvElementType.EndOfContainer;
        containers.Pop();
        position = offset + 1;
        return true;
    }

    /// <summary>The general case of <see cref="Read"/>: any element, every rule checked.</summary>
    private bool ReadElement()
    {
        started = true;
        var input = encoded;
        var start = position;
        if ((uint)start >= (uint)input.Length)
        {
            return ReadPastEnd(start);
        }

        elementOffset = start;
        var control = input[start];
        var tagControl = control >> 5;
        var at = start + 1;
        if (tagControl == 1)
        {
            // The hot path: a context tag, one byte.
            if ((uint)at >= (uint)input.Length)
            {
                ThrowTruncatedTag(start);
            }

            at++;
        }
        else if (tagControl != 0)
        {
            at = ReadProfileTag(input, tagControl, at, start);
        }

        var type = control & TlvControl.ElementTypeMask;
        if (type == TlvControl.EndOfContainer)
        {
            ReadEndOfContainer(tagControl, start);
            position = at;
            return true;
        }

        // Structure members must be tagged, array members anonymous; a list (or top level) takes either.
        if (tagControl == 0 ? containers.InStructure : containers.InArray)
        {
            ThrowIllegalTag(tagControl, start);
        }

        if (type < TlvControl.BooleanFalse)
        {
            // Integers: 0..3 signed, 4..7 unsigned, width 1 << (type & 3).
            var code = type & 3;
            var width = 1 << code;
            if (width > input.Length - at)
            {
                ThrowTruncated(start, "the input ends inside an integer");
            }

            // One 8-byte load when the input has room (the bytes past the integer are input, just not this
            // element's), then the width's low bytes kept and sign- or zero-extended by two shifts.
            ref var bytes = ref Unsafe.Add(ref MemoryMarshal.GetReference(input), at);
            var raw = input.Length - at >= 8 ? TlvBytes.LittleEndian(Unsafe.ReadUnaligned<ulong>(ref bytes)) : TlvBytes.LoadInteger(ref bytes, code);
            var shift = 64 - (8 << code);
            if (type < TlvControl.UnsignedInt8)
            {
                elementType = TlvElementType.SignedInteger;
                scalarValue = (ulong)((long)(raw << shift) >> shift);
            }
            else
            {
                elementType = TlvElementType.UnsignedInteger;
                scalarValue = (raw << shift) >> shift;
            }

            position = at + width;
            return true;
        }

        switch (type)
        {
            case TlvControl.BooleanFalse:
            case TlvControl.BooleanTrue:
                elementType = TlvElementType.Boolean;
                scalarValue = (ulong)(type & 1);
                break;
            case TlvControl.Float32:
                elementType = TlvElementType.Float;
                at = ReadFixed(input, at, 4, start);
                break;
            case TlvControl.Float64:
                elementType = TlvElementType.Double;
                at = ReadFixed(input, at, 8, start);
                break;
            case < TlvControl.OctetLength1:
                elementType = TlvElementType.Utf8String;
                at = ReadLengthPrefixed(input, at, type & 3, start);
                break;
            case < TlvControl.Null:
                elementType = TlvElementType.ByteString;
                at = ReadLengthPrefixed(input, at, type & 3, start);
                break;
            case TlvControl.Null:
                elementType = TlvElementType.Null;
                break;
            case TlvControl.Structure:
                OpenContainer(TlvElementType.Structure, start);
                break;
            case TlvControl.Array:
                OpenContainer(TlvElementType.Array, start);
                break;
            case TlvControl.List:
                OpenContainer(TlvElementType.List, start);
                break;
            default:
                throw new TlvException(TlvError.ReservedElementType, start, $"element type 0x{type:X2} is reserved");
        }

        position = at;
        return true;
    }

    /// <summary>
    /// On a container start, reads through its matching end so the next <see cref="Read"/> returns the element
    /// after the container. On any other element, does nothing.
    /// </summary>
    /// <exception cref="TlvException">The container's content is malformed or truncated.</exception>
    public void Skip()
    {
        if (!IsContainerStart)
        {
            return;
        }

        var outer = containers.Depth - 1;
        while (true)
        {
            Read(); // Returns true inside a container: end of input there throws Truncated.
            if (elementType == TlvElementType.EndOfContainer && containers.Depth == outer)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Checks the current element's type. Before the first <see cref="Read"/>, reads the first element.
    /// </summary>
    /// <param name="type">The type required.</param>
    /// <param name="fieldName">The schema field, for the error message.</param>
    /// <exception cref="TlvException">The type differs (<see cref="TlvError.UnexpectedType"/>) or the input is empty (<see cref="TlvError.Truncated"/>).</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void ExpectType(TlvElementType type, string? fieldName = null)
    {
        if (!started)
        {
            ReadFirst(fieldName);
        }

        if (elementType != type)
        {
            ThrowUnexpectedType(type, fieldName);
        }
    }

    private void ReadFirst(string? fieldName)
    {
        if (!Read())
        {
            throw new TlvException(TlvError.Truncated, position, "the input is empty", fieldName);
        }
    }

    /// <summary>
    /// The whole input, for a generated decoder that reads a structure's scalar members itself with
    /// <see cref="TlvFieldReader"/> from <see cref="BytesConsumed"/> on and then hands the offset it reached back
    /// with <see cref="TryEndStructure"/> or <see cref="AdvanceInStructure"/>.
    /// </summary>
    public readonly ReadOnlySpan<byte> Input => encoded;

    /// <summary>
    /// Checks that the whole input has been read: no container open and no bytes left.
    /// </summary>
    /// <exception cref="TlvException"><see cref="TlvError.TrailingData"/> when bytes remain, <see cref="TlvError.Truncated"/> when a container is still open.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void ExpectEnd()
    {
        if (containers.Depth != 0 || position != encoded.Length)
        {
            ThrowNotAtEnd();
        }
    }

    /// <summary>Out of line, so a caller's frame holds no string-building locals to zero.</summary>
    [DoesNotReturn]
    private readonly void ThrowNotAtEnd()
    {
        if (containers.Depth != 0)
        {
            throw new TlvException(TlvError.Truncated, position, $"{containers.Depth} container(s) are still open");
        }

        throw new TlvException(TlvError.TrailingData, position, $"{encoded.Length - position} byte(s) follow the element");
    }

    /// <summary>Checks that a profile tag (tag control 2..7) fits; returns the offset after it.</summary>
    private static int ReadProfileTag(ReadOnlySpan<byte> input, int tagControl, int at, int start)
    {
        int tagLength = TagLengths[tagControl];
        if (tagLength > input.Length - at)
        {
            ThrowTruncatedTag(start);
        }

        return at + tagLength;
    }

    /// <summary>The tag of the element whose control byte is at <paramref name="offset"/>; anonymous when its bytes are cut short.</summary>
    private static TlvTag TagAt(ReadOnlySpan<byte> input, int offset)
    {
        var tagControl = input[offset] >> 5;
        var at = offset + 1;
        if (tagControl == 0 || TagLengths[tagControl] > input.Length - at)
        {
            return default;
        }

        return tagControl switch
        {
            1 => TlvTag.Context(input[at]),
            2 => TlvTag.CommonProfile(BinaryPrimitives.ReadUInt16LittleEndian(input[at..])),
            3 => TlvTag.CommonProfile(BinaryPrimitives.ReadUInt32LittleEndian(input[at..])),
            4 => TlvTag.ImplicitProfile(BinaryPrimitives.ReadUInt16LittleEndian(input[at..])),
            5 => TlvTag.ImplicitProfile(BinaryPrimitives.ReadUInt32LittleEndian(input[at..])),
            _ => TlvTag.FullyQualified(
                BinaryPrimitives.ReadUInt16LittleEndian(input[at..]),
                BinaryPrimitives.ReadUInt16LittleEndian(input[(at + 2)..]),
                tagControl == 6 ? BinaryPrimitives.ReadUInt16LittleEndian(input[(at + 4)..]) : BinaryPrimitives.ReadUInt32LittleEndian(input[(at + 4)..])),
        };
    }

    private bool ReadPastEnd(int start)
    {
        elementType = TlvElementType.EndOfContainer;
        elementOffset = start;
        if (containers.Depth != 0)
        {
            throw new TlvException(TlvError.Truncated, start, $"the input ends inside {containers.Depth} open container(s)");
        }

        return false;
    }

    [DoesNotReturn]
    private static void ThrowTruncatedTag(int start) =>
        throw new TlvException(TlvError.Truncated, start, "the input ends inside the tag");

    [DoesNotReturn]
    private static void ThrowTruncated(int start, string detail) =>
        throw new TlvException(TlvError.Truncated, start, detail);


    private void ReadEndOfContainer(int tagControl, int start)
    {
        if (tagControl != 0)
        {
            throw new TlvException(TlvError.IllegalTag, start, "an end-of-container must be anonymous");
        }

        if (containers.Depth == 0)
        {
            throw new TlvException(TlvError.UnexpectedEndOfContainer, start, "no container is open");
        }

        containers.Pop();
        elementType = TlvElementType.EndOfContainer;
    }

    private void OpenContainer(TlvElementType kind, int start)
    {
        if (containers.Depth >= depthLimit)
        {
            throw new TlvException(TlvError.TooDeep, start, $"containers are nested deeper than {depthLimit}");
        }

        containers.Push(kind);
        elementType = kind;
    }

    private int ReadFixed(ReadOnlySpan<byte> input, int at, int width, int start)
    {
        if (width > input.Length - at)
        {
            throw new TlvException(TlvError.Truncated, start, "the input ends inside a floating-point value");
        }

        valueOffset = at;
        return at + width;
    }

    private int ReadLengthPrefixed(ReadOnlySpan<byte> input, int at, int widthCode, int start)
    {
        var width = 1 << widthCode;
        if (width > input.Length - at)
        {
            throw new TlvException(TlvError.Truncated, start, "the input ends inside a length prefix");
        }

        var prefix = input.Slice(at, width);
        var length = width switch
        {
            1 => prefix[0],
            2 => BinaryPrimitives.ReadUInt16LittleEndian(prefix),
            4 => BinaryPrimitives.ReadUInt32LittleEndian(prefix),
            _ => BinaryPrimitives.ReadUInt64LittleEndian(prefix),
        };
        at += width;

        // Compared before anything is sliced or allocated: a short message may claim gigabytes.
        var remaining = (ulong)(input.Length - at);
        if (length > remaining)
        {
            throw new TlvException(TlvError.LengthOutOfRange, start,
                $"the length {length} exceeds the {remaining} byte(s) left");
        }

        valueOffset = at;
        valueLength = (int)length;
        return at + (int)length;
    }

    [DoesNotReturn]
    private static void ThrowIllegalTag(int tagControl, int start) =>
        throw new TlvException(TlvError.IllegalTag, start, tagControl == 0
            ? "a member of a structure must be tagged"
            : "a member of an array must be anonymous");

    [DoesNotReturn]
    private readonly void ThrowUnexpectedType(TlvElementType expected, string? fieldName = null) =>
        throw TlvException.UnexpectedType(fieldName, expected, elementType, elementOffset);

    [DoesNotReturn]
    private readonly void ThrowOutOfRange(string typeName) =>
        throw new TlvException(TlvError.ValueOutOfRange, elementOffset,
            (elementType == TlvElementType.SignedInteger ? ((long)scalarValue).ToString(System.Globalization.CultureInfo.InvariantCulture) : scalarValue.ToString(System.Globalization.CultureInfo.InvariantCulture))
            + " does not fit " + typeName);
}
