using System;
using System.Security.Cryptography;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Utilities;
using ECCurve = Org.BouncyCastle.Math.EC.ECCurve;
using ECPoint = Org.BouncyCastle.Math.EC.ECPoint;

namespace MatterGen.Transport.Crypto;

/// <summary>
/// The NIST P-256 curve for the point arithmetic .NET does not expose (SPAKE2+ needs point addition and
/// multiplication by arbitrary scalars), from BouncyCastle's constant-time custom curve.
/// </summary>
internal static class P256
{
    /// <summary>The length of an uncompressed point (0x04 || X || Y).</summary>
    public const int PointLength = 65;

    /// <summary>The length of a scalar.</summary>
    public const int ScalarLength = 32;

    private static readonly X9ECParameters Parameters = CustomNamedCurves.GetByName("P-256");

    /// <summary>The curve.</summary>
    public static ECCurve Curve => Parameters.Curve;

    /// <summary>The base point G.</summary>
    public static ECPoint G => Parameters.G;

    /// <summary>The group order n.</summary>
    public static BigInteger Order => Parameters.N;

    /// <summary>Reads a point; null when the bytes are not a valid point on the curve or are the point at infinity.</summary>
    public static ECPoint? TryDecodePoint(ReadOnlySpan<byte> encoded)
    {
        if (encoded.Length != PointLength || encoded[0] != 0x04)
        {
            return null;
        }

        try
        {
            var point = Curve.DecodePoint(encoded.ToArray());
            return point.IsInfinity || !point.IsValid() ? null : point;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Reads a point known to be valid (a constant of the protocol).</summary>
    public static ECPoint DecodeConstant(string hex) =>
        Curve.DecodePoint(Convert.FromHexString(hex));

    /// <summary>The uncompressed encoding of a point.</summary>
    public static byte[] Encode(ECPoint point) => point.Normalize().GetEncoded(false);

    /// <summary>A big-endian unsigned scalar.</summary>
    public static BigInteger Scalar(ReadOnlySpan<byte> bigEndian) => new(1, bigEndian.ToArray());

    /// <summary>A scalar as 32 big-endian bytes.</summary>
    public static byte[] ScalarBytes(BigInteger value) => BigIntegers.AsUnsignedByteArray(ScalarLength, value);

    /// <summary>A uniformly random scalar in [1, n).</summary>
    public static BigInteger RandomScalar()
    {
        Span<byte> bytes = stackalloc byte[ScalarLength + 8];
        RandomNumberGenerator.Fill(bytes);
        // 64 extra bits make the reduction's bias negligible (FIPS 186-4 B.4.1).
        return new BigInteger(1, bytes.ToArray()).Mod(Order.Subtract(BigInteger.One)).Add(BigInteger.One);
    }
}
