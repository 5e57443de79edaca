using System;

namespace MatterGen.Tlv;

/// <summary>Reads one value from TLV: the shape of every generated <c>Decode</c> method.</summary>
/// <typeparam name="T">The decoded type.</typeparam>
/// <param name="reader">The reader, positioned before or on the element.</param>
public delegate T TlvDecoder<out T>(ref TlvReader reader);

/// <summary>
/// Reads one value from a whole TLV message (nothing after it): the shape of every generated
/// <c>Decode(ReadOnlySpan&lt;byte&gt;)</c> method, which reads a well-formed message in one pass.
/// </summary>
/// <typeparam name="T">The decoded type.</typeparam>
/// <param name="message">The encoded value.</param>
public delegate T TlvMessageDecoder<out T>(ReadOnlySpan<byte> message);

/// <summary>Writes one value as TLV with the given tag.</summary>
/// <typeparam name="T">The encoded type.</typeparam>
public delegate void TlvEncoder<in T>(ref TlvWriter writer, TlvTag tag, T value);
