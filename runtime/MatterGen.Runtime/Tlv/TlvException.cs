using System;
using System.Globalization;

namespace MatterGen.Tlv;

/// <summary>
/// The one exception the TLV reader, the writer's span overflow check and generated decoders raise for bad
/// input. <see cref="Error"/> says what went wrong and <see cref="Offset"/> where: the byte offset of the
/// element's control byte (or, for the writer, the number of bytes already written).
/// </summary>
public sealed class TlvException : Exception
{
    /// <summary>Creates an exception for <paramref name="error"/> at <paramref name="offset"/>.</summary>
    /// <param name="error">What went wrong.</param>
    /// <param name="offset">The byte offset of the element at fault.</param>
    /// <param name="detail">An optional explanation added to the message.</param>
    /// <param name="fieldName">The schema field being decoded, when known.</param>
    public TlvException(TlvError error, int offset, string? detail = null, string? fieldName = null)
        : base(FormatMessage(error, offset, detail, fieldName))
    {
        Error = error;
        Offset = offset;
        FieldName = fieldName;
    }

    /// <summary>What went wrong.</summary>
    public TlvError Error { get; }

    /// <summary>The byte offset of the element at fault.</summary>
    public int Offset { get; }

    /// <summary>The schema field being decoded, when known.</summary>
    public string? FieldName { get; }

    /// <summary>A mandatory field was absent from a structure.</summary>
    /// <param name="fieldName">The missing field.</param>
    /// <param name="offset">The offset of the structure (or of its end).</param>
    public static TlvException MissingField(string fieldName, int offset) =>
        new(TlvError.MissingField, offset, "mandatory field is missing", fieldName);

    /// <summary>A decoded value breaks a schema constraint.</summary>
    /// <param name="fieldName">The field whose value is wrong.</param>
    /// <param name="detail">Which constraint, and the value.</param>
    /// <param name="offset">The offset of the element.</param>
    public static TlvException ConstraintViolation(string fieldName, string detail, int offset) =>
        new(TlvError.ConstraintViolation, offset, detail, fieldName);

    /// <summary>A list has more entries than its schema allows.</summary>
    /// <param name="fieldName">The list field.</param>
    /// <param name="maximum">The most entries allowed.</param>
    /// <param name="offset">The offset of the first entry too many.</param>
    public static TlvException TooManyEntries(string fieldName, int maximum, int offset) =>
        new(TlvError.TooManyEntries, offset, "more than " + maximum.ToString(System.Globalization.CultureInfo.InvariantCulture) + " entries", fieldName);

    /// <summary>The element has a different type than the schema asks for.</summary>
    /// <param name="fieldName">The field being decoded, when known.</param>
    /// <param name="expected">The type the schema asks for.</param>
    /// <param name="actual">The type found.</param>
    /// <param name="offset">The offset of the element.</param>
    public static TlvException UnexpectedType(string? fieldName, TlvElementType expected, TlvElementType actual, int offset) =>
        new(TlvError.UnexpectedType, offset, "expected " + expected + ", found " + actual, fieldName);

    /// <summary>A structure has the same field twice.</summary>
    /// <param name="fieldName">The repeated field.</param>
    /// <param name="offset">The offset of the second occurrence.</param>
    public static TlvException DuplicateField(string fieldName, int offset) =>
        new(TlvError.DuplicateField, offset, "field appears more than once", fieldName);

    private static string FormatMessage(TlvError error, int offset, string? detail, string? fieldName)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"TLV {error} at offset {offset}");
        if (fieldName is not null)
        {
            text += " in field '" + fieldName + "'";
        }

        return detail is null ? text : text + ": " + detail;
    }
}
