using System;
using System.Buffers.Binary;
using BenchmarkDotNet.Attributes;
using MatterGen.Tlv;

namespace MatterGen.Benchmarks.Tlv;

/// <summary>
/// Energy EVSE SetTargets request, one schedule (Mon+Tue) with one target {480 min, 80 %, 25 000 000 mWh}:
/// 28 bytes. TlvWriter/TlvReader by hand against a baseline that knows the layout and uses BinaryPrimitives.
/// </summary>
[MemoryDiagnoser]
public class TlvSetTargetsBenchmarks
{
    private const byte DayOfWeek = 0x06;
    private const ushort TargetTime = 480;
    private const byte TargetSoC = 80;
    private const long AddedEnergy = 25_000_000;

    private readonly byte[] buffer = new byte[64];
    private byte[] encoded = [];

    /// <summary>The values a decoder returns.</summary>
    public readonly record struct Target(byte DayOfWeek, ushort Minutes, byte SoC, long AddedEnergy);

    [GlobalSetup]
    public void Setup()
    {
        var tlvLength = WriteWithTlvWriter();
        var tlv = buffer[..tlvLength];
        var baselineLength = WriteBaseline();
        var baseline = buffer[..baselineLength];
        if (tlvLength != 28 || !tlv.AsSpan().SequenceEqual(baseline))
        {
            throw new InvalidOperationException(
                $"TlvWriter wrote {Convert.ToHexString(tlv)}, the baseline {Convert.ToHexString(baseline)}");
        }

        encoded = tlv;
        var expected = new Target(DayOfWeek, TargetTime, TargetSoC, AddedEnergy);
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
        writer.StartArray(TlvTag.Context(0));
        writer.StartStructure(TlvTag.Anonymous);
        writer.WriteUnsignedInteger(TlvTag.Context(0), DayOfWeek);
        writer.StartArray(TlvTag.Context(1));
        writer.StartStructure(TlvTag.Anonymous);
        writer.WriteUnsignedInteger(TlvTag.Context(0), TargetTime);
        writer.WriteUnsignedInteger(TlvTag.Context(1), TargetSoC);
        writer.WriteSignedInteger(TlvTag.Context(2), AddedEnergy);
        writer.EndContainer();
        writer.EndContainer();
        writer.EndContainer();
        writer.EndContainer();
        writer.EndContainer();
        return writer.BytesWritten;
    }

    [Benchmark(Baseline = true)]
    public int WriteBaseline()
    {
        var b = buffer.AsSpan();
        b[0] = 0x15;
        b[1] = 0x36; b[2] = 0x00;
        b[3] = 0x15;
        b[4] = 0x24; b[5] = 0x00; b[6] = DayOfWeek;
        b[7] = 0x36; b[8] = 0x01;
        b[9] = 0x15;
        b[10] = 0x25; b[11] = 0x00; BinaryPrimitives.WriteUInt16LittleEndian(b[12..], TargetTime);
        b[14] = 0x24; b[15] = 0x01; b[16] = TargetSoC;
        b[17] = 0x22; b[18] = 0x02; BinaryPrimitives.WriteInt32LittleEndian(b[19..], (int)AddedEnergy);
        b[23] = 0x18; b[24] = 0x18; b[25] = 0x18; b[26] = 0x18; b[27] = 0x18;
        return 28;
    }

    [Benchmark]
    public Target ReadWithTlvReader()
    {
        var reader = new TlvReader(encoded);
        var result = default(Target);
        reader.ExpectType(TlvElementType.Structure);
        while (reader.Read() && reader.ElementType != TlvElementType.EndOfContainer)
        {
            if (!reader.Tag.IsContext(0))
            {
                reader.Skip();
                continue;
            }

            reader.ExpectType(TlvElementType.Array);
            while (reader.Read() && reader.ElementType != TlvElementType.EndOfContainer)
            {
                result = ReadSchedule(ref reader);
            }
        }

        return result;
    }

    [Benchmark]
    public Target ReadBaseline()
    {
        var b = encoded.AsSpan();
        if (b.Length != 28 || b[0] != 0x15 || b[1] != 0x36 || b[2] != 0 || b[3] != 0x15 || b[4] != 0x24 || b[5] != 0
            || b[7] != 0x36 || b[8] != 1 || b[9] != 0x15 || b[10] != 0x25 || b[11] != 0 || b[14] != 0x24 || b[15] != 1
            || b[17] != 0x22 || b[18] != 2 || b[23] != 0x18 || b[24] != 0x18 || b[25] != 0x18 || b[26] != 0x18 || b[27] != 0x18)
        {
            throw new InvalidOperationException("unexpected layout");
        }

        return new Target(b[6], BinaryPrimitives.ReadUInt16LittleEndian(b[12..]), b[16], BinaryPrimitives.ReadInt32LittleEndian(b[19..]));
    }

    private static Target ReadSchedule(ref TlvReader reader)
    {
        reader.ExpectType(TlvElementType.Structure);
        byte days = 0;
        var target = default(Target);
        while (reader.Read() && reader.ElementType != TlvElementType.EndOfContainer)
        {
            if (reader.Tag.Kind != TlvTagKind.Context)
            {
                reader.Skip();
                continue;
            }

            switch (reader.Tag.Number)
            {
                case 0: days = reader.GetByte(); break;
                case 1:
                    reader.ExpectType(TlvElementType.Array);
                    while (reader.Read() && reader.ElementType != TlvElementType.EndOfContainer)
                    {
                        target = ReadTarget(ref reader);
                    }

                    break;
                default: reader.Skip(); break;
            }
        }

        return target with { DayOfWeek = days };
    }

    private static Target ReadTarget(ref TlvReader reader)
    {
        reader.ExpectType(TlvElementType.Structure);
        ushort minutes = 0;
        byte soc = 0;
        long energy = 0;
        while (reader.Read() && reader.ElementType != TlvElementType.EndOfContainer)
        {
            if (reader.Tag.Kind != TlvTagKind.Context)
            {
                reader.Skip();
                continue;
            }

            switch (reader.Tag.Number)
            {
                case 0: minutes = reader.GetUInt16(); break;
                case 1: soc = reader.GetByte(); break;
                case 2: energy = reader.GetInt64(); break;
                default: reader.Skip(); break;
            }
        }

        return new Target(0, minutes, soc, energy);
    }
}
