using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Threading;
using MatterGen.Generator.Model;
using MatterGen.Tests;
using MatterGen.Tlv;
using Xunit;

namespace MatterGen.Generator.Tests.Emit;

/// <summary>Runs the code emitted for the hand-built EVSE model against matter.js's encodings of every EVSE message.</summary>
public sealed class EvseVectorTests
{
    private static readonly Lazy<Assembly> Generated = new(() =>
        GeneratedAssembly.Load(GeneratedSource.Cluster(EvseModel.Unit, GeneratorSettings.Default, CancellationToken.None)));

    // The same code emitted from the model the parser and resolver build from energy-evse-cluster.xml.
    private static readonly Lazy<(Assembly Assembly, string TypeName)> Parsed = new(() =>
    {
        var unit = Corpus.Result.Clusters.Single(c => c.Cluster.Code == 0x99);
        var assembly = GeneratedAssembly.Load(
            GeneratedSource.Cluster(unit, GeneratorSettings.Default, CancellationToken.None),
            GeneratedSource.Globals(Corpus.Result.Globals, GeneratorSettings.Default, CancellationToken.None));
        return (assembly, unit.TypeName);
    });

    public static IEnumerable<object[]> Vectors()
    {
        if (SharedMaterial.SkipReason is not null)
        {
            return new[] { new object[] { "hand-built", -1 } };
        }

        using var document = JsonDocument.Parse(File.ReadAllText(SharedMaterial.PathOf("vectors/matterjs-evse.json")));
        var count = document.RootElement.GetProperty("vectors").GetArrayLength();
        return new[] { "hand-built", "parsed" }.SelectMany(model => Enumerable.Range(0, count).Select(i => new object[] { model, i }));
    }

