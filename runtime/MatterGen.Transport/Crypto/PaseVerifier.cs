using System;

namespace MatterGen.Transport.Crypto;

/// <summary>
/// What a device stores instead of its passcode (Core Specification 3.10, 5.1.1.6): w0 and L = w1·G, serialized as
/// w0 (32 bytes) || L (65 bytes), the form of the reference SDK's "Spake2pVerifier".
/// </summary>
public sealed class PaseVerifier
{
    /// <summary>The serialized length.</summary>
    public const int SerializedLength = P256.ScalarLength + P256.PointLength;

    private readonly byte[] w0;
    private readonly byte[] l;

    private PaseVerifier(byte[] w0, byte[] l)
    {
        this.w0 = w0;
        this.l = l;
    }

    /// <summary>w0 (32 bytes, big endian).</summary>
    public ReadOnlySpan<byte> W0 => w0;

    /// <summary>L (uncompressed point).</summary>
    public ReadOnlySpan<byte> L => l;

    /// <summary>Derives the verifier from a passcode, salt and PBKDF2 iteration count.</summary>
    public static PaseVerifier FromPasscode(uint passcode, ReadOnlySpan<byte> salt, int iterations)
    {
        var (w0, w1) = Spake2Plus.ComputeW0W1(passcode, salt, iterations);
        return new PaseVerifier(w0, Spake2Plus.ComputeL(w1));
    }

    /// <summary>Reads a serialized verifier.</summary>
    /// <exception cref="ArgumentException">Not 97 bytes, or L is not a point on the curve.</exception>
    public static PaseVerifier Deserialize(ReadOnlySpan<byte> serialized)
    {
        if (serialized.Length != SerializedLength)
        {
            throw new ArgumentException($"A PASE verifier has {SerializedLength} bytes.", nameof(serialized));
        }

        if (P256.TryDecodePoint(serialized[P256.ScalarLength..]) is null)
        {
            throw new ArgumentException("The verifier's L is not a point on P-256.", nameof(serialized));
        }

        return new PaseVerifier(serialized[..P256.ScalarLength].ToArray(), serialized[P256.ScalarLength..].ToArray());
    }

    /// <summary>w0 || L.</summary>
    public byte[] Serialize() => [.. w0, .. l];
}
