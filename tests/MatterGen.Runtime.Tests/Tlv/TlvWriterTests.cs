using System;
using System.Buffers;
using MatterGen.Tlv;
using Xunit;

namespace MatterGen.Runtime.Tests.Tlv;

public sealed class TlvWriterTests
{
    [Fact]
    public void EndContainer_with_nothing_open_is_misuse()
    {
        var buffer = new byte[8];
        var writer = new TlvWriter(buffer);
        try
        {
            writer.EndContainer();
            Assert.Fail("expected InvalidOperationException");
        }
        catch (InvalidOperationException)
        {
        }

        Assert.Equal(0, writer.BytesWritten);
    }

    [Fact]
    public void Anonymous_member_of_a_structure_is_misuse()
    {
        var buffer = new byte[8];
        var writer = new TlvWriter(buffer);
        writer.StartStructure(TlvTag.Anonymous);
        try
        {
            writer.WriteBoolean(TlvTag.Anonymous, true);
            Assert.Fail("expected InvalidOperationException");
        }
        catch (InvalidOperationException)
        {
        }

        Assert.Equal(1, writer.BytesWritten);
    }

    [Theory]
    [InlineData(TlvTagKind.Context)]
    [InlineData(TlvTagKind.CommonProfile)]
    [InlineData(TlvTagKind.ImplicitProfile)]
    [InlineData(TlvTagKind.FullyQualified)]
    public void Tagged_member_of_an_array_is_misuse(TlvTagKind kind)
    {
        var tag = kind switch
        {
            TlvTagKind.Context => TlvTag.Context(1),
            TlvTagKind.CommonProfile => TlvTag.CommonProfile(1),
            TlvTagKind.ImplicitProfile => TlvTag.ImplicitProfile(1),
            _ => TlvTag.FullyQualified(1, 2, 3),
        };
        var buffer = new byte[16];
        var writer = new TlvWriter(buffer);
        writer.StartArray(TlvTag.Anonymous);
        try
        {
            writer.WriteNull(tag);
            Assert.Fail("expected InvalidOperationException");
        }
        catch (InvalidOperationException)
        {
        }
    }

    [Fact]
    public void Any_tag_is_allowed_at_top_level_and_in_a_list()
    {
        var buffer = new byte[64];
        var writer = new TlvWriter(buffer);
        writer.WriteNull(TlvTag.Context(7));
        writer.StartList(TlvTag.Anonymous);
        writer.WriteNull(TlvTag.Anonymous);
        writer.WriteNull(TlvTag.Context(1));
        writer.WriteNull(TlvTag.CommonProfile(2));
        writer.EndContainer();

        Assert.Equal("34 07 17 14 34 01 54 02 00 18", Hex.Format(writer.WrittenSpan));
    }

    [Fact]
    public void Element_that_does_not_fit_throws_BufferTooSmall_and_writes_nothing()
    {
        var buffer = new byte[5];
        var writer = new TlvWriter(buffer);
        writer.StartStructure(TlvTag.Anonymous);
        writer.WriteUnsignedInteger(TlvTag.Context(1), 7); // 3 bytes, 4 used

        var error = CatchTlv(ref writer, static (ref TlvWriter w) => w.WriteUnsignedInteger(TlvTag.Context(2), 300));

        Assert.Equal(TlvError.BufferTooSmall, error.Error);
        Assert.Equal(4, error.Offset);
        Assert.Equal(4, writer.BytesWritten);
        writer.EndContainer();
        Assert.Equal("15 24 01 07 18", Hex.Format(buffer));
    }

    [Fact]
    public void String_longer_than_the_span_throws_BufferTooSmall()
    {
        var buffer = new byte[10];
        var writer = new TlvWriter(buffer);

        var error = CatchTlv(ref writer, static (ref TlvWriter w) => w.WriteString(TlvTag.Anonymous, new string('x', 20)));

        Assert.Equal(TlvError.BufferTooSmall, error.Error);
        Assert.Equal(0, writer.BytesWritten);
    }

    [Theory]
    [InlineData(0, "0C 00")]
    [InlineData(255, "0C FF")]
    [InlineData(256, "0D 00 01")]
    [InlineData(300, "0D 2C 01")]
    [InlineData(65535, "0D FF FF")]
    [InlineData(70000, "0E 70 11 01 00")]
    public void String_length_uses_the_smallest_prefix(int length, string header)
    {
        var buffer = new byte[length + 8];
        var writer = new TlvWriter(buffer);
        writer.WriteString(TlvTag.Anonymous, new string('a', length));

        var headerBytes = Hex.Parse(header);
        Assert.Equal(headerBytes.Length + length, writer.BytesWritten);
        Assert.Equal(header, Hex.Format(buffer.AsSpan(0, headerBytes.Length)));

        var reader = new TlvReader(buffer.AsSpan(0, writer.BytesWritten));
        reader.Read();
        Assert.Equal(length, reader.GetUtf8Bytes().Length);
    }

