using System.Collections.Generic;
using System.Linq;

namespace MatterGen.Generator.Model;

/// <summary>
/// The order a cluster keeps its elements in, whoever builds it (the parser, or the catalog merging an
/// extension): stable, so duplicates keep their file order.
/// </summary>
internal static class ElementOrder
{
    /// <summary>Attributes in id order.</summary>
    public static EquatableArray<AttributeModel> Attributes(IEnumerable<AttributeModel> attributes) =>
        attributes.OrderBy(attribute => attribute.Id).ToEquatableArray();

    /// <summary>Events in id order.</summary>
    public static EquatableArray<EventModel> Events(IEnumerable<EventModel> events) =>
        events.OrderBy(clusterEvent => clusterEvent.Id).ToEquatableArray();

    /// <summary>Commands in direction, then id order.</summary>
    public static EquatableArray<CommandModel> Commands(IEnumerable<CommandModel> commands) =>
        commands.OrderBy(command => command.Direction).ThenBy(command => command.Id).ToEquatableArray();
}
