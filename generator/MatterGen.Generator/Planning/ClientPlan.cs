using System.Collections.Generic;
using System.Linq;
using MatterGen.Generator.Model;
using MatterGen.Generator.Naming;

namespace MatterGen.Generator.Planning;

/// <summary>
/// The methods of a cluster's <c>Client</c> class with their names and C# types, claimed in one scope in the
/// order the class declares them: each attribute's read and write, each request's invoke, each event's decoder.
/// An attribute with a duplicate id is reported but kept, so it has its own entry (and its own names).
/// Value-equal, as part of the cluster's plan.
/// </summary>
/// <param name="Attributes">The attributes the client reads, in the cluster's order (those whose type maps and that have a codec).</param>
/// <param name="Invokes">The invoke of each request, in the cluster's order.</param>
/// <param name="EventDecoders">The decoder of each event, in the cluster's order.</param>
internal sealed record ClientPlan(
    EquatableArray<ClientAttribute> Attributes,
    EquatableArray<CommandMethod> Invokes,
    EquatableArray<EventMethod> EventDecoders)
{
    /// <summary>Names of the members <c>ClusterClient</c> already has; generated members never take them.</summary>
    private static readonly string[] BaseMembers =
    {
        "Client", "Transport", "Endpoint", "ClusterId", "ReadEventsAsync", "ReadAsync", "WriteAsync", "InvokeAsync", "DecodeEvent",
    };

    /// <summary>Plans the client of <paramref name="unit"/>'s cluster.</summary>
    /// <param name="unit">The cluster.</param>
    /// <param name="classReference">The cluster class, fully qualified.</param>
    /// <param name="names">Its member names (an attribute whose id has no codec gets no methods).</param>
    /// <param name="attributes">Its attributes by position (an attribute whose type does not map gets no methods).</param>
    public static ClientPlan Of(ClusterUnit unit, string classReference, ClusterMemberNames names, EquatableArray<AttributePlan> attributes)
    {
        var cluster = unit.Cluster;
        var scope = new NameScope(BaseMembers.Concat(NameScope.ObjectMembers));
        var reads = new List<ClientAttribute>();
        foreach (var (attribute, codec) in attributes.Select(plan => (plan.Attribute, plan.Codec)))
        {
            // By id: an attribute with a duplicate id uses the codecs of the first one with its id.
            if (!names.AttributeCodecs.TryGetValue(attribute.Id, out var codecs) || codec is null)
            {
                continue;
            }

            var bare = Identifier.FromName(attribute.Name).TrimStart('@');
            var read = scope.Claim("Read" + bare + "Async");
            reads.Add(new ClientAttribute(
                attribute,
                codec.ValueType,
                codecs,
                read,
                attribute.IsWritable ? scope.Claim("Write" + bare + "Async") : null));
        }

        var invokes = cluster.Commands
            .Where(command => command.Direction == CommandDirection.ClientToServer)
            .Select(command => CommandMethod.For(command, unit, classReference, names, scope))
            .ToEquatableArray();
        var decoders = cluster.Events
            .Select(clusterEvent => EventMethod.For(clusterEvent, "Decode", classReference, names, scope))
            .ToEquatableArray();
        return new ClientPlan(reads.ToEquatableArray(), invokes, decoders);
    }
}

/// <summary>The client methods of one attribute.</summary>
/// <param name="Attribute">The attribute.</param>
/// <param name="ValueType">The C# type read and written.</param>
/// <param name="Codecs">The cluster's codec methods the client reads and writes it with.</param>
/// <param name="Read">The read method's name.</param>
/// <param name="Write">The write method's name; null when the attribute is read-only.</param>
internal sealed record ClientAttribute(AttributeModel Attribute, string ValueType, CodecMethodNames Codecs, string Read, string? Write);