    [SharedTheory]
    [MemberData(nameof(Vectors))]
    public void Encodes_and_decodes_like_matter_js(string model, int index)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(SharedMaterial.PathOf("vectors/matterjs-evse.json")));
        var vector = document.RootElement.GetProperty("vectors")[index];
        var element = vector.GetProperty("element").GetString()!;
        var hex = vector.GetProperty("hex").GetString()!;
        var bytes = Convert.FromHexString(hex);
        var kind = element.Substring(0, element.IndexOf(':'));
        var name = element.Substring(kind.Length + 1);
        var cluster = model == "parsed"
            ? Parsed.Value.Assembly.GetType("MatterGen.Clusters." + Parsed.Value.TypeName)!
            : Generated.Value.GetType("MatterGen.Clusters.EnergyEvse")!;

        if (kind == "attribute")
        {
            var codecs = cluster.GetNestedType("AttributeCodecs")!;
            var encode = codecs.GetMethods().Single(m => string.Equals(m.Name, "Encode" + name, StringComparison.OrdinalIgnoreCase));
            var decode = codecs.GetMethods().Single(m => string.Equals(m.Name, "Decode" + name, StringComparison.OrdinalIgnoreCase));
            var value = JsonValues.ToValue(vector.GetProperty("value"), encode.GetParameters()[2].ParameterType);
            Assert.Equal(hex, Convert.ToHexString(CodecInvoker.EncodeAttribute(encode, value)), ignoreCase: true);
            Assert.True(MatterGen.GeneratedCode.ValueEquality.Equal(value, CodecInvoker.DecodeAttribute(decode, bytes)), element + " " + hex);
            return;
        }

        var suffix = kind == "event" ? "Event" : kind == "command" ? "Request" : string.Empty;
        var recordType = cluster.GetNestedTypes().Single(t => string.Equals(t.Name, name + suffix, StringComparison.OrdinalIgnoreCase));
        var record = JsonValues.ToValue(vector.GetProperty("value"), recordType)!;
        Assert.Equal(hex, Convert.ToHexString(CodecInvoker.EncodeRecordOf(recordType, record)), ignoreCase: true);
        Assert.Equal(record, CodecInvoker.DecodeRecordOf(recordType, bytes));
    }

    [Fact]
    public void SetTargets_with_one_schedule_is_the_exact_bytes()
    {
        var cluster = Generated.Value.GetType("MatterGen.Clusters.EnergyEvse")!;
        var request = Build(cluster, "SetTargetsRequest", ("ChargingTargetSchedules", Array(cluster, "ChargingTargetScheduleStruct",
            Build(cluster, "ChargingTargetScheduleStruct",
                ("DayOfWeekForSequence", Enum.Parse(cluster.GetNestedType("TargetDayOfWeekBitmap")!, "Monday, Tuesday")),
                ("ChargingTargets", Array(cluster, "ChargingTargetStruct", Build(cluster, "ChargingTargetStruct",
                    ("TargetTimeMinutesPastMidnight", (ushort)480), ("TargetSoC", (byte)80), ("AddedEnergy", 25_000_000L))))))));
        var type = request.GetType();

        var bytes = CodecInvoker.EncodeRecordOf(type, request);

        // energy-mWh is a signed 64-bit integer, so 25000000 travels as a signed 4-byte integer (0x22), as matter.js writes it.
        Assert.Equal("153600152400063601152500E001240150220240787D011818181818", Convert.ToHexString(bytes));
        Assert.Equal(28, bytes.Length);
        Assert.Equal(request, CodecInvoker.DecodeRecordOf(type, bytes));
    }

    [Fact]
    public void Equality_compares_lists_by_content()
    {
        var cluster = Generated.Value.GetType("MatterGen.Clusters.EnergyEvse")!;
        object Schedule(byte soc) => Build(cluster, "ChargingTargetScheduleStruct",
            ("DayOfWeekForSequence", Enum.ToObject(cluster.GetNestedType("TargetDayOfWeekBitmap")!, 1)),
            ("ChargingTargets", Array(cluster, "ChargingTargetStruct", Build(cluster, "ChargingTargetStruct", ("TargetTimeMinutesPastMidnight", (ushort)1), ("TargetSoC", (byte?)soc)))));

        Assert.Equal(Schedule(5), Schedule(5));
        Assert.Equal(Schedule(5).GetHashCode(), Schedule(5).GetHashCode());
        Assert.NotEqual(Schedule(5), Schedule(6));
    }

    [Fact]
    public void Decode_reports_missing_wrong_type_and_constraint_breaking_fields()
    {
        var cluster = Generated.Value.GetType("MatterGen.Clusters.EnergyEvse")!;
        var target = cluster.GetNestedType("ChargingTargetStruct")!;

        // {} : the mandatory TargetTimeMinutesPastMidnight is missing.
        var missing = Assert.IsType<TlvException>(Catch(() => CodecInvoker.DecodeRecordOf(target, Convert.FromHexString("1518"))));
        Assert.Equal("TargetTimeMinutesPastMidnight", missing.FieldName);

        // {0: true} : a boolean where an unsigned integer belongs.
        var wrongType = Assert.IsType<TlvException>(Catch(() => CodecInvoker.DecodeRecordOf(target, Convert.FromHexString("15290018"))));
        Assert.Equal("TargetTimeMinutesPastMidnight", wrongType.FieldName);

        // {0: 1440} : above the maximum 1439.
        var tooLarge = Assert.IsType<TlvException>(Catch(() => CodecInvoker.DecodeRecordOf(target, Convert.FromHexString("152500A00518"))));
        Assert.Equal("TargetTimeMinutesPastMidnight", tooLarge.FieldName);

        // {0: 480, 1: null} : TargetSoC is optional but not nullable.
        var nullOptional = Assert.IsType<TlvException>(Catch(() => CodecInvoker.DecodeRecordOf(target, Convert.FromHexString("152500E001340118"))));
        Assert.Equal("TargetSoC", nullOptional.FieldName);
    }

    [Fact]
    public void Decode_skips_unknown_fields_and_non_context_tags()
    {
        var cluster = Generated.Value.GetType("MatterGen.Clusters.EnergyEvse")!;
        var target = cluster.GetNestedType("ChargingTargetStruct")!;

        // {9: {1: 1}, 0: 480, common-profile 2-byte tag 5: 7} : only field 0 is known.
        var decoded = CodecInvoker.DecodeRecordOf(target, Convert.FromHexString("15350924010118" + "2500E001" + "4405000718"));
        Assert.Equal(Build(cluster, "ChargingTargetStruct", ("TargetTimeMinutesPastMidnight", (ushort)480)), decoded);
    }

    [Fact]
    public void Encode_rejects_values_that_break_constraints()
    {
        var cluster = Generated.Value.GetType("MatterGen.Clusters.EnergyEvse")!;
        var tooMany = Enumerable.Range(0, 8).Select(_ => Build(cluster, "ChargingTargetScheduleStruct",
            ("DayOfWeekForSequence", Enum.ToObject(cluster.GetNestedType("TargetDayOfWeekBitmap")!, 1)),
            ("ChargingTargets", Array(cluster, "ChargingTargetStruct")))).ToArray();
        var request = Build(cluster, "SetTargetsRequest", ("ChargingTargetSchedules", Array(cluster, "ChargingTargetScheduleStruct", tooMany)));

        var error = Assert.IsType<TlvException>(Catch(() => CodecInvoker.EncodeRecordOf(request.GetType(), request)));
        Assert.Equal("ChargingTargetSchedules", error.FieldName);
    }

    [Fact]
    public void Empty_commands_are_empty_structures()
    {
        var cluster = Generated.Value.GetType("MatterGen.Clusters.EnergyEvse")!;
        var disable = cluster.GetNestedType("DisableRequest")!;
        Assert.Equal("1518", Convert.ToHexString(CodecInvoker.EncodeRecordOf(disable, Activator.CreateInstance(disable)!)));
        Assert.Equal(1u, disable.GetField("CommandId")!.GetValue(null));
        Assert.NotNull(disable.GetCustomAttribute<MatterGen.DataModel.ProvisionalAttribute>());
    }

    [Fact]
    public void Metadata_describes_every_element()
    {
        var cluster = Generated.Value.GetType("MatterGen.Clusters.EnergyEvse")!;
        var attributes = (IReadOnlyList<MatterGen.DataModel.AttributeMetadata>)cluster.GetNestedType("Attributes")!.GetProperty("All")!.GetValue(null)!;
        var commands = (IReadOnlyList<MatterGen.DataModel.CommandMetadata>)cluster.GetNestedType("Commands")!.GetProperty("All")!.GetValue(null)!;
        var events = (IReadOnlyList<MatterGen.DataModel.EventMetadata>)cluster.GetNestedType("Events")!.GetProperty("All")!.GetValue(null)!;

        Assert.Equal(23, attributes.Count);
        var efficiency = attributes.Single(a => a.Id == 0x27);
        Assert.Equal("[PREF]", efficiency.Conformance);
        Assert.True(efficiency.IsWritable);
        Assert.Equal(MatterGen.DataModel.Privilege.Manage, efficiency.WritePrivilege);
        Assert.Equal(65534m, efficiency.Max);
        Assert.Equal(32, attributes.Single(a => a.Name == "VehicleID").MaxLength);

        var getTargets = commands.Single(c => c.Name == "GetTargets");
        Assert.Equal(0u, getTargets.ResponseId);
        Assert.True(getTargets.MustUseTimedInvoke);
        Assert.True(getTargets.IsProvisional);
        Assert.Equal("PREF", getTargets.Conformance);
        Assert.Equal(MatterGen.DataModel.CommandDirection.ServerToClient, commands.Single(c => c.Name == "GetTargetsResponse").Direction);

        Assert.Equal(MatterGen.DataModel.EventPriority.Critical, events.Single(e => e.Name == "Fault").Priority);
        Assert.Equal("[RFID]", events.Single(e => e.Id == 5).Conformance);
        Assert.Equal(0x99u, cluster.GetField("ClusterId")!.GetValue(null));
        Assert.Equal((ushort)3, cluster.GetField("ClusterRevision")!.GetValue(null));
        Assert.Equal(0x10u, Convert.ToUInt32(Enum.Parse(cluster.GetNestedType("Feature")!, "V2X"), System.Globalization.CultureInfo.InvariantCulture));
    }

    private static object Build(Type cluster, string typeName, params (string Property, object? Value)[] values)
    {
        var type = cluster.GetNestedType(typeName)!;
        var record = Activator.CreateInstance(type)!;
        foreach (var (property, value) in values)
        {
            type.GetProperty(property)!.SetValue(record, value);
        }

        return record;
    }

    private static Array Array(Type cluster, string elementTypeName, params object[] items)
    {
        var array = System.Array.CreateInstance(cluster.GetNestedType(elementTypeName)!, items.Length);
        for (var i = 0; i < items.Length; i++)
        {
            array.SetValue(items[i], i);
        }

        return array;
    }

    private static Exception Catch(Action action)
    {
        try
        {
            action();
        }
        catch (Exception exception)
        {
            return CodecInvoker.Unwrap(exception);
        }

        throw new Xunit.Sdk.XunitException("no exception");
    }
}