    [Fact]
    public void OctetString_of_256_bytes_has_a_two_byte_length()
    {
        var buffer = new byte[300];
        var writer = new TlvWriter(buffer);
        writer.WriteOctetString(TlvTag.Anonymous, new byte[256]);

        Assert.Equal("11 00 01", Hex.Format(buffer.AsSpan(0, 3)));
        Assert.Equal(259, writer.BytesWritten);
    }

    [Fact]
    public void Lone_surrogate_is_written_as_the_replacement_character()
    {
        var buffer = new byte[16];
        var writer = new TlvWriter(buffer);
        writer.WriteString(TlvTag.Anonymous, "a\uD800b");

        Assert.Equal("0C 05 61 EF BF BD 62", Hex.Format(writer.WrittenSpan));
    }

    [Fact]
    public void WriteUtf8String_copies_the_bytes()
    {
        var buffer = new byte[16];
        var writer = new TlvWriter(buffer);
        writer.WriteUtf8String(TlvTag.Context(0), "Hi"u8);

        Assert.Equal("2C 00 02 48 69", Hex.Format(writer.WrittenSpan));
    }

    [Fact]
    public void Buffer_writer_mode_produces_encoding_1_across_small_segments()
    {
        var output = new SmallSegmentBufferWriter(segmentSize: 16);
        var writer = new TlvWriter(output);
        TlvSpecVectors.Encoding1Value.WriteTo(ref writer);
        writer.Flush();

        var expected = TlvValue.Encode(TlvSpecVectors.Encoding1Value);
        Assert.Equal(expected.Length, writer.BytesWritten);
        Assert.Equal(Hex.Format(expected), Hex.Format(output.Written));
    }

    [Fact]
    public void Buffer_writer_mode_keeps_writing_after_flush()
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new TlvWriter(output);
        writer.WriteBoolean(TlvTag.Anonymous, true);
        writer.Flush();
        Assert.Equal("09", Hex.Format(output.WrittenSpan));
        writer.WriteBoolean(TlvTag.Anonymous, false);
        writer.Flush();
        writer.Flush();

        Assert.Equal("09 08", Hex.Format(output.WrittenSpan));
        Assert.Equal(2, writer.BytesWritten);
    }

    [Fact]
    public void Writing_a_structure_allocates_nothing()
    {
        var buffer = new byte[64];
        WriteEnableCharging(buffer); // JIT and statics first.

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            WriteEnableCharging(buffer);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal("15 26 00 80 1A 5E 2E 21 01 70 17 21 02 00 7D 2C 03 02 C3 BC 18", Hex.Format(buffer.AsSpan(0, 21)));
    }

    [Fact]
    public void Containers_deeper_than_64_are_misuse()
    {
        var buffer = new byte[200];
        var writer = new TlvWriter(buffer);
        for (var i = 0; i < 64; i++)
        {
            writer.StartArray(TlvTag.Anonymous);
        }

        Assert.Equal(64, writer.Depth);
        try
        {
            writer.StartArray(TlvTag.Anonymous);
            Assert.Fail("expected InvalidOperationException");
        }
        catch (InvalidOperationException)
        {
        }
    }

    private static void WriteEnableCharging(byte[] buffer)
    {
        var writer = new TlvWriter(buffer);
        writer.StartStructure(TlvTag.Anonymous);
        writer.WriteUnsignedInteger(TlvTag.Context(0), 0x2E5E1A80);
        writer.WriteSignedInteger(TlvTag.Context(1), 6000);
        writer.WriteSignedInteger(TlvTag.Context(2), 32000);
        writer.WriteString(TlvTag.Context(3), "ü");
        writer.EndContainer();
    }

    private delegate void WriterAction(ref TlvWriter writer);

    private static TlvException CatchTlv(ref TlvWriter writer, WriterAction action)
    {
        try
        {
            action(ref writer);
        }
        catch (TlvException e)
        {
            return e;
        }

        throw new Xunit.Sdk.XunitException("expected a TlvException");
    }

    /// <summary>An IBufferWriter that hands out spans of at least the requested size but no more than that or a small segment, to exercise segment changes.</summary>
    private sealed class SmallSegmentBufferWriter(int segmentSize) : IBufferWriter<byte>
    {
        private readonly ArrayBufferWriter<byte> inner = new();
        private byte[] segment = [];

        public ReadOnlySpan<byte> Written => inner.WrittenSpan;

        public void Advance(int count)
        {
            Assert.InRange(count, 0, segment.Length);
            inner.Write(segment.AsSpan(0, count));
            segment = [];
        }

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            segment = new byte[Math.Max(sizeHint, segmentSize)];
            return segment;
        }

        public Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;
    }
}
