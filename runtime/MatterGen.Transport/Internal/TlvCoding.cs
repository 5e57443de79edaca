using System;
using System.Buffers;
using MatterGen.Tlv;

namespace MatterGen.Transport.Internal;

/// <summary>Writes one TLV value with a <see cref="TlvWriter"/>.</summary>
internal delegate void TlvWrite(ref TlvWriter writer);

/// <summary>Small helpers around the runtime's TLV codec for the handshake messages (which allocate freely).</summary>
internal static class TlvCoding
{
    /// <summary>Encodes with <paramref name="write"/> into a new array.</summary>
    public static byte[] Encode(TlvWrite write)
    {
        var output = new ArrayBufferWriter<byte>(256);
        var writer = new TlvWriter(output);
        write(ref writer);
        writer.Flush();
        return output.WrittenSpan.ToArray();
    }

    /// <summary>Reads an octet string that must have exactly <paramref name="length"/> bytes.</summary>
    public static byte[] FixedOctets(ref TlvReader reader, int length, string field)
    {
        var bytes = reader.GetOctetString();
        if (bytes.Length != length)
        {
            throw TlvException.ConstraintViolation(field, $"must have {length} bytes, has {bytes.Length}", reader.ElementOffset);
        }

        return bytes.ToArray();
    }

    /// <summary>Reads an octet string whose length must lie in [min, max].</summary>
    public static byte[] BoundedOctets(ref TlvReader reader, int min, int max, string field)
    {
        var bytes = reader.GetOctetString();
        if (bytes.Length < min || bytes.Length > max)
        {
            throw TlvException.ConstraintViolation(field, $"must have {min} to {max} bytes, has {bytes.Length}", reader.ElementOffset);
        }

        return bytes.ToArray();
    }

    /// <summary>The context tag number of the current element, or -1 for any other tag.</summary>
    public static int ContextTag(in TlvReader reader) =>
        reader.Tag.Kind == TlvTagKind.Context ? (int)reader.Tag.Number : -1;

    /// <summary>Throws when a required field was not seen.</summary>
    public static T Required<T>(T? value, string field, in TlvReader reader)
        where T : class =>
        value ?? throw TlvException.MissingField(field, reader.ElementOffset);

    /// <summary>Throws when a required scalar field was not seen.</summary>
    public static T Required<T>(T? value, string field, in TlvReader reader)
        where T : struct =>
        value ?? throw TlvException.MissingField(field, reader.ElementOffset);

    /// <summary>Opens the anonymous top-level structure of a message.</summary>
    public static TlvReader OpenStructure(ReadOnlySpan<byte> payload, string message)
    {
        var reader = new TlvReader(payload, maxDepth: 8);
        reader.ExpectType(TlvElementType.Structure, message);
        return reader;
    }

    /// <summary>Moves to the next member of the open structure; false at its end.</summary>
    public static bool NextMember(ref TlvReader reader) =>
        reader.Read() && reader.ElementType != TlvElementType.EndOfContainer;
}
