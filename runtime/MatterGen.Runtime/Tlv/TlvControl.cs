namespace MatterGen.Tlv;

/// <summary>The control-byte layout shared by the reader and the writer (Core Specification, A.7).</summary>
internal static class TlvControl
{
    /// <summary>The low 5 bits: element type.</summary>
    public const byte ElementTypeMask = 0x1F;

    public const byte SignedInt8 = 0x00;
    public const byte UnsignedInt8 = 0x04;
    public const byte BooleanFalse = 0x08;
    public const byte BooleanTrue = 0x09;
    public const byte Float32 = 0x0A;
    public const byte Float64 = 0x0B;
    public const byte Utf8Length1 = 0x0C;
    public const byte OctetLength1 = 0x10;
    public const byte Null = 0x14;
    public const byte Structure = 0x15;
    public const byte Array = 0x16;
    public const byte List = 0x17;
    public const byte EndOfContainer = 0x18;

    /// <summary>The high 3 bits: tag control.</summary>
    public const byte Anonymous = 0x00;
    public const byte Context = 0x20;
    public const byte CommonProfile2 = 0x40;
    public const byte CommonProfile4 = 0x60;
    public const byte ImplicitProfile2 = 0x80;
    public const byte ImplicitProfile4 = 0xA0;
    public const byte FullyQualified6 = 0xC0;
    public const byte FullyQualified8 = 0xE0;
}
