using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using MatterGen.Generator.Model;
using MatterGen.Generator.Pipeline;
using MatterGen.Generator.Planning;
using MatterGen.Generator.Tests.Emit;
using MatterGen.Generator.Tests.Infrastructure;
using Xunit;

namespace MatterGen.Generator.Tests.Planning;

/// <summary>
/// A cluster's plan is plain data that compares by value, so the PlanCluster step can cache it: plans of one
/// definition made by two separate generator runs are equal (and hash alike), and a changed name is a new plan.
/// </summary>
public sealed class ClusterPlanTests
{
    [Fact]
    public void Plans_of_the_same_definitions_from_two_separate_runs_are_equal_and_hash_alike()
    {
        var first = PlansOfOneRun();
        var second = PlansOfOneRun();

        Assert.Equal(first.Keys.OrderBy(name => name, StringComparer.Ordinal), second.Keys.OrderBy(name => name, StringComparer.Ordinal));
        Assert.Contains("EnergyEVSE", first.Keys);
        foreach (var (name, plan) in first)
        {
            var other = second[name];
            Assert.NotSame(plan, other);
            Assert.Equal(plan, other);
            Assert.Equal(plan.GetHashCode(), other.GetHashCode());
        }
    }

    [Fact]
    public void Plans_of_equal_units_are_equal_in_every_part()
    {
        var plan = ClusterPlan.For(EvseModel.Unit, GeneratorSettings.Default, CancellationToken.None);
        var again = ClusterPlan.For(EvseModel.Unit with { }, GeneratorSettings.Default, CancellationToken.None);

        Assert.Equal(plan.Types, again.Types);
        Assert.Equal(plan.Mapper, again.Mapper);
        Assert.Equal(plan.Mapper.GetHashCode(), again.Mapper.GetHashCode());
        Assert.Equal(plan.Members, again.Members);
        Assert.Equal(plan.Members.GetHashCode(), again.Members.GetHashCode());
        Assert.Equal(plan.Commands, again.Commands);
        Assert.Equal(plan, again);
        Assert.Equal(plan.GetHashCode(), again.GetHashCode());
    }

    [Fact]
    public void Renaming_one_struct_field_makes_a_different_plan()
    {
        var unit = EvseModel.Unit;
        var renamed = unit with
        {
            LocalTypes = unit.LocalTypes
                .Select(type => type.Name == "ChargingTargetStruct"
                    ? type with { Fields = type.Fields.Select(field => field.Id == 1 ? field with { Name = "TargetStateOfCharge" } : field).ToEquatableArray() }
                    : type)
                .ToEquatableArray(),
        };

        var plan = ClusterPlan.For(unit, GeneratorSettings.Default, CancellationToken.None);
        var changed = ClusterPlan.For(renamed, GeneratorSettings.Default, CancellationToken.None);

        Assert.NotEqual(plan, changed);
        var target = changed.Struct(renamed.LocalTypes.Single(type => type.Name == "ChargingTargetStruct"));
        Assert.Contains(target.Fields, field => field.PropertyName == "TargetStateOfCharge");
        Assert.NotEqual(plan.Struct(unit.LocalTypes.Single(type => type.Name == "ChargingTargetStruct")), target);
        Assert.Equal(plan.Commands, changed.Commands);
    }

    [Fact]
    public void A_plan_for_another_namespace_is_a_different_plan()
    {
        var plan = ClusterPlan.For(EvseModel.Unit, GeneratorSettings.Default, CancellationToken.None);
        var elsewhere = ClusterPlan.For(EvseModel.Unit, new GeneratorSettings("My.Matter"), CancellationToken.None);

        Assert.NotEqual(plan, elsewhere);
        Assert.Equal("global::My.Matter.EnergyEvse", elsewhere.ClassReference);
    }

    [Fact]
    public void An_equatable_map_keeps_the_first_or_the_last_value_of_a_key_at_its_first_place()
    {
        var entries = new[] { ("a", 1), ("b", 2), ("a", 3) };

        var first = EquatableMap<string, int>.FirstWins(entries);
        var last = EquatableMap<string, int>.LastWins(entries);

        Assert.Equal(new[] { ("a", 1), ("b", 2) }, first.Entries.ToArray());
        Assert.Equal(new[] { ("a", 3), ("b", 2) }, last.Entries.ToArray());
        Assert.True(last.TryGetValue("a", out var value) && value == 3);
        Assert.False(first.ContainsKey("c"));
        Assert.Equal(first, EquatableMap<string, int>.FirstWins(new[] { ("a", 1), ("b", 2) }));
        Assert.NotEqual(first, last);
    }

    private static Dictionary<string, ClusterPlan> PlansOfOneRun()
    {
        var driver = GeneratorHarness.CreateDriver(GeneratorHarness.SpecFiles()).RunGenerators(GeneratorHarness.CreateCompilation([]));
        return driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.PlanCluster]
            .SelectMany(step => step.Outputs)
            .Select(output => (ClusterPlan)output.Value)
            .ToDictionary(plan => plan.Unit.TypeName, StringComparer.Ordinal);
    }

    [Fact]
    public void Each_attribute_is_planned_by_position_and_one_of_an_unknown_type_has_no_codec()
    {
        var unit = EvseModel.Unit;
        var unknown = unit.Cluster.Attributes[1] with { Type = new TypeReference("NoSuchType", false) };
        var changed = unit with { Cluster = unit.Cluster with { Attributes = unit.Cluster.Attributes.Select((a, i) => i == 1 ? unknown : a).ToEquatableArray() } };

        var plan = ClusterPlan.For(changed, GeneratorSettings.Default, CancellationToken.None);

        Assert.Equal(changed.Cluster.Attributes, plan.Attributes.Select(attribute => attribute.Attribute));
        Assert.Null(plan.Attributes[1].Codec);
        Assert.DoesNotContain(plan.Client.Attributes, read => read.Attribute == unknown);
        var state = plan.Attributes[0].Codec!;
        Assert.Equal(("EncodeState", "DecodeState"), (state.Methods.Encode, state.Methods.Decode));
        Assert.EndsWith("?", state.ValueType, StringComparison.Ordinal);
        Assert.NotEqual(ClusterPlan.For(unit, GeneratorSettings.Default, CancellationToken.None).Attributes, plan.Attributes);
    }
}
