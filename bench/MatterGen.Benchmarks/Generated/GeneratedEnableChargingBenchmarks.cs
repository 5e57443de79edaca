using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using MatterGen.Clusters;
using MatterGen.DataModel;
using MatterGen.Tlv;

namespace MatterGen.Benchmarks.Generated;

/// <summary>
/// The generated <see cref="EnergyEVSE.EnableChargingRequest"/> codec ({until epoch-s 0x2E5E1A80, 6000 mA,
/// 32000 mA}: 16 bytes) against a fair hand-written baseline that takes the values from the same request
/// object, writes into the same span with BinaryPrimitives, and decodes into a new request.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class GeneratedEnableChargingBenchmarks
{
    /// <summary>matter.js 0.17.9's encoding of the request.</summary>
    public const string ExpectedHex = "152600801a5e2e210170172102007d18";

    private readonly byte[] buffer = new byte[32];
    private EnergyEVSE.EnableChargingRequest request = null!;
    private byte[] encoded = [];

    [GlobalSetup]
    public void Setup()
    {
        request = new EnergyEVSE.EnableChargingRequest
        {
            ChargingEnabledUntil = new EpochSeconds(0x2E5E1A80),
            MinimumChargeCurrent = 6000,
            MaximumChargeCurrent = 32000,
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
        var at = 1;
        if (request.ChargingEnabledUntil is { } until)
        {
            at = HandWrittenTlv.WriteUnsigned(b, at, 0, until.Value);
        }
        else
        {
            b[1] = 0x34; b[2] = 0x00;
            at = 3;
        }

        at = HandWrittenTlv.WriteSigned(b, at, 1, request.MinimumChargeCurrent);
        at = HandWrittenTlv.WriteSigned(b, at, 2, request.MaximumChargeCurrent);
        b[at] = 0x18;
        return at + 1;
    }

    [Benchmark, BenchmarkCategory("Decode")]
    public EnergyEVSE.EnableChargingRequest DecodeGenerated() => EnergyEVSE.EnableChargingRequest.Decode(encoded);

    /// <summary>The reader-based decoder, as used for a structure nested in a larger message.</summary>
    [Benchmark, BenchmarkCategory("Decode")]
    public EnergyEVSE.EnableChargingRequest DecodeGeneratedWithReader()
    {
        var reader = new TlvReader(encoded);
        var decoded = EnergyEVSE.EnableChargingRequest.Decode(ref reader);
        reader.ExpectEnd();
        return decoded;
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Decode")]
    public EnergyEVSE.EnableChargingRequest DecodeBaseline()
    {
        ReadOnlySpan<byte> b = encoded;
        var at = HandWrittenTlv.Expect(b, 0, 0x15);
        EpochSeconds? until = null;
        if (b[at] == 0x34 && b[at + 1] == 0)
        {
            at += 2;
        }
        else
        {
            at = HandWrittenTlv.ReadUnsigned(b, at, 0, out var seconds);
            until = new EpochSeconds(checked((uint)seconds));
        }

        at = HandWrittenTlv.ReadSigned(b, at, 1, out var minimum);
        at = HandWrittenTlv.ReadSigned(b, at, 2, out var maximum);
        at = HandWrittenTlv.Expect(b, at, 0x18);
        if (at != b.Length)
        {
            throw new InvalidOperationException("trailing bytes");
        }

        return new EnergyEVSE.EnableChargingRequest { ChargingEnabledUntil = until, MinimumChargeCurrent = minimum, MaximumChargeCurrent = maximum };
    }
}
