using System.Linq;
using System.Threading;
using MatterGen.Generator.Model;
using MatterGen.Generator.Planning;
using Xunit;
using static MatterGen.Generator.Tests.Emit.EvseModel;

namespace MatterGen.Generator.Tests.Planning;

/// <summary>
/// A fabric-sensitive event is fabric-scoped data, so its payload carries FabricIndex (0xFE) whether or not its
/// definition lists it (Core Specification 7.13.6; several of connectedhomeip's events leave it out). Without the
/// field such an event names no fabric, and the server (which reports it only to the fabric it names) could tell
/// no one of it.
/// </summary>
public sealed class FabricScopedEventTests
{
    private static readonly TypeMapper Mapper = new([], [], GeneratorSettings.Default.RootNamespace);

    [Fact]
    public void A_fabric_sensitive_event_that_does_not_list_FabricIndex_gets_it()
    {
        var reviewed = Event(2, "Review Update", EventPriority.Info, null, null, Field(0, "Token", "int64u")) with { IsFabricSensitive = true };

        var plan = RecordPlan.Resolve(RecordSpec.ForEvent(reviewed, "ReviewUpdateEvent"), Mapper, CancellationToken.None);

        Assert.Equal([0u, 0xFEu], plan.Fields.Select(f => f.Field.Id));
        var fabricIndex = plan.Fields.Single(f => f.Field.Id == 0xFE);
        Assert.Equal("FabricIndex", fabricIndex.PropertyName);
        Assert.Equal("The fabric this event belongs to: only that fabric is told of it.", fabricIndex.Field.Description);
        Assert.False(plan.OmitsSensitiveFields);
    }

    [Fact]
    public void A_fabric_sensitive_event_that_lists_FabricIndex_keeps_its_own_field()
    {
        var changed = Event(0, "Entry Changed", EventPriority.Info, null, null,
            Field(1, "AdminNodeID", "node_id", nullable: true), Field(0xFE, "FabricIndex", "fabric_idx")) with { IsFabricSensitive = true };

        var plan = RecordPlan.Resolve(RecordSpec.ForEvent(changed, "EntryChangedEvent"), Mapper, CancellationToken.None);

        Assert.Equal([1u, 0xFEu], plan.Fields.Select(f => f.Field.Id));
        Assert.False(plan.Fields.Single(f => f.Field.Id == 0xFE).Field.IsOptional);
    }

    [Fact]
    public void Other_events_and_commands_get_no_FabricIndex()
    {
        var pinged = Event(0, "Pinged", EventPriority.Info, null, null, Field(0, "Count", "int16u"));
        var command = Command(0, "Ping", CommandDirection.ClientToServer, null, Conformance.Mandatory, fields: Field(0, "Count", "int16u"));

        var eventPlan = RecordPlan.Resolve(RecordSpec.ForEvent(pinged, "PingedEvent"), Mapper, CancellationToken.None);
        var commandPlan = RecordPlan.Resolve(RecordSpec.ForCommand(command, "PingRequest"), Mapper, CancellationToken.None);

        Assert.Equal([0u], eventPlan.Fields.Select(f => f.Field.Id));
        Assert.Equal([0u], commandPlan.Fields.Select(f => f.Field.Id));
    }
}
