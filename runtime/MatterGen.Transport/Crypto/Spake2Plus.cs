using System;
using System.Buffers.Binary;
using System.IO;
using System.Security.Cryptography;
using Org.BouncyCastle.Math.EC;
using ECPoint = Org.BouncyCastle.Math.EC.ECPoint;

namespace MatterGen.Transport.Crypto;

/// <summary>
/// SPAKE2+ over P-256 with SHA-256 (Core Specification 3.10, RFC 9383 for the group operations and transcript):
/// the shares X = x·G + w0·M and Y = y·G + w0·N, the shared points Z and V, and the transcript TT. Matter's key
/// schedule (<see cref="MatterKeys"/>) differs from RFC 9383's final one (<see cref="Rfc9383Keys"/>); both are here so
/// the group arithmetic can be checked against the RFC's vectors.
/// </summary>
public static class Spake2Plus
{
    /// <summary>The M point of P-256 (RFC 9383 section 4, Core Specification 3.10).</summary>
    internal static readonly ECPoint M = P256.DecodeConstant(
        "02886e2f97ace46e55ba9dd7242579f2993b64e16ef3dcab95afd497333d8fa12f");

    /// <summary>The N point of P-256.</summary>
    internal static readonly ECPoint N = P256.DecodeConstant(
        "03d8bbd6c639c62937b04d997f38c3770719c629d7014d49a24b4f98baa1292b49");

    /// <summary>
    /// The prover's w0 and w1 from a passcode (Core Specification 3.10, "Computation of pA, pB and shared secret"):
    /// PBKDF2-HMAC-SHA256 of the passcode as 4 little-endian bytes gives 80 bytes, each half reduced mod n.
    /// </summary>
    public static (byte[] W0, byte[] W1) ComputeW0W1(uint passcode, ReadOnlySpan<byte> salt, int iterations)
    {
        Span<byte> password = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(password, passcode);
        Span<byte> ws = stackalloc byte[80];
        Rfc2898DeriveBytes.Pbkdf2(password, salt, ws, iterations, HashAlgorithmName.SHA256);
        var w0 = P256.Scalar(ws[..40]).Mod(P256.Order);
        var w1 = P256.Scalar(ws[40..]).Mod(P256.Order);
        return (P256.ScalarBytes(w0), P256.ScalarBytes(w1));
    }

    /// <summary>The verifier's L = w1·G (uncompressed).</summary>
    public static byte[] ComputeL(ReadOnlySpan<byte> w1) => P256.Encode(P256.G.Multiply(P256.Scalar(w1)));

    /// <summary>The prover's share X = x·G + w0·M.</summary>
    public static byte[] ComputeX(ReadOnlySpan<byte> w0, ReadOnlySpan<byte> x) =>
        P256.Encode(ECAlgorithms.SumOfTwoMultiplies(P256.G, P256.Scalar(x), M, P256.Scalar(w0)));

    /// <summary>The verifier's share Y = y·G + w0·N.</summary>
    public static byte[] ComputeY(ReadOnlySpan<byte> w0, ReadOnlySpan<byte> y) =>
        P256.Encode(ECAlgorithms.SumOfTwoMultiplies(P256.G, P256.Scalar(y), N, P256.Scalar(w0)));

    /// <summary>
    /// The prover's Z = x·(Y − w0·N) and V = w1·(Y − w0·N); null when Y is not a valid point.
    /// </summary>
    public static (byte[] Z, byte[] V)? ProverFinish(ReadOnlySpan<byte> w0, ReadOnlySpan<byte> w1, ReadOnlySpan<byte> x, ReadOnlySpan<byte> y)
    {
        var pointY = P256.TryDecodePoint(y);
        if (pointY is null)
        {
            return null;
        }

        // x·(Y − w0·N) = x·Y + (−w0·x)·N, and likewise for w1: two double multiplications instead of three single ones.
        var scalarW0 = P256.Scalar(w0);
        var scalarX = P256.Scalar(x);
        var scalarW1 = P256.Scalar(w1);
        var z = ECAlgorithms.SumOfTwoMultiplies(pointY, scalarX, N, P256.Order.Subtract(scalarW0.Multiply(scalarX).Mod(P256.Order)));
        var v = ECAlgorithms.SumOfTwoMultiplies(pointY, scalarW1, N, P256.Order.Subtract(scalarW0.Multiply(scalarW1).Mod(P256.Order)));
        return z.IsInfinity || v.IsInfinity ? null : (P256.Encode(z), P256.Encode(v));
    }

