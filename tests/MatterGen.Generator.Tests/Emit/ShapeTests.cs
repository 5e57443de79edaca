using System;
using System.Collections.Generic;
using System.Reflection;
using System.Threading;
using MatterGen.Generator.Model;
using MatterGen.Tlv;
using Xunit;
using static MatterGen.Generator.Tests.Emit.EvseModel;
using static MatterGen.Generator.Tests.Emit.SmallClusters;
using EpochMicroseconds = MatterGen.DataModel.EpochMicroseconds;
using Optional = MatterGen.DataModel.Optional<string?>;
using ValueEquality = MatterGen.GeneratedCode.ValueEquality;

namespace MatterGen.Generator.Tests.Emit;

/// <summary>Every field shape and base type family, emitted, compiled and run.</summary>
public sealed class ShapeTests
{
    private static readonly Lazy<(Assembly Assembly, string Source)> Generated = new(() =>
    {
        var globals = Arr(
            GlobalStruct("Point", Field(0, "X", "int16s"), Field(1, "Y", "int16s")),
            GlobalEnum("Level", "enum16", ("Low", 1), ("High", 0x1234)));
        var deprecated = Field(9, "Old", "int8u", optional: true, maturity: Maturity.Deprecated);
        var deprecatedMandatory = Field(10, "OldMandatory", "int8u", maturity: Maturity.Deprecated);
        var all = LocalStruct("AllShapes",
            Field(0, "Plain", "int24u"),
            Field(1, "Label", "char_string", nullable: true, optional: true, length: 4),
            Field(2, "Data", "octet_string", optional: true, length: 3),
            Field(3, "Ratio", "single", optional: true, min: "0.5", max: "2"),
            Field(4, "Precise", "double", optional: true),
            Field(5, "Flag", "boolean", optional: true),
            Field(6, "Offsets", "int8s", list: true, nullable: true, min: "-5"),
            Field(7, "Where", "Point", optional: true),
            Field(8, "Level", "Level", nullable: true, optional: true, max: "1"),
            deprecated,
            deprecatedMandatory,
            Field(11, "Stamp", "epoch_us", optional: true));
        var unit = Unit("Shapes", Arr(all),
            Arr(Attribute(0, "Points", "Point") with { Type = new TypeReference("Point", true) }),
            Arr(Command(0, "Old Command", CommandDirection.ClientToServer, null, Conformance.Create(ConformanceKind.Deprecated))),
            Arr<EventModel>(),
            globals);
        var source = GeneratedSource.Cluster(unit, GeneratorSettings.Default, CancellationToken.None);
        var global = GeneratedSource.Globals(new GlobalTypesUnit(globals), GeneratorSettings.Default, CancellationToken.None);
        return (GeneratedAssembly.Load(source, global), source);
    });

    private static Type Cluster => Generated.Value.Assembly.GetType("MatterGen.Clusters.Shapes")!;

    private static Type AllShapes => Cluster.GetNestedType("AllShapes")!;

    [Fact]
    public void Property_types_follow_the_field_shape()
    {
        Assert.Equal(typeof(uint), AllShapes.GetProperty("Plain")!.PropertyType);
        Assert.Equal(typeof(MatterGen.DataModel.Optional<string>), AllShapes.GetProperty("Label")!.PropertyType);
        Assert.Equal(typeof(ReadOnlyMemory<byte>?), AllShapes.GetProperty("Data")!.PropertyType);
        Assert.Equal(typeof(float?), AllShapes.GetProperty("Ratio")!.PropertyType);
        Assert.Equal(typeof(IReadOnlyList<sbyte>), AllShapes.GetProperty("Offsets")!.PropertyType);
        Assert.Equal("MatterGen.Clusters.Globals+Point", AllShapes.GetProperty("Where")!.PropertyType.FullName);
        Assert.Equal(typeof(EpochMicroseconds?), AllShapes.GetProperty("Stamp")!.PropertyType);
        Assert.Equal(typeof(ushort), System.Enum.GetUnderlyingType(Generated.Value.Assembly.GetType("MatterGen.Clusters.Globals+Level")!));
    }

    [Fact]
    public void Deprecated_members_are_obsolete_except_required_ones_and_provisional_is_marked()
    {
        Assert.NotNull(AllShapes.GetProperty("Old")!.GetCustomAttribute<ObsoleteAttribute>());
        Assert.Null(AllShapes.GetProperty("OldMandatory")!.GetCustomAttribute<ObsoleteAttribute>());
        Assert.Contains("/// <remarks>Deprecated in the Matter specification.</remarks>", Generated.Value.Source, StringComparison.Ordinal);
        Assert.NotNull(Cluster.GetNestedType("OldCommandRequest")!.GetCustomAttribute<ObsoleteAttribute>());
    }

