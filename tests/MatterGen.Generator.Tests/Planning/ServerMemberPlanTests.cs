using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using MatterGen.Generator.Model;
using MatterGen.Generator.Parsing;
using MatterGen.Generator.Planning;
using MatterGen.Generator.Resolution;
using MatterGen.Generator.Specialization;
using MatterGen.Generator.Tests.Emit;
using Xunit;

namespace MatterGen.Generator.Tests.Planning;

/// <summary>
/// A server's members are planned once per specialization (the PlanServer step), so its emitters only print:
/// the plan compares by value, names what the server declares in the order it declares it, and avoids the
/// server's reserved names.
/// </summary>
public sealed class ServerMemberPlanTests
{
    private static readonly ClusterPlan Cluster = ClusterPlan.For(EvseModel.Unit, GeneratorSettings.Default, CancellationToken.None);

    [Fact]
    public void Plans_of_equal_specializations_are_equal_and_hash_alike()
    {
        var plan = ServerMemberPlan.For(Specialize("EvseServer", "PREF", "V2X"), Cluster);
        var again = ServerMemberPlan.For(Specialize("EvseServer", "PREF", "V2X"), ClusterPlan.For(EvseModel.Unit with { }, GeneratorSettings.Default, CancellationToken.None));

        Assert.NotSame(plan, again);
        Assert.Equal(plan, again);
        Assert.Equal(plan.GetHashCode(), again.GetHashCode());
    }

    [Fact]
    public void Another_feature_set_is_a_different_plan_with_exactly_its_elements()
    {
        var standard = Specialize("EvseServer", "PREF");
        var bidirectional = Specialize("EvseServer", "PREF", "V2X");
        var plan = ServerMemberPlan.For(standard, Cluster);
        var other = ServerMemberPlan.For(bidirectional, Cluster);

        Assert.NotEqual(plan, other);
        Assert.Equal(standard.Attributes.Select(attribute => attribute.Name), plan.Attributes.Select(held => held.Property));
        Assert.Equal(standard.AcceptedCommands.Select(command => command.Name + "Async"), plan.DriverMethods.Select(method => method.Method));
        Assert.Equal(standard.Events.Select(clusterEvent => "Emit" + clusterEvent.Name), plan.EventEmitters.Select(emitter => emitter.Method));
        Assert.Contains(other.DriverMethods, method => method.Method == "EnableDischargingAsync");
        Assert.DoesNotContain(plan.DriverMethods, method => method.Method == "EnableDischargingAsync");
    }

    [Fact]
    public void Each_stored_attribute_has_its_backing_field_and_a_nullable_one_is_never_unset()
    {
        var plan = ServerMemberPlan.For(Specialize("EvseServer", "PREF"), Cluster);

        Assert.All(plan.Attributes, held => Assert.Equal("storage" + held.Property, held.Field));
        var state = plan.Attributes.Single(held => held.Property == "State");
        Assert.True(state.NullableStorage);
        Assert.False(state.MayBeUnset);
    }

    [Fact]
    public void An_attribute_named_like_the_server_type_gets_a_numeric_suffix_and_the_driver_interface_is_named_after_the_type()
    {
        var plan = ServerMemberPlan.For(Specialize("State", "PREF"), Cluster);

        Assert.Equal("State2", plan.Attributes.Single(held => held.Attribute.Name == "State").Property);
        Assert.Equal("storageState2", plan.Attributes.Single(held => held.Attribute.Name == "State").Field);
        Assert.Equal("IStateDriver", plan.DriverInterface);
    }

    [Fact]
    public void Request_fields_bounded_by_integer_attributes_the_server_has_are_checked_against_their_properties()
    {
        var files = Directory.GetFiles(MatterGen.Generator.Tests.Trees.LegacyTree.Directory, "gadget*.xml", SearchOption.AllDirectories)
            .Select(path => DefinitionParser.Parse(path, File.ReadAllText(path), CancellationToken.None))
            .ToImmutableArray();
        var unit = ClusterCatalog.Build(files, CancellationToken.None).Clusters.Single(cluster => cluster.Cluster.Name == "Gadget");
        var cluster = ClusterPlan.For(unit, GeneratorSettings.Default, CancellationToken.None);

        var plan = ServerMemberPlan.For(Specialize("MyGadget", unit, "Spin"), cluster);

        var setSpeed = plan.DriverMethods.Select((method, i) => (method, i)).Single(pair => pair.method.Method == "SetSpeedAsync").i;
        var checks = plan.RequestChecks[setSpeed];
        Assert.Equal(new[] { "Speed", "Boost" }, checks.Select(check => check.Field.PropertyName));
        Assert.Equal((new AttributeBound("LowestSpeed", false), new AttributeBound("HighestSpeed", false)), (checks[0].Min, checks[0].Max));
        Assert.Equal((new AttributeBound("LowestSpeed", false), (AttributeBound?)null), (checks[1].Min, checks[1].Max));
        Assert.All(plan.RequestChecks.Where((_, i) => i != setSpeed), others => Assert.Empty(others));
    }

    private static SpecializedCluster Specialize(string typeName, params string[] features) => Specialize(typeName, EvseModel.Unit, features);

    private static SpecializedCluster Specialize(string typeName, ClusterUnit unit, params string[] features)
    {
        var declaration = new ServerDeclaration(null, typeName, EquatableArray<string>.Empty, "public", true, unit.Cluster.Name,
            features.ToEquatableArray(), EquatableArray<string>.Empty, EquatableArray<AttributeDefaultOverride>.Empty,
            EquatableArray<AttributeConstraintOverride>.Empty, new SourcePosition("server.cs", 1, 1));
        return ServerSpecializer.Specialize(declaration, unit).Cluster ?? throw new Xunit.Sdk.XunitException("not specialized");
    }
}
