using System;
using System.Buffers.Binary;
using BenchmarkDotNet.Attributes;
using MatterGen.Tlv;

namespace MatterGen.Benchmarks.Tlv;

/// <summary>
/// Energy EVSE EnableCharging request {0: ChargingEnabledUntil (epoch-s 0x2E5E1A80), 1: 6000 mA, 2: 32000 mA}:
/// 16 bytes. TlvWriter/TlvReader by hand against a baseline that knows the layout and uses BinaryPrimitives.
/// </summary>
[MemoryDiagnoser]
public class TlvEnableChargingBenchmarks
{
    private const uint Until = 0x2E5E1A80;
    private const long Minimum = 6000;
    private const long Maximum = 32000;

    private readonly byte[] buffer = new byte[32];
    private byte[] encoded = [];

    /// <summary>The values a decoder returns; a null deadline is "until disabled".</summary>
    public readonly record struct Request(uint? Until, long Minimum, long Maximum);

    [GlobalSetup]
    public void Setup()
    {
        var tlvLength = WriteWithTlvWriter();
        var tlv = buffer[..tlvLength];
        var baselineLength = WriteBaseline();
        var baseline = buffer[..baselineLength];
        if (!tlv.AsSpan().SequenceEqual(baseline) || Convert.ToHexString(tlv) != "152600801A5E2E210170172102007D18")
        {
            throw new InvalidOperationException(
                $"TlvWriter wrote {Convert.ToHexString(tlv)}, the baseline {Convert.ToHexString(baseline)}");
        }

        encoded = tlv;
        var expected = new Request(Until, Minimum, Maximum);
        if (ReadWithTlvReader() != expected || ReadBaseline() != expected)
        {
            throw new InvalidOperationException("A reader decoded different values.");
        }
    }

    [Benchmark]
    public int WriteWithTlvWriter()
    {
        var writer = new TlvWriter(buffer);
        writer.StartStructure(TlvTag.Anonymous);
        writer.WriteUnsignedInteger(TlvTag.Context(0), Until);
        writer.WriteSignedInteger(TlvTag.Context(1), Minimum);
        writer.WriteSignedInteger(TlvTag.Context(2), Maximum);
        writer.EndContainer();
        return writer.BytesWritten;
    }

    [Benchmark(Baseline = true)]
    public int WriteBaseline()
    {
        var b = buffer.AsSpan();
        b[0] = 0x15;
        b[1] = 0x26; b[2] = 0x00; BinaryPrimitives.WriteUInt32LittleEndian(b[3..], Until);
        b[7] = 0x21; b[8] = 0x01; BinaryPrimitives.WriteInt16LittleEndian(b[9..], (short)Minimum);
        b[11] = 0x21; b[12] = 0x02; BinaryPrimitives.WriteInt16LittleEndian(b[13..], (short)Maximum);
        b[15] = 0x18;
        return 16;
    }

    [Benchmark]
    public Request ReadWithTlvReader()
    {
        var reader = new TlvReader(encoded);
        uint? until = null;
        long minimum = 0, maximum = 0;
        reader.ExpectType(TlvElementType.Structure);
        while (reader.Read() && reader.ElementType != TlvElementType.EndOfContainer)
        {
            if (reader.Tag.Kind != TlvTagKind.Context)
            {
                reader.Skip();
                continue;
            }

            switch (reader.Tag.Number)
            {
                case 0: until = reader.IsNull ? null : reader.GetUInt32(); break;
                case 1: minimum = reader.GetInt64(); break;
                case 2: maximum = reader.GetInt64(); break;
                default: reader.Skip(); break;
            }
        }

        return new Request(until, minimum, maximum);
    }

    [Benchmark]
    public Request ReadBaseline()
    {
        var b = encoded.AsSpan();
        if (b.Length != 16 || b[0] != 0x15 || b[1] != 0x26 || b[2] != 0 || b[7] != 0x21 || b[8] != 1
            || b[11] != 0x21 || b[12] != 2 || b[15] != 0x18)
        {
            throw new InvalidOperationException("unexpected layout");
        }

        return new Request(
            BinaryPrimitives.ReadUInt32LittleEndian(b[3..]),
            BinaryPrimitives.ReadInt16LittleEndian(b[9..]),
            BinaryPrimitives.ReadInt16LittleEndian(b[13..]));
    }
}
