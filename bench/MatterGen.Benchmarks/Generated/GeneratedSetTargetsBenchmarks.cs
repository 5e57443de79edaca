using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using MatterGen.Clusters;
using MatterGen.Tlv;

namespace MatterGen.Benchmarks.Generated;

/// <summary>
/// The generated <see cref="EnergyEVSE.SetTargetsRequest"/> codec (one schedule, Monday+Tuesday, one target
/// {480 min, 80 %, 25 000 000 mWh}: 28 bytes) against a fair hand-written baseline: it takes the values from the
/// same request object, writes into the same span with BinaryPrimitives, and decodes into a new object graph
/// of the same shape (lists and records), so neither side can be constant-folded.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class GeneratedSetTargetsBenchmarks
{
    /// <summary>matter.js 0.17.9's encoding of the request.</summary>
    public const string ExpectedHex = "153600152400063601152500e001240150220240787d011818181818";

    private readonly byte[] buffer = new byte[64];
    private EnergyEVSE.SetTargetsRequest request = null!;
    private byte[] encoded = [];

    [GlobalSetup]
    public void Setup()
    {
        request = new EnergyEVSE.SetTargetsRequest
        {
            ChargingTargetSchedules =
            [
                new EnergyEVSE.ChargingTargetScheduleStruct
                {
                    DayOfWeekForSequence = EnergyEVSE.TargetDayOfWeekBitmap.Monday | EnergyEVSE.TargetDayOfWeekBitmap.Tuesday,
                    ChargingTargets = [new EnergyEVSE.ChargingTargetStruct { TargetTimeMinutesPastMidnight = 480, TargetSoC = 80, AddedEnergy = 25_000_000 }],
                },
            ],
        };

        encoded = Convert.FromHexString(ExpectedHex);
        CodecSetupCheck.Require(ExpectedHex, buffer, request,
            [("generated", EncodeGenerated), ("generated with writer", EncodeGeneratedWithWriter), ("baseline", EncodeBaseline)],
            [("generated", DecodeGenerated), ("generated with reader", DecodeGeneratedWithReader), ("baseline", DecodeBaseline)]);
    }

    [Benchmark, BenchmarkCategory("Encode")]
    public int EncodeGenerated() => request.Encode(buffer);

    /// <summary>Through a <see cref="TlvWriter"/>, as used for a structure nested in a larger message.</summary>
    [Benchmark, BenchmarkCategory("Encode")]
    public int EncodeGeneratedWithWriter()
    {
        var writer = new TlvWriter(buffer);
        request.Encode(ref writer, TlvTag.Anonymous);
        return writer.BytesWritten;
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Encode")]
    public int EncodeBaseline()
    {
        var b = buffer.AsSpan();
        b[0] = 0x15;
        b[1] = 0x36; b[2] = 0x00;
        var at = 3;
        var schedules = request.ChargingTargetSchedules;
        var scheduleCount = schedules.Count;
        for (var i = 0; i < scheduleCount; i++)
        {
            var schedule = schedules[i];
            b[at] = 0x15;
            at = HandWrittenTlv.WriteUnsigned(b, at + 1, 0, (byte)schedule.DayOfWeekForSequence);
            b[at] = 0x36; b[at + 1] = 0x01;
            at += 2;
            var targets = schedule.ChargingTargets;
            var targetCount = targets.Count;
            for (var j = 0; j < targetCount; j++)
            {
                var target = targets[j];
                b[at] = 0x15;
                at = HandWrittenTlv.WriteUnsigned(b, at + 1, 0, target.TargetTimeMinutesPastMidnight);
                if (target.TargetSoC is { } soc)
                {
                    at = HandWrittenTlv.WriteUnsigned(b, at, 1, soc);
                }

                if (target.AddedEnergy is { } energy)
                {
                    at = HandWrittenTlv.WriteSigned(b, at, 2, energy);
                }

                b[at++] = 0x18;
            }

            b[at] = 0x18; b[at + 1] = 0x18;
            at += 2;
        }

        b[at] = 0x18; b[at + 1] = 0x18;
        return at + 2;
    }

    [Benchmark, BenchmarkCategory("Decode")]
    public EnergyEVSE.SetTargetsRequest DecodeGenerated() => EnergyEVSE.SetTargetsRequest.Decode(encoded);

    /// <summary>The reader-based decoder, as used for a structure nested in a larger message.</summary>
    [Benchmark, BenchmarkCategory("Decode")]
    public EnergyEVSE.SetTargetsRequest DecodeGeneratedWithReader()
    {
        var reader = new TlvReader(encoded);
        var decoded = EnergyEVSE.SetTargetsRequest.Decode(ref reader);
        reader.ExpectEnd();
        return decoded;
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Decode")]
    public EnergyEVSE.SetTargetsRequest DecodeBaseline()
    {
        ReadOnlySpan<byte> b = encoded;
        var at = HandWrittenTlv.Expect(b, 0, 0x15);
        at = HandWrittenTlv.Expect(b, at, 0x36);
        at = HandWrittenTlv.Expect(b, at, 0x00);
        var schedules = new List<EnergyEVSE.ChargingTargetScheduleStruct>();
        while (b[at] != 0x18)
        {
            at = HandWrittenTlv.Expect(b, at, 0x15);
            at = HandWrittenTlv.ReadUnsigned(b, at, 0, out var days);
            at = HandWrittenTlv.Expect(b, at, 0x36);
            at = HandWrittenTlv.Expect(b, at, 0x01);
            var targets = new List<EnergyEVSE.ChargingTargetStruct>();
            while (b[at] != 0x18)
            {
                at = HandWrittenTlv.Expect(b, at, 0x15);
                at = HandWrittenTlv.ReadUnsigned(b, at, 0, out var minutes);
                at = HandWrittenTlv.ReadUnsigned(b, at, 1, out var soc);
                at = HandWrittenTlv.ReadSigned(b, at, 2, out var energy);
                at = HandWrittenTlv.Expect(b, at, 0x18);
                targets.Add(new EnergyEVSE.ChargingTargetStruct { TargetTimeMinutesPastMidnight = (ushort)minutes, TargetSoC = (byte)soc, AddedEnergy = energy });
            }

            at = HandWrittenTlv.Expect(b, at + 1, 0x18);
            schedules.Add(new EnergyEVSE.ChargingTargetScheduleStruct { DayOfWeekForSequence = (EnergyEVSE.TargetDayOfWeekBitmap)days, ChargingTargets = targets });
        }

        at = HandWrittenTlv.Expect(b, at + 1, 0x18);
        if (at != b.Length)
        {
            throw new InvalidOperationException("trailing bytes");
        }

        return new EnergyEVSE.SetTargetsRequest { ChargingTargetSchedules = schedules };
    }
}