    /// <summary>
    /// The verifier's Z = y·(X − w0·M) and V = y·L; null when X is not a valid point.
    /// </summary>
    public static (byte[] Z, byte[] V)? VerifierFinish(ReadOnlySpan<byte> w0, ReadOnlySpan<byte> l, ReadOnlySpan<byte> y, ReadOnlySpan<byte> x)
    {
        var pointX = P256.TryDecodePoint(x);
        var pointL = P256.TryDecodePoint(l);
        if (pointX is null || pointL is null)
        {
            return null;
        }

        // y·(X − w0·M) = y·X + (−w0·y)·M: one double multiplication.
        var scalarY = P256.Scalar(y);
        var z = ECAlgorithms.SumOfTwoMultiplies(pointX, scalarY, M, P256.Order.Subtract(P256.Scalar(w0).Multiply(scalarY).Mod(P256.Order)));
        var v = pointL.Multiply(scalarY);
        return z.IsInfinity || v.IsInfinity ? null : (P256.Encode(z), P256.Encode(v));
    }

    /// <summary>
    /// The transcript TT: each of Context, idProver, idVerifier, M, N, X, Y, Z, V and w0 preceded by its length as
    /// 8 little-endian bytes.
    /// </summary>
    public static byte[] Transcript(
        ReadOnlySpan<byte> context,
        ReadOnlySpan<byte> idProver,
        ReadOnlySpan<byte> idVerifier,
        ReadOnlySpan<byte> x,
        ReadOnlySpan<byte> y,
        ReadOnlySpan<byte> z,
        ReadOnlySpan<byte> v,
        ReadOnlySpan<byte> w0)
    {
        using var stream = new MemoryStream(512);
        Append(stream, context);
        Append(stream, idProver);
        Append(stream, idVerifier);
        Append(stream, P256.Encode(M));
        Append(stream, P256.Encode(N));
        Append(stream, x);
        Append(stream, y);
        Append(stream, z);
        Append(stream, v);
        Append(stream, w0);
        return stream.ToArray();
    }

    /// <summary>
    /// Matter's key schedule (Core Specification 3.10): Ka || Ke = SHA-256(TT); KcA || KcB = HKDF(Ka,
    /// "ConfirmationKeys", 32); cA = HMAC(KcA, Y) (the prover's confirmation), cB = HMAC(KcB, X).
    /// </summary>
    public static Spake2PlusKeys MatterKeys(ReadOnlySpan<byte> transcript, ReadOnlySpan<byte> x, ReadOnlySpan<byte> y)
    {
        var hash = SHA256.HashData(transcript);
        var confirmation = HKDF.DeriveKey(HashAlgorithmName.SHA256, hash.AsSpan(0, 16).ToArray(), 32, [], "ConfirmationKeys"u8.ToArray());
        return new Spake2PlusKeys(
            hash.AsSpan(16, 16).ToArray(),
            HMACSHA256.HashData(confirmation.AsSpan(0, 16), y),
            HMACSHA256.HashData(confirmation.AsSpan(16, 16), x));
    }

    /// <summary>
    /// RFC 9383's key schedule (section 3.4): K_main = SHA-256(TT); K_confirmP || K_confirmV = HKDF(K_main,
    /// "ConfirmationKeys", 64); K_shared = HKDF(K_main, "SharedKey", 32); confirmP = HMAC(K_confirmP, Y),
    /// confirmV = HMAC(K_confirmV, X). Matter does not use it; the tests check the shared arithmetic with it.
    /// </summary>
    public static Spake2PlusKeys Rfc9383Keys(ReadOnlySpan<byte> transcript, ReadOnlySpan<byte> x, ReadOnlySpan<byte> y)
    {
        var main = SHA256.HashData(transcript);
        var confirmation = HKDF.DeriveKey(HashAlgorithmName.SHA256, main, 64, [], "ConfirmationKeys"u8.ToArray());
        var shared = HKDF.DeriveKey(HashAlgorithmName.SHA256, main, 32, [], "SharedKey"u8.ToArray());
        return new Spake2PlusKeys(
            shared,
            HMACSHA256.HashData(confirmation.AsSpan(0, 32), y),
            HMACSHA256.HashData(confirmation.AsSpan(32, 32), x));
    }

    private static void Append(Stream stream, ReadOnlySpan<byte> value)
    {
        Span<byte> length = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)value.Length);
        stream.Write(length);
        stream.Write(value);
    }
}

/// <summary>The outcome of a SPAKE2+ key schedule.</summary>
/// <param name="SharedKey">The shared secret (Matter's Ke, 16 bytes; RFC 9383's K_shared, 32 bytes).</param>
/// <param name="ProverConfirmation">The prover's confirmation (Matter's cA, the Pake3 verifier).</param>
/// <param name="VerifierConfirmation">The verifier's confirmation (Matter's cB, the Pake2 verifier).</param>
public sealed record Spake2PlusKeys(byte[] SharedKey, byte[] ProverConfirmation, byte[] VerifierConfirmation);
