namespace MatterGen.Generator.Model;

/// <summary>How a base type travels in Matter TLV.</summary>
internal enum BaseTypeEncoding
{
    /// <summary>Unsigned integer of <see cref="MatterBaseType.Width"/> bytes.</summary>
    UnsignedInteger,

    /// <summary>Signed (two's complement) integer of <see cref="MatterBaseType.Width"/> bytes.</summary>
    SignedInteger,

    /// <summary>Boolean.</summary>
    Boolean,

    /// <summary>IEEE 754 single precision.</summary>
    Float,

    /// <summary>IEEE 754 double precision.</summary>
    Double,

    /// <summary>Octet string.</summary>
    OctetString,

    /// <summary>UTF-8 character string.</summary>
    CharString,
}

/// <summary>
/// A Matter base data type (Matter Core Specification 7.18): what resolution, emission and specialization each
/// need to know about it, in one place.
/// </summary>
/// <param name="Name">Name as the definitions write it (<c>int16u</c>).</param>
/// <param name="Encoding">How it is encoded.</param>
/// <param name="Width">Value width in bytes for numbers and booleans; for strings the longest length the type allows.</param>
/// <param name="CSharpType">The C# type generated code uses (<c>ushort</c>, <c>global::MatterGen.DataModel.EpochSeconds</c>).</param>
/// <param name="IntegerType">For integers: the C# integer type on the wire (<c>uint</c> for <c>epoch_s</c>); otherwise null.</param>
/// <param name="ReaderGetter">For integers: the TLV reader method (<c>GetUInt16</c>); otherwise null.</param>
/// <param name="WireMin">For integers: the smallest value the width holds.</param>
/// <param name="WireMax">For integers: the largest value the width holds.</param>
/// <param name="TypeMin">For integers: the smallest value <see cref="IntegerType"/> holds.</param>
/// <param name="TypeMax">For integers: the largest value <see cref="IntegerType"/> holds.</param>
/// <param name="ValueMin">A tighter lower bound the type's meaning states (<c>temperature</c>: -273.15 °C), or null.</param>
/// <param name="ValueMax">A tighter upper bound the type's meaning states (<c>percent</c>: 100), or null.</param>
internal sealed record MatterBaseType(
    string Name,
    BaseTypeEncoding Encoding,
    int Width,
    string CSharpType,
    string? IntegerType = null,
    string? ReaderGetter = null,
    decimal? WireMin = null,
    decimal? WireMax = null,
    decimal? TypeMin = null,
    decimal? TypeMax = null,
    decimal? ValueMin = null,
    decimal? ValueMax = null)
{
    /// <summary>True for signed and unsigned integers (enums and bitmaps included).</summary>
    public bool IsInteger => Encoding is BaseTypeEncoding.UnsignedInteger or BaseTypeEncoding.SignedInteger;

    /// <summary>True for two's complement integers.</summary>
    public bool IsSigned => Encoding == BaseTypeEncoding.SignedInteger;

    /// <summary>True when C# code holds the integer in a runtime value type (<c>EpochSeconds</c>) rather than the integer itself.</summary>
    public bool IsWrapped => IsInteger && CSharpType != IntegerType;

    /// <summary>
    /// For integers, the value a nullable one reserves for null (Matter Core Specification 7.18.1): all ones
    /// when unsigned, the most negative value when signed; otherwise null.
    /// </summary>
    public decimal? NullValue => IsSigned ? WireMin : WireMax;

    /// <summary>
    /// For integers, the values an attribute of this type may hold: the width's range without the null value
    /// when <paramref name="nullable"/>, narrowed by the type's stated bounds.
    /// </summary>
    public (decimal Min, decimal Max) ValueRange(bool nullable)
    {
        var min = WireMin ?? 0;
        var max = WireMax ?? 0;
        if (nullable)
        {
            if (IsSigned)
            {
                min += 1;
            }
            else
            {
                max -= 1;
            }
        }

        min = ValueMin is { } stated && stated > min ? stated : min;
        max = ValueMax is { } statedMax && statedMax < max ? statedMax : max;
        return (min, max);
    }
}
