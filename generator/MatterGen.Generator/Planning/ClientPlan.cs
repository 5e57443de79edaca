using System.Linq;
using MatterGen.Generator.Model;
using MatterGen.Generator.Naming;

namespace MatterGen.Generator.Planning;

/// <summary>
/// The method names of a cluster's <c>Client</c> class, claimed in one scope in the order the class declares
/// them: each attribute's read and write, each request's invoke, each event's decoder. Kept by position in the
/// cluster's lists (attributes with duplicate ids are reported but kept). Value-equal, as part of the cluster's plan.
/// </summary>
/// <param name="Attributes">The read and write methods of each attribute, by position.</param>
/// <param name="Invokes">The invoke method of each command, by position; empty for a response (the client sends requests only).</param>
/// <param name="EventDecoders">The decoder of each event, by position.</param>
internal sealed record ClientPlan(
    EquatableArray<ClientAttributeMethods> Attributes,
    EquatableArray<string> Invokes,
    EquatableArray<string> EventDecoders)
{
    /// <summary>Names of the members <c>ClusterClient</c> already has; generated members never take them.</summary>
    private static readonly string[] BaseMembers =
    {
        "Client", "Transport", "Endpoint", "ClusterId", "ReadEventsAsync", "ReadAsync", "WriteAsync", "InvokeAsync", "DecodeEvent",
    };

    /// <summary>Names the client's methods of <paramref name="cluster"/>.</summary>
    /// <param name="cluster">The cluster.</param>
    /// <param name="members">Its member names (an attribute whose id has no codec gets no methods).</param>
    /// <param name="mapper">Its type mapping (an attribute whose type does not map gets no methods).</param>
    public static ClientPlan Of(ClusterModel cluster, ClusterMemberNames members, TypeMapper mapper)
    {
        var scope = new NameScope(BaseMembers.Concat(NameScope.ObjectMembers));
        var attributes = cluster.Attributes.Select(attribute =>
        {
            if (!members.AttributeCodecs.ContainsKey(attribute.Id) || mapper.Map(attribute.Type.Name) is null)
            {
                return ClientAttributeMethods.None;
            }

            var bare = Identifier.FromName(attribute.Name).TrimStart('@');
            var read = scope.Claim("Read" + bare + "Async");
            return new ClientAttributeMethods(read, attribute.IsWritable ? scope.Claim("Write" + bare + "Async") : null);
        }).ToEquatableArray();
        var invokes = cluster.Commands
            .Select(command => command.Direction == CommandDirection.ClientToServer ? scope.Claim(Identifier.FromName(command.Name).TrimStart('@') + "Async") : string.Empty)
            .ToEquatableArray();
        var decoders = cluster.Events
            .Select(clusterEvent => scope.Claim("Decode" + Identifier.FromName(clusterEvent.Name).TrimStart('@')))
            .ToEquatableArray();
        return new ClientPlan(attributes, invokes, decoders);
    }
}

/// <summary>The client methods of one attribute.</summary>
/// <param name="Read">The read method; null when the attribute's type does not map, so the client cannot read it.</param>
/// <param name="Write">The write method; null when the attribute is read-only or cannot be read.</param>
internal sealed record ClientAttributeMethods(string? Read, string? Write)
{
    /// <summary>No methods: the attribute's type does not map.</summary>
    public static ClientAttributeMethods None { get; } = new(null, null);
}
