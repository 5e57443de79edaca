using MatterGen.Generator.Model;
using MatterGen.Generator.Naming;

namespace MatterGen.Generator.Planning;

/// <summary>One request as a method takes it: a client's invoke, or a server driver's member.</summary>
/// <param name="Command">The request.</param>
/// <param name="Method">The method's name.</param>
/// <param name="RequestType">The request record, fully qualified.</param>
/// <param name="Response">The response command, when the request names one the cluster defines.</param>
/// <param name="ResponseType">The response record, fully qualified, when there is one.</param>
internal sealed record CommandMethod(CommandModel Command, string Method, string RequestType, CommandModel? Response, string? ResponseType)
{
    /// <summary>The method of <paramref name="command"/>, a request of the cluster, named from <paramref name="scope"/>.</summary>
    public static CommandMethod For(CommandModel command, ClusterUnit unit, string classReference, ClusterMemberNames names, NameScope scope)
    {
        var response = ClusterMemberNames.ResponseOf(unit.Cluster, command);
        return new CommandMethod(
            command,
            scope.Claim(Identifier.FromName(command.Name).TrimStart('@') + "Async"),
            classReference + "." + names.CommandRecords[(command.Id, command.Direction)],
            response,
            response is null ? null : classReference + "." + names.CommandRecords[(response.Id, response.Direction)]);
    }
}

/// <summary>One event as a method takes or gives it: a client's decoder, or a server's <c>Emit…</c> method.</summary>
/// <param name="Event">The event.</param>
/// <param name="Method">The method's name.</param>
/// <param name="PayloadType">The payload record, fully qualified.</param>
internal sealed record EventMethod(EventModel Event, string Method, string PayloadType)
{
    /// <summary>The method of <paramref name="clusterEvent"/>: <paramref name="prefix"/> and the event's name, claimed in <paramref name="scope"/>.</summary>
    public static EventMethod For(EventModel clusterEvent, string prefix, string classReference, ClusterMemberNames names, NameScope scope) =>
        new(clusterEvent,
            scope.Claim(prefix + Identifier.FromName(clusterEvent.Name).TrimStart('@')),
            classReference + "." + names.EventRecords[clusterEvent.Id]);
}
