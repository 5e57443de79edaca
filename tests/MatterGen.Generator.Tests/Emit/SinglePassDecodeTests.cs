using System;
using System.Threading;
using MatterGen.Generator.Model;
using MatterGen.Tlv;
using Xunit;
using static MatterGen.Generator.Tests.Emit.EvseModel;
using static MatterGen.Generator.Tests.Emit.SmallClusters;

namespace MatterGen.Generator.Tests.Emit;

/// <summary>
/// A record of scalar fields only, whose <c>Decode(ReadOnlySpan&lt;byte&gt;)</c> reads in-order messages in one
/// pass: on every input, in order or not, valid or not, it must give exactly what the reader-based decoder gives.
/// </summary>
public sealed class SinglePassDecodeTests
{
    private static readonly Lazy<Type> Reading = new(() =>
    {
        var reading = LocalStruct("Reading",
            Field(0, "Count", "int8u", max: "100"),
            Field(1, "Delta", "int16s", nullable: true),
            Field(2, "Flag", "boolean", nullable: true, optional: true),
            Field(3, "Stamp", "epoch_s", optional: true),
            Field(4, "Big", "int64s", optional: true, min: "-5"));
        var unit = Unit("Readings", Arr(reading), Arr<AttributeModel>(), Arr<CommandModel>(), Arr<EventModel>());
        var assembly = GeneratedAssembly.Load(GeneratedSource.Cluster(unit, GeneratorSettings.Default, CancellationToken.None));
        return assembly.GetType("MatterGen.Clusters.Readings+Reading")!;
    });

    public static TheoryData<string> Messages => new(
        "1524000A2101000129022004FB18", // every kind, in order
        "152004FB24000A340118", // out of order
        "1526" + "0A000000" + "340118", // a wider integer than needed
        "1524000A34012407631829", // an unknown field, the end, then a stray byte
        "1524000A340124076318", // an unknown field is skipped
        "1524000A3401340218", // Flag present and null
        "1524000A24000B340118", // Count twice
        "15240065340118", // Count above its maximum
        "1525000100340118", // Count beyond a byte
        "1524000A34012004FA18", // Big below its minimum
        "1524000A18", // Delta missing
        "153400340118", // Count null although not nullable
        "1524000A34010018", // an anonymous element inside the structure
        "1524000A340124", // truncated
        "1618", // an array, not a structure
        "", // empty
        "1524000A34011800"); // trailing bytes

    [Theory]
    [MemberData(nameof(Messages))]
    public void Both_decoders_agree(string hex)
    {
        var bytes = Convert.FromHexString(hex);
        var byReader = Outcome(() => DecodeWithReader(bytes));
        var whole = Outcome(() => DecodeMessage(bytes));

        Assert.Equal(byReader, whole);
    }

    [Fact]
    public void An_in_order_message_reads_every_shape()
    {
        dynamic value = DecodeMessage(Convert.FromHexString("1524000A2101000129022004FB18"));

        Assert.Equal((byte)10, (byte)value.Count);
        Assert.Equal((short)256, (short?)value.Delta);
        Assert.True((bool?)value.Flag.Value);
        Assert.Null((object?)value.Stamp);
        Assert.Equal(-5L, (long?)value.Big);
    }

    [Theory]
    [InlineData("1524000A24000B340118", TlvError.DuplicateField, 4, "Count")]
    [InlineData("15240065340118", TlvError.ConstraintViolation, 1, "Count")]
    [InlineData("1524000A34012004FA18", TlvError.ConstraintViolation, 6, "Big")]
    [InlineData("1524000A18", TlvError.MissingField, 0, "Delta")]
    [InlineData("1524000A34011800", TlvError.TrailingData, 7, null)]
    public void A_bad_message_is_rejected_naming_the_field(string hex, TlvError error, int offset, string? field)
    {
        var exception = Assert.IsType<TlvException>(CodecInvoker.Unwrap(Assert.ThrowsAny<Exception>(() => DecodeMessage(Convert.FromHexString(hex)))));

        Assert.Equal((error, offset, field), (exception.Error, exception.Offset, exception.FieldName));
    }

    private static object DecodeMessage(byte[] bytes) => CodecInvoker.DecodeMessageOf(Reading.Value, bytes);

    private static object DecodeWithReader(byte[] bytes) => CodecInvoker.DecodeWithReaderOf(Reading.Value, bytes);

    /// <summary>The value, or the error with where it is and which field it names.</summary>
    private static object Outcome(Func<object> decode)
    {
        try
        {
            return decode();
        }
        catch (Exception exception) when (CodecInvoker.Unwrap(exception) is TlvException error)
        {
            return (error.Error, error.Offset, error.FieldName);
        }
    }
}
