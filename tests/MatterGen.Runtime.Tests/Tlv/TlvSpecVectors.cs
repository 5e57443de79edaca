using System.Collections.Generic;
using MatterGen.Tlv;
using static MatterGen.Runtime.Tests.Tlv.TlvValue;

namespace MatterGen.Runtime.Tests.Tlv;

/// <summary>
/// The vectors of ../shared/vectors/tlv-spec-vectors.md, transcribed as (section, hex, elements). The bytes are
/// facts of the TLV format; <see cref="TlvSpecVectorTests.Every_transcribed_vector_appears_in_the_shared_file"/>
/// checks each hex string against the file so a typo here cannot go unnoticed.
/// </summary>
internal static class TlvSpecVectors
{
    public const ushort Profile1Vendor = 0xAABB;
    public const ushort Profile1Number = 0xCCDD;

    private static readonly TlvTag Anon = TlvTag.Anonymous;

    public static TlvTag Ctx(byte number) => TlvTag.Context(number);

    public static TlvTag P1(uint number) => TlvTag.FullyQualified(Profile1Vendor, Profile1Number, number);

    public static TlvTag Implicit(uint number) => TlvTag.ImplicitProfile(number);

    /// <summary>The 270-byte sLargeString of TestTLV.cpp.</summary>
    public const string LargeString =
        "START..." +
        "!123456789ABCDEF@123456789ABCDEF#123456789ABCDEF$123456789ABCDEF%123456789ABCDEF^123456789ABCDEF&123456789ABCDEF*123456789ABCDEF" +
        "01234567(9ABCDEF01234567)9ABCDEF01234567-9ABCDEF01234567=9ABCDEF01234567[9ABCDEF01234567]9ABCDEF01234567;9ABCDEF01234567'9ABCDEF" +
        "...END";

    /// <summary>Encoding1 as the writer calls in section 5 build it.</summary>
    public static TlvValue Encoding1Value => Structure(P1(1),
        Bool(true, P1(2)),
        Bool(false, Implicit(2)),
        Array(Ctx(0),
            Signed(42), Signed(-17), Signed(-170000), Unsigned(40000000000),
            Structure(Anon),
            List(Anon,
                Null(P1(17)),
                Null(Implicit(900000)),
                Null(),
                Structure(Implicit(4000000000), Utf8(LargeString, TlvTag.CommonProfile(70000))))),
        Utf8("This is a test", P1(5)),
        Single(17.9f, Implicit(65535)),
        Double(17.9, Implicit(65536)));

    /// <summary>The hex of each writer call in the section 5 table, in order; together they are Encoding1.</summary>
    public static readonly string[] Encoding1Segments =
    [
        "D5 BB AA DD CC 01 00",
        "C9 BB AA DD CC 02 00",
        "88 02 00",
        "36 00",
        "00 2A",
        "00 EF",
        "02 F0 67 FD FF",
        "07 00 90 2F 50 09 00 00 00",
        "15 18",
        "17",
        "D4 BB AA DD CC 11 00",
        "B4 A0 BB 0D 00",
        "14",
        "B5 00 28 6B EE",
        "6D 70 11 01 00 0E 01",
        // The 270 string bytes go here.
        "18 18 18",
        "CC BB AA DD CC 05 00 0E 54 68 69 73 20 69 73 20 61 20 74 65 73 74",
        "8A FF FF 33 33 8F 41",
        "AB 00 00 01 00 66 66 66 66 66 E6 31 40",
        "18",
    ];

    /// <summary>The first 65 bytes of Encoding1, as the file gives them verbatim.</summary>
    public const string Encoding1First65 =
        "D5 BB AA DD CC 01 00 C9 BB AA DD CC 02 00 88 02 00 36 00 00 2A 00 EF 02 F0 67 FD FF 07 00 90 2F 50 09 00 00 00 15 18 17 D4 BB AA DD CC 11 00 B4 A0 BB 0D 00 14 B5 00 28 6B EE 6D 70 11 01 00 0E 01";

