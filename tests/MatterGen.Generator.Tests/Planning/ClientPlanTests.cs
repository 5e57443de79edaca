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
    public void Every_readable_attribute_request_and_event_has_its_client_method_in_the_clusters_order()
    {
        var cluster = EvseModel.Unit.Cluster;
        var plan = ClusterPlan.For(EvseModel.Unit, GeneratorSettings.Default, CancellationToken.None).Client;

        Assert.Equal(cluster.Attributes, plan.Attributes.Select(read => read.Attribute));
        var state = plan.Attributes.Single(read => read.Attribute.Name == "State");
        Assert.Equal(("ReadStateAsync", null, "DecodeState"), (state.Read, state.Write, state.Codecs.Decode));
        Assert.All(plan.Attributes, read => Assert.Equal(read.Attribute.IsWritable ? "Write" + read.Attribute.Name + "Async" : null, read.Write));
        Assert.Equal(
            cluster.Commands.Where(command => command.Direction == CommandDirection.ClientToServer).Select(command => command.Name + "Async"),
            plan.Invokes.Select(invoke => invoke.Method));
        Assert.Equal(cluster.Events.Select(clusterEvent => "Decode" + clusterEvent.Name), plan.EventDecoders.Select(decoder => decoder.Method));
        Assert.All(plan.EventDecoders, decoder => Assert.StartsWith("global::MatterGen.Clusters.EnergyEvse.", decoder.PayloadType, System.StringComparison.Ordinal));
    }

    [Fact]
    public void An_attribute_with_a_duplicate_id_keeps_its_own_methods_with_a_numeric_suffix_and_the_first_ones_codecs()
    {
        var unit = EvseModel.Unit;
        var first = unit.Cluster.Attributes[0];
        var duplicated = unit with { Cluster = unit.Cluster with { Attributes = unit.Cluster.Attributes.Append(first with { Name = first.Name + "Again" }).ToEquatableArray() } };

        var plan = ClusterPlan.For(duplicated, GeneratorSettings.Default, CancellationToken.None).Client;

        Assert.Equal(duplicated.Cluster.Attributes.Count, plan.Attributes.Count);
        Assert.Equal("Read" + first.Name + "AgainAsync", plan.Attributes[^1].Read);
        Assert.Equal(plan.Attributes[0].Codecs, plan.Attributes[^1].Codecs);
    }

    [Fact]
    public void A_request_named_like_a_base_member_gets_a_numeric_suffix()
    {
        var unit = EvseModel.Unit;
        var renamed = unit with
        {
            Cluster = unit.Cluster with
            {
                Commands = unit.Cluster.Commands.Select((c, i) => c.Direction == CommandDirection.ClientToServer && c.Name == "Disable" ? c with { Name = "Invoke" } : c).ToEquatableArray(),
            },
        };

        var plan = ClusterPlan.For(renamed, GeneratorSettings.Default, CancellationToken.None).Client;

        Assert.Contains(plan.Invokes, invoke => invoke.Method == "InvokeAsync2");
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
        Assert.Equal("DecodePlugged", changed.EventDecoders[0].Method);
        Assert.Equal(plan.Attributes, changed.Attributes);
    }
}