    [Fact]
    public void Optional_and_nullable_are_distinct_on_the_wire()
    {
        var absent = Make(("Plain", 1u), ("Offsets", null), ("OldMandatory", (byte)0));
        var present = Make(("Plain", 1u), ("Offsets", null), ("OldMandatory", (byte)0), ("Label", new Optional(null)));
        var text = Make(("Plain", 1u), ("Offsets", null), ("OldMandatory", (byte)0), ("Label", new Optional("ab")));

        Assert.Equal("152400013406240A0018", Hex(absent));
        Assert.Equal("1524000134013406240A0018", Hex(present));
        Assert.Equal("152400012C0102616234062" + "40A0018", Hex(text));
        foreach (var value in new[] { absent, present, text })
        {
            Assert.Equal(value, CodecInvoker.DecodeRecordOf(AllShapes, CodecInvoker.EncodeRecordOf(AllShapes, value)));
        }

        Assert.NotEqual(absent, present);
    }

    [Fact]
    public void Every_type_family_round_trips()
    {
        var point = Activator.CreateInstance(Generated.Value.Assembly.GetType("MatterGen.Clusters.Globals+Point")!)!;
        point.GetType().GetProperty("X")!.SetValue(point, (short)-3);
        point.GetType().GetProperty("Y")!.SetValue(point, (short)300);
        var level = System.Enum.ToObject(Generated.Value.Assembly.GetType("MatterGen.Clusters.Globals+Level")!, 0x1234);
        var levelOptional = Activator.CreateInstance(typeof(MatterGen.DataModel.Optional<>).MakeGenericType(typeof(Nullable<>).MakeGenericType(level.GetType())), level)!;
        var value = Make(
            ("Plain", 0xFFFFFFu), ("Data", (ReadOnlyMemory<byte>?)new byte[] { 1, 2, 3 }), ("Ratio", (float?)1.5f), ("Precise", (double?)Math.PI),
            ("Flag", (bool?)true), ("Offsets", new sbyte[] { -5, 0, 127 }), ("Where", point), ("Level", levelOptional), ("OldMandatory", (byte)7),
            ("Stamp", (EpochMicroseconds?)new EpochMicroseconds(1UL << 40)));

        var bytes = CodecInvoker.EncodeRecordOf(AllShapes, value);

        Assert.Equal(value, CodecInvoker.DecodeRecordOf(AllShapes, bytes));

        // An open enum: Level's max of 1 is not enforced, and 0x1234 travels as an unsigned integer.
        Assert.Contains("25083412", Convert.ToHexString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void Constraints_are_checked_where_the_CSharp_type_does_not_already()
    {
        AssertViolation("Plain", Make(("Plain", 0x1000000u), ("Offsets", null), ("OldMandatory", (byte)0)));
        AssertViolation("Label", Make(("Plain", 1u), ("Label", new Optional("ünïc")), ("Offsets", null), ("OldMandatory", (byte)0)));
        AssertViolation("Data", Make(("Plain", 1u), ("Data", (ReadOnlyMemory<byte>?)new byte[4]), ("Offsets", null), ("OldMandatory", (byte)0)));
        AssertViolation("Ratio", Make(("Plain", 1u), ("Ratio", (float?)0.25f), ("Offsets", null), ("OldMandatory", (byte)0)));
        AssertViolation("Offsets", Make(("Plain", 1u), ("Offsets", new sbyte[] { -6 }), ("OldMandatory", (byte)0)));

        // int24u on the wire as a 4-byte value above 2^24-1: {0: 0x01000000, 6: null, 10: 0}.
        var error = Assert.IsType<TlvException>(CodecInvoker.Unwrap(Assert.ThrowsAny<Exception>(() =>
            CodecInvoker.DecodeRecordOf(AllShapes, Convert.FromHexString("152600000000013406240A0018")))));
        Assert.Equal("Plain", error.FieldName);
    }

    [Fact]
    public void List_attributes_are_arrays_of_anonymous_elements()
    {
        var codecs = Cluster.GetNestedType("AttributeCodecs")!;
        var point = Activator.CreateInstance(Generated.Value.Assembly.GetType("MatterGen.Clusters.Globals+Point")!)!;
        point.GetType().GetProperty("X")!.SetValue(point, (short)1);
        point.GetType().GetProperty("Y")!.SetValue(point, (short)2);
        var points = Array.CreateInstance(point.GetType(), 1);
        points.SetValue(point, 0);

        var bytes = CodecInvoker.EncodeAttribute(codecs.GetMethod("EncodePoints")!, points);

        Assert.Equal("16152000012001021818", Convert.ToHexString(bytes));
        Assert.True(ValueEquality.Equal<object?>(points, CodecInvoker.DecodeAttribute(codecs.GetMethod("DecodePoints")!, bytes)));
    }

    private static void AssertViolation(string field, object value)
    {
        var error = Assert.IsType<TlvException>(CodecInvoker.Unwrap(Assert.ThrowsAny<Exception>(() => CodecInvoker.EncodeRecordOf(AllShapes, value))));
        Assert.Equal(field, error.FieldName);
    }

    private static string Hex(object value) => Convert.ToHexString(CodecInvoker.EncodeRecordOf(AllShapes, value));

    private static object Make(params (string Property, object? Value)[] values)
    {
        var record = Activator.CreateInstance(AllShapes)!;
        foreach (var (property, value) in values)
        {
            AllShapes.GetProperty(property)!.SetValue(record, value);
        }

        return record;
    }
}