    /// <summary>Vectors that hold both ways: the writer produces exactly these bytes and the reader returns these elements.</summary>
    public static IEnumerable<(string Section, string Hex, TlvValue[] Elements)> RoundTrip()
    {
        // 1. Scalars, anonymous tag.
        yield return ("1", "08", [Bool(false)]);
        yield return ("1", "09", [Bool(true)]);
        yield return ("1", "00 2A", [Signed(42)]);
        yield return ("1", "00 EF", [Signed(-17)]);
        yield return ("1", "04 2A", [Unsigned(42)]);
        yield return ("1", "01 92 10", [Signed(4242)]);
        yield return ("1", "02 F0 67 FD FF", [Signed(-170000)]);
        yield return ("1", "03 00 90 2F 50 09 00 00 00", [Signed(40000000000)]);
        yield return ("1", "07 00 90 2F 50 09 00 00 00", [Unsigned(40000000000)]);
        yield return ("1", "14", [Null()]);
        yield return ("1", "0C 06 48 65 6C 6C 6F 21", [Utf8("Hello!")]);
        yield return ("1", "0C 07 54 73 63 68 C3 BC 73", [Utf8("Tschüs")]);
        yield return ("1", "10 05 00 01 02 03 04", [Bytes([0, 1, 2, 3, 4])]);
        yield return ("1", "0A 00 00 00 00", [Single(0.0f)]);
        yield return ("1", "0A AB AA AA 3E", [Single(1.0f / 3.0f)]);
        yield return ("1", "0A 33 33 8F 41", [Single(17.9f)]);
        yield return ("1", "0A 00 00 80 7F", [Single(float.PositiveInfinity)]);
        yield return ("1", "0A 00 00 80 FF", [Single(float.NegativeInfinity)]);
        yield return ("1", "0B 00 00 00 00 00 00 00 00", [Double(0.0)]);
        yield return ("1", "0B 55 55 55 55 55 55 D5 3F", [Double(1.0 / 3.0)]);
        yield return ("1", "0B 66 66 66 66 66 E6 31 40", [Double(17.9)]);
        yield return ("1", "0B 00 00 00 00 00 00 F0 7F", [Double(double.PositiveInfinity)]);
        yield return ("1", "0B 00 00 00 00 00 00 F0 FF", [Double(double.NegativeInfinity)]);

        // 2. Integer width selection.
        yield return ("2", "03 FE 00 CA EF BE AD DE 00", [Signed(0x00deadbeefca00fe)]);
        yield return ("2", "02 EF BE AD 7C", [Signed(0x7cadbeef)]);
        yield return ("2", "01 AD 7C", [Signed(0x7cad)]);
        yield return ("2", "00 7C", [Signed(0x7c)]);
        yield return ("2", "03 AB AA AA AA AA AA AA AA", [Signed(-0x5555555555555555)]);
        yield return ("2", "02 AB AA AA AA", [Signed(-0x55555555)]);
        yield return ("2", "01 AB AA", [Signed(-0x5555)]);
        yield return ("2", "00 AB", [Signed(-0x55)]);
        yield return ("2", "03 EF BE AD DE 00 00 00 00", [Signed(0xdeadbeef)]);
        yield return ("2", "02 AD DE 00 00", [Signed(0xdead)]);
        yield return ("2", "01 AD 00", [Signed(0xad)]);
        yield return ("2", "03 56 55 55 55 FF FF FF FF", [Signed(-0xaaaaaaaa)]);
        yield return ("2", "02 56 55 FF FF", [Signed(-0xaaaa)]);
        yield return ("2", "01 56 FF", [Signed(-0xaa)]);
        yield return ("2", "07 FE 00 00 CA EF BE AD DE", [Unsigned(0xdeadbeefca0000fe)]);
        yield return ("2", "06 EF BE AD DE", [Unsigned(0xdeadbeef)]);
        yield return ("2", "05 AD DE", [Unsigned(0xdead)]);
        yield return ("2", "04 DE", [Unsigned(0xde)]);

        // 3. Containers.
        yield return ("3", "15 18", [Structure(Anon)]);
        yield return ("3", "16 18", [Array(Anon)]);
        yield return ("3", "17 18", [List(Anon)]);
        yield return ("3", "15 20 00 2A 20 01 EF 18", [Structure(Anon, Signed(42, Ctx(0)), Signed(-17, Ctx(1)))]);
        yield return ("3", "16 00 00 00 01 00 02 00 03 00 04 18", [Array(Anon, Signed(0), Signed(1), Signed(2), Signed(3), Signed(4))]);
        yield return ("3", "17 00 01 20 00 2A 00 02 00 03 20 00 EF 18",
            [List(Anon, Signed(1), Signed(42, Ctx(0)), Signed(2), Signed(3), Signed(-17, Ctx(0)))]);
        yield return ("3", "16 00 2A 02 F0 67 FD FF 15 18 0A 33 33 8F 41 0C 06 48 65 6C 6C 6F 21 18",
            [Array(Anon, Signed(42), Signed(-170000), Structure(Anon), Single(17.9f), Utf8("Hello!"))]);
        yield return ("3", "16 00 2A 00 EF 02 F0 67 FD FF 03 00 90 2F 50 09 00 00 00 18",
            [Array(Anon, Signed(42), Signed(-17), Signed(-170000), Signed(40000000000))]);
        yield return ("3", "16 04 2A 06 10 98 02 00 07 00 90 2F 50 09 00 00 00 18",
            [Array(Anon, Unsigned(42), Unsigned(170000), Unsigned(40000000000))]);
        yield return ("3", "16 10 05 00 01 02 03 04 10 01 FF 10 03 4A EF 88 18",
            [Array(Anon, Bytes([0, 1, 2, 3, 4]), Bytes([0xFF]), Bytes([0x4A, 0xEF, 0x88]))]);
        yield return ("3", "17 00 01 00 02 20 01 03 18", [List(Anon, Signed(1), Signed(2), Signed(3, Ctx(1)))]);
        yield return ("3", "17 00 01 17 00 02 20 03 04 18 18", [List(Anon, Signed(1), List(Anon, Signed(2), Signed(4, Ctx(3))))]);

        // 4. Tags.
        yield return ("4", "15 24 01 2A 18", [Structure(Anon, Unsigned(42, Ctx(1)))]);
        yield return ("4", "17 24 01 2A 18", [List(Anon, Unsigned(42, Ctx(1)))]);
        yield return ("4", "44 01 00 2A", [Unsigned(42, TlvTag.CommonProfile(1))]);
        yield return ("4", "64 A0 86 01 00 2A", [Unsigned(42, TlvTag.CommonProfile(100000))]);
        yield return ("4", "C4 F1 FF ED DE 01 00 2A", [Unsigned(42, TlvTag.FullyQualified(0xFFF1, 0xDEED, 1))]);
        yield return ("4", "E4 F1 FF ED DE ED FE 55 AA 2A", [Unsigned(42, TlvTag.FullyQualified(0xFFF1, 0xDEED, 0xAA55FEED))]);
        yield return ("4", "D5 F1 FF ED DE 01 00 C4 F1 FF ED DE 55 AA 2A 18",
            [Structure(TlvTag.FullyQualified(0xFFF1, 0xDEED, 1), Unsigned(42, TlvTag.FullyQualified(0xFFF1, 0xDEED, 0xAA55)))]);

        // 5. TestTLV.cpp arrays other than Encoding1 (tested on its own).
        yield return ("5", "D5 BB AA DD CC 01 00 88 02 00 18", [Structure(P1(1), Bool(false, Implicit(2)))]);
        yield return ("5", "D5 BB AA DD CC 01 00 C9 BB AA DD CC 02 00 88 02 00 18 95 01 00 88 02 00 C9 BB AA DD CC 02 00 18",
            [Structure(P1(1), Bool(true, P1(2)), Bool(false, Implicit(2))), Structure(Implicit(1), Bool(false, Implicit(2)), Bool(true, P1(2)))]);
        yield return ("5", "D5 BB AA DD CC 01 00 88 02 00 89 02 00 18", [Structure(P1(1), Bool(false, Implicit(2)), Bool(true, Implicit(2)))]);
        yield return ("5", "D5 00 00 0E 00 01 00 25 00 5A 23 24 01 07 24 02 05 25 03 22 1E 2C 04 10 30 34 41 41 30 31 41 43 32 33 31 34 30 30 4C 50 2C 09 06 31 2E 34 72 63 35 24 0C 01 18",
            [Structure(TlvTag.FullyQualified(0x0000, 0x000E, 1),
                Unsigned(0x235A, Ctx(0)), Unsigned(7, Ctx(1)), Unsigned(5, Ctx(2)), Unsigned(0x1E22, Ctx(3)),
                Utf8("04AA01AC231400LP", Ctx(4)), Utf8("1.4rc5", Ctx(9)), Unsigned(1, Ctx(12)))]);

        // 7. Derived.
        yield return ("7", "00 80", [Signed(sbyte.MinValue)]);
        yield return ("7", "00 7F", [Signed(sbyte.MaxValue)]);
        yield return ("7", "01 00 80", [Signed(short.MinValue)]);
        yield return ("7", "01 FF 7F", [Signed(short.MaxValue)]);
        yield return ("7", "02 00 00 00 80", [Signed(int.MinValue)]);
        yield return ("7", "02 FF FF FF 7F", [Signed(int.MaxValue)]);
        yield return ("7", "03 00 00 00 00 00 00 00 80", [Signed(long.MinValue)]);
        yield return ("7", "03 FF FF FF FF FF FF FF 7F", [Signed(long.MaxValue)]);
        yield return ("7", "04 FF", [Unsigned(byte.MaxValue)]);
        yield return ("7", "05 FF FF", [Unsigned(ushort.MaxValue)]);
        yield return ("7", "06 FF FF FF FF", [Unsigned(uint.MaxValue)]);
        yield return ("7", "07 FF FF FF FF FF FF FF FF", [Unsigned(ulong.MaxValue)]);
        yield return ("7", "00 FF", [Signed(-1)]);
        yield return ("7", "01 80 00", [Signed(128)]);
        yield return ("7", "05 00 01", [Unsigned(256)]);
        yield return ("7", "00 00", [Signed(0)]);
        yield return ("7", "04 00", [Unsigned(0)]);
        yield return ("7", "29 03", [Bool(true, Ctx(3))]);
        yield return ("7", "34 00", [Null(Ctx(0))]);
        yield return ("7", "0C 00", [Utf8("")]);
        yield return ("7", "30 00 00", [Bytes([], Ctx(0))]);
        yield return ("7", "6C 70 11 01 00 01 78", [Utf8("x", TlvTag.CommonProfile(70000))]);
        yield return ("7", "88 02 00", [Bool(false, Implicit(2))]);
        yield return ("7", "B4 A0 BB 0D 00", [Null(Implicit(900000))]);

        // 7. EVSE payloads.
        yield return ("7", "15 34 00 21 01 70 17 21 02 00 7D 18",
            [Structure(Anon, Null(Ctx(0)), Signed(6000, Ctx(1)), Signed(32000, Ctx(2)))]);
        yield return ("7", "15 26 00 80 1A 5E 2E 21 01 70 17 22 02 60 EA 00 00 18",
            [Structure(Anon, Unsigned(0x2E5E1A80, Ctx(0)), Signed(6000, Ctx(1)), Signed(60000, Ctx(2)))]);
        yield return ("7", "15 34 00 21 01 00 7D 18", [Structure(Anon, Null(Ctx(0)), Signed(32000, Ctx(1)))]);
        yield return ("7", "15 25 00 9F 05 22 02 40 78 7D 01 18", [ChargingTarget(1439, null, 25000000)]);
        yield return ("7", "15 24 00 01 24 01 64 18", [ChargingTarget(1, 100, null)]);
        yield return ("7", "15 24 00 7F 36 01 15 25 00 9F 05 22 02 40 78 7D 01 18 18 18", [Schedule(Anon)]);
        yield return ("7", "15 36 00 15 24 00 7F 36 01 15 25 00 9F 05 22 02 40 78 7D 01 18 18 18 18 18",
            [Structure(Anon, Array(Ctx(0), Schedule(Anon)))]);
        yield return ("7", "15 36 00 18 18", [Structure(Anon, Array(Ctx(0)))]);
        yield return ("7", "15 24 00 00 18", [Structure(Anon, Unsigned(0, Ctx(0)))]);
        yield return ("7", "15 24 00 01 24 01 03 21 02 00 7D 18",
            [Structure(Anon, Unsigned(1, Ctx(0)), Unsigned(3, Ctx(1)), Signed(32000, Ctx(2)))]);
        yield return ("7", "15 24 00 01 24 01 03 24 02 01 20 04 00 18",
            [Structure(Anon, Unsigned(1, Ctx(0)), Unsigned(3, Ctx(1)), Unsigned(1, Ctx(2)), Signed(0, Ctx(4)))]);
        yield return ("7", "15 34 00 24 01 00 24 02 00 24 04 07 18",
            [Structure(Anon, Null(Ctx(0)), Unsigned(0, Ctx(1)), Unsigned(0, Ctx(2)), Unsigned(7, Ctx(4)))]);
        yield return ("7", "15 30 00 0A 00 11 22 33 44 55 66 77 88 99 18",
            [Structure(Anon, Bytes([0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99], Ctx(0)))]);
        yield return ("7", "0C 20 54 65 73 74 2D 56 65 68 69 63 6C 65 2D 49 44 2D 30 31 32 33 34 35 37 38 39 2D 41 42 43 44 45 46",
            [Utf8("Test-Vehicle-ID-012345789-ABCDEF")]);
        yield return ("7", "14", [Null()]);
    }

    /// <summary>Encodings a writer would not produce (non-minimal widths) that the reader must accept.</summary>
    public static IEnumerable<(string Hex, TlvValue Element)> DecodeOnly()
    {
        yield return ("01 2A 00", Signed(42));
    }

    private static TlvValue ChargingTarget(ulong minutes, ulong? soc, long? addedEnergy)
    {
        var members = new List<TlvValue> { Unsigned(minutes, Ctx(0)) };
        if (soc is { } s)
        {
            members.Add(Unsigned(s, Ctx(1)));
        }

        if (addedEnergy is { } e)
        {
            members.Add(Signed(e, Ctx(2)));
        }

        return Structure(Anon, [.. members]);
    }

    private static TlvValue Schedule(TlvTag tag) =>
        Structure(tag, Unsigned(0x7F, Ctx(0)), Array(Ctx(1), ChargingTarget(1439, null, 25000000)));
}
