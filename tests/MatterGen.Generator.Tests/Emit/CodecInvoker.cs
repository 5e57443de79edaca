using System;
using System.Reflection;
using MatterGen.Tlv;

namespace MatterGen.Generator.Tests.Emit;

/// <summary>
/// Calls generated Encode/Decode methods through typed delegates (their <c>ref struct</c> parameters rule out
/// <see cref="MethodBase.Invoke(object, object[])"/>), with the types known only at run time.
/// </summary>
internal static class CodecInvoker
{
    private delegate void EncodeRecord<T>(T self, ref TlvWriter writer, TlvTag tag);

    private delegate int EncodeMessage<T>(T self, Span<byte> destination);

    private delegate void EncodeValue<T>(ref TlvWriter writer, TlvTag tag, T value);

    private delegate T Decode<T>(ref TlvReader reader);

    private delegate T DecodeMessage<T>(ReadOnlySpan<byte> message);

    /// <summary>
    /// Encodes a generated record with an anonymous tag through a <see cref="TlvWriter"/>, and checks that its
    /// whole-message encoder writes the same bytes.
    /// </summary>
    public static byte[] EncodeRecordOf(Type recordType, object value)
    {
        var bytes = (byte[])Generic(nameof(EncodeRecordCore), recordType).Invoke(null, new[] { recordType.GetMethod("Encode", [typeof(TlvWriter).MakeByRefType(), typeof(TlvTag)])!, value })!;
        var message = (byte[])Generic(nameof(EncodeMessageCore), recordType).Invoke(null, new[] { recordType.GetMethod("Encode", [typeof(Span<byte>)])!, value })!;
        if (!bytes.AsSpan().SequenceEqual(message))
        {
            throw new InvalidOperationException($"{recordType.Name}: the whole-message encoder wrote {Convert.ToHexString(message)}, the writer {Convert.ToHexString(bytes)}");
        }

        return bytes;
    }

    /// <summary>
    /// Decodes a generated record from exactly these bytes with its reader-based decoder, and checks that its
    /// whole-message decoder gives an equal value.
    /// </summary>
    public static object DecodeRecordOf(Type recordType, byte[] bytes)
    {
        var value = Generic(nameof(DecodeCore), recordType).Invoke(null, new object[] { ReaderDecoder(recordType), bytes })!;
        var message = DecodeMessageOf(recordType, bytes);
        if (!value.Equals(message))
        {
            throw new InvalidOperationException($"{recordType.Name}: the whole-message decoder read {message}, the reader-based one {value}");
        }

        return value;
    }

    /// <summary>Decodes a generated record with its whole-message <c>Decode(ReadOnlySpan&lt;byte&gt;)</c>.</summary>
    public static object DecodeMessageOf(Type recordType, byte[] bytes) =>
        Generic(nameof(DecodeMessageCore), recordType).Invoke(null, new object[] { recordType.GetMethod("Decode", [typeof(ReadOnlySpan<byte>)])!, bytes })!;

    /// <summary>Decodes a generated record as its whole-message decoder falls back to: a new reader, <c>Decode(ref TlvReader)</c>, nothing after.</summary>
    public static object DecodeWithReaderOf(Type recordType, byte[] bytes) =>
        Generic(nameof(DecodeUnreadCore), recordType).Invoke(null, new object[] { ReaderDecoder(recordType), bytes })!;

    /// <summary>A generated record's <c>Decode(ref TlvReader)</c>.</summary>
    public static MethodInfo ReaderDecoder(Type recordType) =>
        recordType.GetMethod("Decode", [typeof(TlvReader).MakeByRefType()])!;

    /// <summary>Encodes an attribute value with an attribute codec method.</summary>
    public static byte[] EncodeAttribute(MethodInfo encode, object? value) =>
        (byte[])Generic(nameof(EncodeValueCore), encode.GetParameters()[2].ParameterType).Invoke(null, new[] { encode, value })!;

    /// <summary>Decodes an attribute value from exactly these bytes.</summary>
    public static object? DecodeAttribute(MethodInfo decode, byte[] bytes) =>
        Generic(nameof(DecodeCore), decode.ReturnType).Invoke(null, new object[] { decode, bytes });

    /// <summary>Unwraps the exception a reflective call throws.</summary>
    public static Exception Unwrap(Exception exception) =>
        exception is TargetInvocationException { InnerException: { } inner } ? inner : exception;

    private static MethodInfo Generic(string name, Type type) =>
        typeof(CodecInvoker).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type);

    private static byte[] EncodeRecordCore<T>(MethodInfo method, T value)
    {
        var encode = method.CreateDelegate<EncodeRecord<T>>();
        var buffer = new byte[4096];
        var writer = new TlvWriter(buffer);
        encode(value, ref writer, TlvTag.Anonymous);
        return buffer.AsSpan(0, writer.BytesWritten).ToArray();
    }

    private static byte[] EncodeMessageCore<T>(MethodInfo method, T value)
    {
        var buffer = new byte[4096];
        var length = method.CreateDelegate<EncodeMessage<T>>()(value, buffer);
        return buffer.AsSpan(0, length).ToArray();
    }

    private static byte[] EncodeValueCore<T>(MethodInfo method, T value)
    {
        var encode = method.CreateDelegate<EncodeValue<T>>();
        var buffer = new byte[4096];
        var writer = new TlvWriter(buffer);
        encode(ref writer, TlvTag.Anonymous, value);
        return buffer.AsSpan(0, writer.BytesWritten).ToArray();
    }

    private static T DecodeCore<T>(MethodInfo method, byte[] bytes)
    {
        var decode = method.CreateDelegate<Decode<T>>();
        var reader = new TlvReader(bytes);
        reader.Read();
        var value = decode(ref reader);
        reader.ExpectEnd();
        return value;
    }

    private static T DecodeUnreadCore<T>(MethodInfo method, byte[] bytes)
    {
        var reader = new TlvReader(bytes);
        var value = method.CreateDelegate<Decode<T>>()(ref reader);
        reader.ExpectEnd();
        return value;
    }

    private static T DecodeMessageCore<T>(MethodInfo method, byte[] bytes) =>
        method.CreateDelegate<DecodeMessage<T>>()(bytes);
}
