namespace MatterGen.Generator.Planning;

/// <summary>How a value travels on the wire, which decides the writer and reader calls.</summary>
internal enum WireKind
{
    UnsignedInteger,
    SignedInteger,
    Boolean,
    Single,
    Double,
    String,
    Bytes,
    Enum,
    Bitmap,
    Struct,

    /// <summary>A runtime value type over an unsigned integer (<c>EpochSeconds</c>).</summary>
    UnsignedWrapper,
}

/// <summary>
/// A Matter element type mapped to C#: the C# type, how it is written and read, and the range its values
/// may take, both on the wire (<c>int24u</c>: 0 to 2^24-1) and in the C# type (<c>uint</c>), so the emitter
/// checks exactly what the C# type does not already guarantee.
/// </summary>
/// <param name="CSharpType">The fully qualified C# type.</param>
/// <param name="Wire">How it is encoded.</param>
/// <param name="IsValueType">True for C# value types (so <c>T?</c> is <c>Nullable&lt;T&gt;</c>).</param>
/// <param name="IntegerType">For integers, enums, bitmaps and wrappers: the C# integer type on the wire (<c>ushort</c>).</param>
/// <param name="ReaderGetter">For integers, enums, bitmaps and wrappers: the reader method (<c>GetUInt16</c>).</param>
/// <param name="WireMin">Smallest value the Matter type allows, for integers.</param>
/// <param name="WireMax">Largest value the Matter type allows, for integers.</param>
/// <param name="TypeMin">Smallest value the C# integer type holds.</param>
/// <param name="TypeMax">Largest value the C# integer type holds.</param>
internal sealed record MappedType(
    string CSharpType,
    WireKind Wire,
    bool IsValueType,
    string? IntegerType = null,
    string? ReaderGetter = null,
    decimal? WireMin = null,
    decimal? WireMax = null,
    decimal? TypeMin = null,
    decimal? TypeMax = null)
{
    /// <summary>True for enums and bitmaps: open value sets whose min/max the emitter does not enforce.</summary>
    public bool IsOpenSet => Wire is WireKind.Enum or WireKind.Bitmap;

    /// <summary>True when values compare as numbers (integers, wrappers, floats).</summary>
    public bool IsNumeric => Wire is WireKind.UnsignedInteger or WireKind.SignedInteger or WireKind.UnsignedWrapper or WireKind.Single or WireKind.Double;
}
