namespace MatterGen.Tlv;

/// <summary>Why TLV encoding or decoding failed; carried by <see cref="TlvException.Error"/>.</summary>
public enum TlvError
{
    /// <summary>The input ends inside an element or inside an open container.</summary>
    Truncated,

    /// <summary>A string length prefix points past the end of the input.</summary>
    LengthOutOfRange,

    /// <summary>A UTF-8 string element holds bytes that are not well-formed UTF-8.</summary>
    InvalidUtf8,

    /// <summary>A tag form that is not allowed where it stands (an anonymous member of a structure, a tagged member of an array, a tagged end-of-container).</summary>
    IllegalTag,

    /// <summary>An end-of-container element with no container open.</summary>
    UnexpectedEndOfContainer,

    /// <summary>An integer does not fit the type it is read into, or a decoded value is outside its allowed set.</summary>
    ValueOutOfRange,

    /// <summary>The element has a different type than the one asked for.</summary>
    UnexpectedType,

    /// <summary>Containers are nested deeper than the reader allows.</summary>
    TooDeep,

    /// <summary>The control byte names an element type the specification reserves (0x19..0x1F).</summary>
    ReservedElementType,

    /// <summary>Bytes remain after the element that should have been the whole input.</summary>
    TrailingData,

    /// <summary>The writer's destination span has no room for the element.</summary>
    BufferTooSmall,

    /// <summary>A decoded structure lacks a mandatory field.</summary>
    MissingField,

    /// <summary>A decoded value breaks a constraint of its schema (range, length, allowed values).</summary>
    ConstraintViolation,

    /// <summary>A list has more entries than its schema allows (a server answers RESOURCE_EXHAUSTED).</summary>
    TooManyEntries,

    /// <summary>A decoded structure has the same field twice.</summary>
    DuplicateField,
}
