using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using MatterGen.Tests;
using MatterGen.Tlv;
using Xunit;

namespace MatterGen.Runtime.Tests.Tlv;

/// <summary>Every vector of tlv-spec-vectors.md, written exactly and read back.</summary>
public sealed class TlvSpecVectorTests
{
    public static TheoryData<string, string> RoundTripVectors()
    {
        var data = new TheoryData<string, string>();
        foreach (var (section, hex, _) in TlvSpecVectors.RoundTrip())
        {
            data.Add(section, hex);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RoundTripVectors))]
    public void Writer_produces_the_vector_bytes(string section, string hex)
    {
        var elements = TlvSpecVectors.RoundTrip().First(v => v.Section == section && v.Hex == hex).Elements;

        var written = TlvValue.Encode(elements);

        Assert.Equal(hex, Hex.Format(written));
    }

    [Theory]
    [MemberData(nameof(RoundTripVectors))]
    public void Reader_returns_the_vector_values(string section, string hex)
    {
        var elements = TlvSpecVectors.RoundTrip().First(v => v.Section == section && v.Hex == hex).Elements;

        var read = TlvValue.DecodeAll(Hex.Parse(hex));

        Assert.Equal(TlvValue.Describe(elements), TlvValue.Describe(read));
    }

    [Fact]
    public void Reader_accepts_non_minimal_integer_widths()
    {
        foreach (var (hex, element) in TlvSpecVectors.DecodeOnly())
        {
            Assert.Equal(element.Describe(), Assert.Single(TlvValue.DecodeAll(Hex.Parse(hex))).Describe());
        }
    }

    [Fact]
    public void Encoding_1_is_written_byte_for_byte()
    {
        var expected = Encoding1Bytes();
        Assert.Equal(381, expected.Length);
        Assert.Equal(TlvSpecVectors.Encoding1First65, Hex.Format(expected.AsSpan(0, 65)));

        var written = TlvValue.Encode(TlvSpecVectors.Encoding1Value);

        Assert.Equal(Hex.Format(expected), Hex.Format(written));
    }

    [Fact]
    public void Encoding_1_is_read_back()
    {
        var read = TlvValue.DecodeAll(Encoding1Bytes());

        Assert.Equal(TlvSpecVectors.Encoding1Value.Describe(), Assert.Single(read).Describe());
    }

    [Fact]
    public void Encoding_1_can_be_skipped_whole_and_by_every_container()
    {
        var bytes = Encoding1Bytes();
        var reader = new TlvReader(bytes);
        Assert.True(reader.Read());
        reader.Skip();
        Assert.Equal(bytes.Length, reader.BytesConsumed);
        Assert.False(reader.Read());

        // Skip the array (ctx 0) inside the outer structure and land on the string after it.
        reader = new TlvReader(bytes);
        reader.Read();
        while (reader.Read() && !reader.Tag.IsContext(0))
        {
        }

        reader.Skip();
        Assert.True(reader.Read());
        Assert.Equal(TlvSpecVectors.P1(5), reader.Tag);
        Assert.Equal("This is a test", reader.GetString());
    }

    [SharedFact]
    public void Every_transcribed_vector_appears_in_the_shared_file()
    {
        var text = File.ReadAllText(SharedMaterial.PathOf("vectors/tlv-spec-vectors.md"));
        var quoted = Regex.Matches(text, "`([0-9A-F]{2}(?: [0-9A-F]{2})*)`").Select(m => m.Groups[1].Value).ToHashSet();

        var missing = TlvSpecVectors.RoundTrip().Select(v => v.Hex)
            .Concat(TlvSpecVectors.DecodeOnly().Select(v => v.Hex.ToUpperInvariant()))
            .Concat(TlvSpecVectors.Encoding1Segments)
            .Where(hex => !quoted.Contains(hex))
            .ToList();

        Assert.Empty(missing);
        Assert.Contains(TlvSpecVectors.Encoding1First65, text);
    }

    /// <summary>Encoding1 assembled from the section 5 table: each writer call's bytes, the 270-byte string in place.</summary>
    private static byte[] Encoding1Bytes()
    {
        var segments = TlvSpecVectors.Encoding1Segments;
        var stringHeader = System.Array.IndexOf(segments, "6D 70 11 01 00 0E 01");
        var bytes = segments.Take(stringHeader + 1).SelectMany(Hex.Parse)
            .Concat(Encoding.ASCII.GetBytes(TlvSpecVectors.LargeString))
            .Concat(segments.Skip(stringHeader + 1).SelectMany(Hex.Parse));
        return bytes.ToArray();
    }
}
