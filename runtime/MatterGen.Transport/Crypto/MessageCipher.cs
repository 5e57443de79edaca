using System;
using System.Buffers.Binary;
using System.Security.Cryptography;
using MatterGen.Transport.Messages;

namespace MatterGen.Transport.Crypto;

/// <summary>
/// AES-CCM-128 for one direction of a secure session (Core Specification 4.7.2): 16-byte MIC, 13-byte nonce of
/// security flags, message counter (little endian) and source node id (little endian, 0 for PASE and for a CASE
/// peer's unknown id), and the message header as additional data. Works in place on spans, allocation-free.
/// </summary>
public sealed class MessageCipher : IDisposable
{
    /// <summary>The MIC length.</summary>
    public const int MicLength = 16;

    /// <summary>The nonce length.</summary>
    public const int NonceLength = 13;

    private readonly AesCcm aes;

    /// <summary>Creates the cipher for a 16-byte key.</summary>
    public MessageCipher(ReadOnlySpan<byte> key)
    {
        if (key.Length != 16)
        {
            throw new ArgumentException("An AES-CCM-128 key has 16 bytes.", nameof(key));
        }

        aes = new AesCcm(key);
    }

    /// <summary>Writes the message nonce: security flags, counter, source node id.</summary>
    public static void WriteNonce(Span<byte> nonce, byte securityFlags, uint counter, ulong sourceNodeId)
    {
        nonce[0] = securityFlags;
        BinaryPrimitives.WriteUInt32LittleEndian(nonce[1..], counter);
        BinaryPrimitives.WriteUInt64LittleEndian(nonce[5..], sourceNodeId);
    }

    /// <summary>
    /// Encrypts <paramref name="plaintext"/> into <paramref name="ciphertext"/> (same length, may be the same span)
    /// and writes the MIC.
    /// </summary>
    public void Encrypt(ReadOnlySpan<byte> header, in MessageHeader parsed, ulong nonceNodeId, ReadOnlySpan<byte> plaintext, Span<byte> ciphertext, Span<byte> mic)
    {
        Span<byte> nonce = stackalloc byte[NonceLength];
        WriteNonce(nonce, parsed.SecurityFlags, parsed.MessageCounter, nonceNodeId);
        aes.Encrypt(nonce, plaintext, ciphertext, mic, header);
    }

    /// <summary>
    /// Decrypts and authenticates; returns false (and leaves <paramref name="plaintext"/> zeroed) on a MIC failure.
    /// </summary>
    public bool TryDecrypt(ReadOnlySpan<byte> header, in MessageHeader parsed, ulong nonceNodeId, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> mic, Span<byte> plaintext)
    {
        Span<byte> nonce = stackalloc byte[NonceLength];
        WriteNonce(nonce, parsed.SecurityFlags, parsed.MessageCounter, nonceNodeId);
        try
        {
            aes.Decrypt(nonce, ciphertext, mic, plaintext, header);
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }
    }

    /// <inheritdoc/>
    public void Dispose() => aes.Dispose();
}
