using System.Linq;
using System.Threading;
using MatterGen.Generator.Model;
using MatterGen.Generator.Planning;
using MatterGen.Generator.Tests.Emit;
using Xunit;

namespace MatterGen.Generator.Tests.Planning;

/// <summary>
/// The client's method names are planned with the cluster, by position, so the emitter only prints them: an
/// equal cluster gives an equal plan, a renamed element a different one, and names that collide get suffixes.
/// </summary>
public sealed class ClientPlanTests
{
    [Fact]
    public void Client_plans_of_equal_units_are_equal_and_hash_alike()
    {
        var plan = ClusterPlan.For(EvseModel.Unit, GeneratorSettings.Default, CancellationToken.None).Client;
        var again = ClusterPlan.For(EvseModel.Unit with { }, GeneratorSettings.Default, CancellationToken.None).Client;

        Assert.NotSame(plan, again);
        Assert.Equal(plan, again);
        Assert.Equal(plan.GetHashCode(), again.GetHashCode());
    }

    [Fact]
    public void Every_attribute_command_and_event_has_its_client_method_by_position()
    {
        var cluster = EvseModel.Unit.Cluster;
        var plan = ClusterPlan.For(EvseModel.Unit, GeneratorSettings.Default, CancellationToken.None).Client;

        Assert.Equal(cluster.Attributes.Count, plan.Attributes.Count);
        Assert.Equal(cluster.Commands.Count, plan.Invokes.Count);
        Assert.Equal(cluster.Events.Count, plan.EventDecoders.Count);
        var state = cluster.Attributes.Select((attribute, i) => (attribute, i)).Single(pair => pair.attribute.Name == "State").i;
        Assert.Equal(new ClientAttributeMethods("ReadStateAsync", null), plan.Attributes[state]);
        Assert.All(cluster.Attributes.Select((attribute, i) => (attribute, i)).Where(pair => pair.attribute.IsWritable),
            pair => Assert.Equal("Write" + pair.attribute.Name + "Async", plan.Attributes[pair.i].Write));
        Assert.All(cluster.Commands.Select((command, i) => (command, i)),
            pair => Assert.Equal(pair.command.Direction == CommandDirection.ClientToServer ? pair.command.Name + "Async" : string.Empty, plan.Invokes[pair.i]));
        Assert.Equal(cluster.Events.Select(clusterEvent => "Decode" + clusterEvent.Name), plan.EventDecoders);
    }

    [Fact]
    public void An_attribute_with_a_duplicate_id_keeps_its_own_read_method_with_a_numeric_suffix()
    {
        var unit = EvseModel.Unit;
        var first = unit.Cluster.Attributes[0];
        var duplicated = unit with { Cluster = unit.Cluster with { Attributes = unit.Cluster.Attributes.Append(first).ToEquatableArray() } };

        var plan = ClusterPlan.For(duplicated, GeneratorSettings.Default, CancellationToken.None).Client;

        Assert.Equal("Read" + first.Name + "Async", plan.Attributes[0].Read);
        Assert.Equal("Read" + first.Name + "Async2", plan.Attributes[plan.Attributes.Count - 1].Read);
    }

    [Fact]
    public void A_renamed_event_makes_a_different_client_plan()
    {
        var unit = EvseModel.Unit;
        var renamed = unit with
        {
            Cluster = unit.Cluster with { Events = unit.Cluster.Events.Select((e, i) => i == 0 ? e with { Name = "Plugged" } : e).ToEquatableArray() },
        };

        var plan = ClusterPlan.For(unit, GeneratorSettings.Default, CancellationToken.None).Client;
        var changed = ClusterPlan.For(renamed, GeneratorSettings.Default, CancellationToken.None).Client;

        Assert.NotEqual(plan, changed);
        Assert.Equal("DecodePlugged", changed.EventDecoders[0]);
        Assert.Equal(plan.Attributes, changed.Attributes);
    }
}
