using System.Linq;
using System.Threading;
using MatterGen.Generator.Model;
using MatterGen.Generator.Naming;
using MatterGen.Generator.Planning;
using Xunit;
using static MatterGen.Generator.Tests.Emit.EvseModel;
using static MatterGen.Generator.Tests.Emit.SmallClusters;

namespace MatterGen.Generator.Tests.Emit;

/// <summary>Names the C# compiler would reject are resolved deterministically, and the result compiles.</summary>
public sealed class CollisionTests
{
    [Fact]
    public void Clashing_names_get_suffixes_and_compile()
    {
        var unit = Unit(
            "Thing",
            Arr(
                LocalStruct("Thing", Field(0, "Thing", "int8u"), Field(1, "Equals", "int8u"), Field(2, "GetHashCode", "int8u"), Field(3, "EqualityContract", "int8u"), Field(4, "Encode", "int8u")),
                LocalStruct("FooRequest", Field(0, "A", "int8u")),
                LocalStruct("Feature", Field(0, "A", "int8u")),
                LocalStruct("ToString", Field(0, "A", "int8u")),
                Enum("Attributes", "enum8", ("One", 1), ("One", 2), ("value__", 3), ("ToString", 4)),
                Bitmap("Mode", "bitmap8", Maturity.Stable, ("None", 1), ("Mode", 2))),
            Arr(Attribute(0, "Value", "int8u"), Attribute(1, "value", "int8u"), Attribute(2, "All", "int8u")),
            Arr(
                Command(0, "Foo", CommandDirection.ClientToServer, null, Conformance.Mandatory),
                Command(1, "Foo Request", CommandDirection.ClientToServer, null, Conformance.Mandatory),
                Command(2, "All", CommandDirection.ClientToServer, null, Conformance.Mandatory)),
            Arr(Event(0, "Thing", EventPriority.Info, null), Event(1, "ThingEvent", EventPriority.Info, null)),
            features: Arr(new FeatureModel(0, "A", "None", null, Conformance.Optional, new SourcePosition("t", 1, 1)), new FeatureModel(1, "B", "Feature", null, Conformance.Optional, new SourcePosition("t", 1, 1))));

        var source = GeneratedSource.Cluster(unit, GeneratorSettings.Default, CancellationToken.None);
        var assembly = GeneratedAssembly.Load(source);
        var cluster = assembly.GetType("MatterGen.Clusters.Thing")!;
        var nested = cluster.GetNestedTypes().Select(t => t.Name).ToHashSet();

        Assert.Contains("Thing2", nested);          // the struct named like the cluster class (CS0542)
        Assert.Contains("FooRequest2", nested);     // command Foo's request after struct FooRequest
        Assert.Contains("FooRequest3", nested);     // command "Foo Request" after both
        Assert.Contains("Feature2", nested);        // struct named like the Feature enum
        Assert.Contains("ToString2", nested);       // would hide object.ToString (CS0108)
        Assert.Contains("Attributes2", nested);     // enum named like the metadata class
        Assert.Contains("ThingEvent", nested);
        Assert.Contains("ThingEvent2", nested);     // event ThingEvent after event Thing's payload
        Assert.Contains("AllRequest", nested);
        var thing = cluster.GetNestedType("Thing2")!;
        Assert.NotNull(thing.GetProperty("Thing"));
        Assert.NotNull(thing.GetProperty("Equals2"));
        Assert.NotNull(thing.GetProperty("GetHashCode2"));
        Assert.NotNull(thing.GetProperty("EqualityContract2"));
        Assert.NotNull(thing.GetProperty("Encode2"));
        Assert.Equal(new[] { "One", "One2", "Value__", "ToString2" }, System.Enum.GetNames(cluster.GetNestedType("Attributes2")!).Where(n => n != "value__"));
        Assert.Equal(new[] { "None2", "None", "Mode2" }, System.Enum.GetNames(cluster.GetNestedType("Mode")!));
        Assert.Equal(new[] { "None", "None2", "Feature2" }, System.Enum.GetNames(cluster.GetNestedType("Feature")!));
        var codecs = cluster.GetNestedType("AttributeCodecs")!.GetMethods().Select(m => m.Name).ToHashSet();
        Assert.Contains("EncodeValue", codecs);
        Assert.Contains("EncodeValue2", codecs);
        Assert.NotNull(cluster.GetNestedType("Attributes")!.GetField("All2"));
        Assert.NotNull(cluster.GetNestedType("Commands")!.GetField("All2"));
    }

    [Fact]
    public void NameScope_suffixes_deterministically_and_treats_verbatim_identifiers_as_their_name()
    {
        var scope = new NameScope(new[] { "A" });
        Assert.Equal("A2", scope.Claim("A"));
        Assert.Equal("A3", scope.Claim("A"));
        Assert.Equal("@class", scope.Claim("@class"));
        Assert.Equal("class2", scope.Claim("class"));
    }

    [Fact]
    public void Global_types_named_like_the_Globals_class_are_renamed()
    {
        Assert.Equal("GlobalsType", MatterGen.Generator.Naming.GlobalNames.TypeName("Globals"));
        Assert.Equal("ToStringType", MatterGen.Generator.Naming.GlobalNames.TypeName("ToString"));
        Assert.Equal("global::My.Ns.Globals.AtomicRequestTypeEnum", TypeMapper.GlobalTypeReference("My.Ns", "AtomicRequestTypeEnum"));
    }
}
