using System;
using System.Buffers;
using MatterGen.GeneratedCode;
using MatterGen.Tlv;
using Xunit;

namespace MatterGen.Runtime.Tests.Tlv;

/// <summary>The span-level structure path generated codecs use: same bytes as the element-wise writer, whole or nothing.</summary>
public sealed class TlvStructureFieldsTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(300)]
    public void WriteStructure_matches_the_element_wise_writer_in_both_modes(int octets)
    {
        var value = new Sample(octets);
        var expected = new byte[1024];
        var classic = new TlvWriter(expected);
        classic.StartStructure(TlvTag.Anonymous);
        classic.WriteSignedInteger(TlvTag.Context(1), -70000);
        classic.WriteOctetString(TlvTag.Context(2), new byte[octets]);
        classic.EndContainer();
        var bytes = classic.WrittenSpan.ToArray();

        var span = new byte[1024];
        var spanWriter = new TlvWriter(span);
        Assert.True(spanWriter.TryBeginStructure(TlvTag.Anonymous, out var destination, out var at));
        spanWriter.EndStructure(value.EncodeTlvFields(destination, at));
        Assert.Equal(bytes, spanWriter.WrittenSpan.ToArray());

        // A segment far smaller than the structure: the writer asks for bigger spans until it fits.
        var output = new SmallSegments(16);
        var bufferWriter = new TlvWriter(output);
        bufferWriter.WriteUnsignedInteger(TlvTag.Anonymous, 7);
        bufferWriter.WriteStructure(TlvTag.Anonymous, value);
        bufferWriter.Flush();
        Assert.Equal([0x04, 0x07, .. bytes], output.Written.ToArray());
    }

    [Fact]
    public void A_structure_that_does_not_fit_leaves_nothing_written()
    {
        var writer = new TlvWriter(new byte[10]);
        writer.WriteBoolean(TlvTag.Anonymous, true);
        try
        {
            writer.WriteStructure(TlvTag.Anonymous, new Sample(8));
            Assert.Fail("expected BufferTooSmall");
        }
        catch (TlvException e)
        {
            Assert.Equal(TlvError.BufferTooSmall, e.Error);
        }

        Assert.Equal(1, writer.BytesWritten);
        Assert.Equal(0, writer.Depth);
    }

    [Fact]
    public void TryReadContext_moves_only_on_a_match()
    {
        // {1: -70000 (int32), 2: true}
        var reader = new TlvReader(Convert.FromHexString("15220190EEFEFF290218"));
        reader.ExpectType(TlvElementType.Structure);
        Assert.False(reader.TryReadContext(0, TlvElementType.SignedInteger));
        Assert.False(reader.TryReadContext(1, TlvElementType.UnsignedInteger));
        Assert.Equal(1, reader.BytesConsumed);
        Assert.True(reader.TryReadContext(1, TlvElementType.SignedInteger));
        Assert.Equal(-70000, reader.GetInt64());
        Assert.False(reader.TryReadEndOfContainer());
        Assert.True(reader.TryReadContext(2, TlvElementType.Boolean));
        Assert.True(reader.GetBoolean());
        Assert.True(reader.TryReadEndOfContainer());
        reader.ExpectEnd();
    }

    [Fact]
    public void A_large_structure_costs_a_retry_once_not_on_every_encode()
    {
        var thread = Environment.CurrentManagedThreadId;
        var retries = 0;
        void Count(object? sender, System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs e)
        {
            if (Environment.CurrentManagedThreadId == thread && e.Exception is TlvException { Error: TlvError.BufferTooSmall })
            {
                retries++;
            }
        }

        AppDomain.CurrentDomain.FirstChanceException += Count;
        try
        {
            byte[] Encode()
            {
                var output = new SmallSegments(16);
                var writer = new TlvWriter(output);
                writer.WriteStructure(TlvTag.Anonymous, new LargeSample());
                writer.Flush();
                return output.Written.ToArray();
            }

            var first = Encode();
            var firstRetries = retries;
            var second = Encode();

            Assert.True(firstRetries > 0, "a 3,000-byte structure does not fit the first 256-byte span");
            Assert.Equal(firstRetries, retries);
            Assert.Equal(first, second);
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= Count;
        }
    }

    /// <summary>A structure of its own type, so no other test has taught the writer its size.</summary>
    private sealed class LargeSample : ITlvStructureFields
    {
        public int EncodeTlvFields(Span<byte> destination, int at) =>
            TlvFieldWriter.WriteOctetString(destination, at, 1, new byte[3000]);
    }

    private sealed class Sample(int octets) : ITlvStructureFields
    {
        public int EncodeTlvFields(Span<byte> destination, int at)
        {
            at = TlvFieldWriter.WriteSigned(destination, at, 1, -70000);
            return TlvFieldWriter.WriteOctetString(destination, at, 2, new byte[octets]);
        }
    }

    private sealed class SmallSegments(int segmentSize) : IBufferWriter<byte>
    {
        private readonly ArrayBufferWriter<byte> inner = new();
        private byte[] segment = [];

        public ReadOnlySpan<byte> Written => inner.WrittenSpan;

        public void Advance(int count)
        {
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
