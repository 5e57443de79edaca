namespace MatterGen.Tlv;

/// <summary>The kind of a TLV element, independent of the width it is encoded in.</summary>
public enum TlvElementType
{
    /// <summary>A two's-complement signed integer of 1, 2, 4 or 8 bytes.</summary>
    SignedInteger,

    /// <summary>An unsigned integer of 1, 2, 4 or 8 bytes.</summary>
    UnsignedInteger,

    /// <summary>A boolean (the value is in the control byte).</summary>
    Boolean,

    /// <summary>An IEEE-754 binary32 value.</summary>
    Float,

    /// <summary>An IEEE-754 binary64 value.</summary>
    Double,

    /// <summary>A UTF-8 string with a 1, 2, 4 or 8-byte length prefix.</summary>
    Utf8String,

    /// <summary>An octet string with a 1, 2, 4 or 8-byte length prefix.</summary>
    ByteString,

    /// <summary>The null value.</summary>
    Null,

    /// <summary>The start of a structure: members have distinct non-anonymous tags.</summary>
    Structure,

    /// <summary>The start of an array: members are anonymous. A Matter data-model list is a TLV array.</summary>
    Array,

    /// <summary>The start of a TLV list: an ordered sequence whose members may be tagged or anonymous.</summary>
    List,

    /// <summary>The end of the innermost open container.</summary>
    EndOfContainer,
}
