using System.Linq;
using CsCheck;
using MatterGen.Tlv;

namespace MatterGen.Runtime.Tests.Tlv;

/// <summary>CsCheck generators for TLV element trees that obey the tag rules of their container.</summary>
internal static class TlvGenerators
{
    private static readonly Gen<TlvTag> AnyNonAnonymousTag = Gen.OneOf(
        Gen.Byte.Select(TlvTag.Context),
        Gen.UInt[0, 0xFFFF].Select(TlvTag.CommonProfile),
        Gen.UInt.Select(TlvTag.CommonProfile),
        Gen.UInt[0, 0xFFFF].Select(TlvTag.ImplicitProfile),
        Gen.UInt.Select(TlvTag.ImplicitProfile),
        Gen.Select(Gen.UShort, Gen.UShort, Gen.UInt[0, 0xFFFF], TlvTag.FullyQualified),
        Gen.Select(Gen.UShort, Gen.UShort, Gen.UInt, TlvTag.FullyQualified));

    private static readonly Gen<TlvTag> AnyTag = Gen.Frequency(
        (1, Gen.Const(TlvTag.Anonymous)),
        (3, AnyNonAnonymousTag));

    private static readonly Gen<string> Text = Gen.Frequency(
        (4, Gen.Char[(char)0x20, (char)0x7E].Array[0, 12].Select(c => new string(c))),
        (2, Gen.Char[(char)0x20, (char)0xD7FF].Array[0, 12].Select(c => new string(c))),
        (1, Gen.Char['a', 'z'].Array[250, 320].Select(c => new string(c))));

    private static readonly Gen<byte[]> Octets = Gen.Frequency(
        (4, Gen.Byte.Array[0, 12]),
        (1, Gen.Byte.Array[250, 300]));

    /// <summary>Random top-level elements, up to three containers deep.</summary>
    public static readonly Gen<TlvValue> Element = Node(3, null);

    /// <summary>Whole messages: one to three top-level elements.</summary>
    public static readonly Gen<TlvValue[]> Message = Element.Array[1, 3];

    private static Gen<TlvValue> Node(int depth, TlvElementType? parent)
    {
        var tag = parent switch
        {
            TlvElementType.Structure => AnyNonAnonymousTag,
            TlvElementType.Array => Gen.Const(TlvTag.Anonymous),
            _ => AnyTag,
        };

        var scalars = new[]
        {
            Gen.Select(tag, Gen.Long, (t, v) => TlvValue.Signed(v, t)),
            Gen.Select(tag, Gen.Long[-70000, 70000], (t, v) => TlvValue.Signed(v, t)),
            Gen.Select(tag, Gen.ULong, (t, v) => TlvValue.Unsigned(v, t)),
            Gen.Select(tag, Gen.ULong[0, 70000], (t, v) => TlvValue.Unsigned(v, t)),
            Gen.Select(tag, Gen.Bool, (t, v) => TlvValue.Bool(v, t)),
            Gen.Select(tag, Gen.Float, (t, v) => TlvValue.Single(v, t)),
            Gen.Select(tag, Gen.Double, (t, v) => TlvValue.Double(v, t)),
            Gen.Select(tag, Text, (t, v) => TlvValue.Utf8(v, t)),
            Gen.Select(tag, Octets, (t, v) => TlvValue.Bytes(v, t)),
            tag.Select(t => TlvValue.Null(t)),
        };

        if (depth == 0)
        {
            return Gen.OneOf(scalars);
        }

        var containers = new[]
        {
            Gen.Select(tag, Node(depth - 1, TlvElementType.Structure).Array[0, 4], (t, m) => TlvValue.Structure(t, m)),
            Gen.Select(tag, Node(depth - 1, TlvElementType.Array).Array[0, 4], (t, m) => TlvValue.Array(t, m)),
            Gen.Select(tag, Node(depth - 1, TlvElementType.List).Array[0, 4], (t, m) => TlvValue.List(t, m)),
        };

        return Gen.Frequency(
            (3, Gen.OneOf(scalars)),
            (1, Gen.OneOf(containers)));
    }

    /// <summary>Control bytes that start well-formed elements, so random input gets past the first byte more often.</summary>
    public static readonly Gen<byte> TlvLikeByte = Gen.Frequency(
        (3, Gen.Byte),
        (2, Gen.OneOf(Enumerable.Range(0, 0x19).Select(t => Gen.Const((byte)t)).ToArray())),
        (2, Gen.OneOf(Enumerable.Range(0, 0x19).Select(t => Gen.Const((byte)(0x20 | t))).ToArray())),
        (1, Gen.Const((byte)0x18)));
}
