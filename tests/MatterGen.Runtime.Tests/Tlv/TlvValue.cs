using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MatterGen.Tlv;
using Xunit;

namespace MatterGen.Runtime.Tests.Tlv;

/// <summary>
/// A TLV element tree for tests: vectors are written as trees, random trees drive the property tests, and the
/// reader's output is turned back into a tree to compare.
/// </summary>
internal sealed record TlvValue(TlvTag Tag, TlvElementType Type, object? Scalar, IReadOnlyList<TlvValue> Children)
{
    private static readonly IReadOnlyList<TlvValue> None = System.Array.Empty<TlvValue>();

    public static TlvValue Signed(long value, TlvTag tag = default) => new(tag, TlvElementType.SignedInteger, value, None);
    public static TlvValue Unsigned(ulong value, TlvTag tag = default) => new(tag, TlvElementType.UnsignedInteger, value, None);
    public static TlvValue Bool(bool value, TlvTag tag = default) => new(tag, TlvElementType.Boolean, value, None);
    public static TlvValue Single(float value, TlvTag tag = default) => new(tag, TlvElementType.Float, value, None);
    public static TlvValue Double(double value, TlvTag tag = default) => new(tag, TlvElementType.Double, value, None);
    public static TlvValue Utf8(string value, TlvTag tag = default) => new(tag, TlvElementType.Utf8String, value, None);
    public static TlvValue Bytes(byte[] value, TlvTag tag = default) => new(tag, TlvElementType.ByteString, value, None);
    public static TlvValue Null(TlvTag tag = default) => new(tag, TlvElementType.Null, null, None);
    public static TlvValue Structure(TlvTag tag, params TlvValue[] members) => new(tag, TlvElementType.Structure, null, members);
    public static TlvValue Array(TlvTag tag, params TlvValue[] members) => new(tag, TlvElementType.Array, null, members);
    public static TlvValue List(TlvTag tag, params TlvValue[] members) => new(tag, TlvElementType.List, null, members);

    /// <summary>Writes this element (and its members) with the writer under test.</summary>
    public void WriteTo(ref TlvWriter writer)
    {
        switch (Type)
        {
            case TlvElementType.SignedInteger: writer.WriteSignedInteger(Tag, (long)Scalar!); break;
            case TlvElementType.UnsignedInteger: writer.WriteUnsignedInteger(Tag, (ulong)Scalar!); break;
            case TlvElementType.Boolean: writer.WriteBoolean(Tag, (bool)Scalar!); break;
            case TlvElementType.Float: writer.WriteSingle(Tag, (float)Scalar!); break;
            case TlvElementType.Double: writer.WriteDouble(Tag, (double)Scalar!); break;
            case TlvElementType.Utf8String: writer.WriteString(Tag, (string)Scalar!); break;
            case TlvElementType.ByteString: writer.WriteOctetString(Tag, (byte[])Scalar!); break;
            case TlvElementType.Null: writer.WriteNull(Tag); break;
            default:
                if (Type == TlvElementType.Structure)
                {
                    writer.StartStructure(Tag);
                }
                else if (Type == TlvElementType.Array)
                {
                    writer.StartArray(Tag);
                }
                else
                {
                    writer.StartList(Tag);
                }

                foreach (var member in Children)
                {
                    member.WriteTo(ref writer);
                }

                writer.EndContainer();
                break;
        }
    }

    /// <summary>Encodes a sequence of top-level elements into a fresh array.</summary>
    public static byte[] Encode(params TlvValue[] elements)
    {
        var buffer = new byte[1 << 20];
        var writer = new TlvWriter(buffer);
        foreach (var element in elements)
        {
            element.WriteTo(ref writer);
        }

        Assert.Equal(0, writer.Depth);
        return buffer[..writer.BytesWritten];
    }

    /// <summary>Decodes every top-level element of <paramref name="bytes"/>.</summary>
    public static List<TlvValue> DecodeAll(byte[] bytes)
    {
        var reader = new TlvReader(bytes);
        var result = new List<TlvValue>();
        while (reader.Read())
        {
            result.Add(ReadCurrent(ref reader));
        }

        reader.ExpectEnd();
        return result;
    }

    /// <summary>Turns the reader's current element (and, for a container, everything up to its end) into a tree.</summary>
    public static TlvValue ReadCurrent(ref TlvReader reader)
    {
        var tag = reader.Tag;
        switch (reader.ElementType)
        {
            case TlvElementType.SignedInteger: return Signed(reader.GetInt64(), tag);
            case TlvElementType.UnsignedInteger: return Unsigned(reader.GetUInt64(), tag);
            case TlvElementType.Boolean: return Bool(reader.GetBoolean(), tag);
            case TlvElementType.Float: return Single(reader.GetSingle(), tag);
            case TlvElementType.Double: return Double(reader.GetDouble(), tag);
            case TlvElementType.Utf8String: return Utf8(reader.GetString(), tag);
            case TlvElementType.ByteString: return Bytes(reader.GetOctetStringArray(), tag);
            case TlvElementType.Null: return Null(tag);
            case TlvElementType.EndOfContainer: throw new InvalidOperationException("end of container has no value");
        }

        var type = reader.ElementType;
        var depth = reader.Depth;
        var members = new List<TlvValue>();
        while (reader.Read() && reader.ElementType != TlvElementType.EndOfContainer)
        {
            members.Add(ReadCurrent(ref reader));
        }

        Assert.Equal(depth - 1, reader.Depth);
        return new TlvValue(tag, type, null, members);
    }

    /// <summary>A canonical text form, for comparing trees (floats by bit pattern, so NaN compares equal to itself).</summary>
    public string Describe() => Tag + "=" + (Type switch
    {
        TlvElementType.SignedInteger => "s" + ((long)Scalar!).ToString(CultureInfo.InvariantCulture),
        TlvElementType.UnsignedInteger => "u" + ((ulong)Scalar!).ToString(CultureInfo.InvariantCulture),
        TlvElementType.Boolean => (bool)Scalar! ? "true" : "false",
        TlvElementType.Float => "f" + BitConverter.SingleToUInt32Bits((float)Scalar!).ToString("X8", CultureInfo.InvariantCulture),
        TlvElementType.Double => "d" + BitConverter.DoubleToUInt64Bits((double)Scalar!).ToString("X16", CultureInfo.InvariantCulture),
        TlvElementType.Utf8String => "\"" + (string)Scalar! + "\"",
        TlvElementType.ByteString => "h'" + Convert.ToHexString((byte[])Scalar!) + "'",
        TlvElementType.Null => "null",
        TlvElementType.Structure => "{" + string.Join(", ", Children.Select(c => c.Describe())) + "}",
        TlvElementType.Array => "[" + string.Join(", ", Children.Select(c => c.Describe())) + "]",
        _ => "[[" + string.Join(", ", Children.Select(c => c.Describe())) + "]]",
    });

    public static string Describe(IEnumerable<TlvValue> elements) => string.Join(" ; ", elements.Select(e => e.Describe()));
}
