using System.Collections.Generic;
using System.Linq;
using MatterGen.Generator.Model;
using MatterGen.Generator.Naming;

namespace MatterGen.Generator.Emit.Client;

/// <summary>
/// The names the cluster file gives each element's members (metadata records in <c>Attributes</c>,
/// <c>Commands</c>, <c>Events</c>; codecs in <c>AttributeCodecs</c>; payload records), by element id, so code
/// emitted elsewhere (servers, clients) refers to them exactly as the cluster file declares them. The claims
/// follow the same order and rules as <see cref="MetadataEmitter"/> and <see cref="AttributeCodecEmitter"/>.
/// </summary>
internal sealed class ClusterMemberNames
{
    private ClusterMemberNames(
        Dictionary<uint, string> attributeMetadata,
        Dictionary<uint, (string Encode, string Decode)> attributeCodecs,
        Dictionary<(uint, CommandDirection), string> commandMetadata,
        Dictionary<(uint, CommandDirection), string> commandRecords,
        Dictionary<uint, string> eventMetadata,
        Dictionary<uint, string> eventRecords)
    {
        AttributeMetadata = attributeMetadata;
        AttributeCodecs = attributeCodecs;
        CommandMetadata = commandMetadata;
        CommandRecords = commandRecords;
        EventMetadata = eventMetadata;
        EventRecords = eventRecords;
    }

    /// <summary>Attribute id → member of the <c>Attributes</c> class.</summary>
    public Dictionary<uint, string> AttributeMetadata { get; }

    /// <summary>Attribute id → its encode and decode methods in <c>AttributeCodecs</c> (only attributes whose type maps).</summary>
    public Dictionary<uint, (string Encode, string Decode)> AttributeCodecs { get; }

    /// <summary>(command id, direction) → member of the <c>Commands</c> class.</summary>
    public Dictionary<(uint, CommandDirection), string> CommandMetadata { get; }

    /// <summary>(command id, direction) → its payload record.</summary>
    public Dictionary<(uint, CommandDirection), string> CommandRecords { get; }

    /// <summary>Event id → member of the <c>Events</c> class.</summary>
    public Dictionary<uint, string> EventMetadata { get; }

    /// <summary>Event id → its payload record.</summary>
    public Dictionary<uint, string> EventRecords { get; }

    /// <summary>Computes every name of a cluster.</summary>
    public static ClusterMemberNames Of(ClusterUnit unit, TypeMapper mapper)
    {
        var cluster = unit.Cluster;
        var types = ClusterNames.Assign(unit);

        var attributeMetadata = new Dictionary<uint, string>();
        var scope = MetadataScope("Attributes");
        foreach (var attribute in cluster.Attributes)
        {
            var name = scope.Claim(Identifier.FromName(attribute.Name));
            if (!attributeMetadata.ContainsKey(attribute.Id))
            {
                attributeMetadata[attribute.Id] = name;
            }
        }

        var codecs = new Dictionary<uint, (string, string)>();
        var codecScope = new NameScope(new[] { "AttributeCodecs" }.Concat(NameScope.ObjectMembers));
        foreach (var attribute in cluster.Attributes)
        {
            if (mapper.Map(attribute.Type.Name) is null)
            {
                continue;
            }

            var name = Identifier.FromName(attribute.Name).TrimStart('@');
            var encode = codecScope.Claim("Encode" + name);
            var decode = codecScope.Claim("Decode" + name);
            if (!codecs.ContainsKey(attribute.Id))
            {
                codecs[attribute.Id] = (encode, decode);
            }
        }

        var commandMetadata = new Dictionary<(uint, CommandDirection), string>();
        var commandRecords = new Dictionary<(uint, CommandDirection), string>();
        scope = MetadataScope("Commands");
        for (var i = 0; i < cluster.Commands.Count; i++)
        {
            var command = cluster.Commands[i];
            var name = scope.Claim(Identifier.FromName(command.Name));
            var key = (command.Id, command.Direction);
            if (!commandMetadata.ContainsKey(key))
            {
                commandMetadata[key] = name;
                commandRecords[key] = types.Commands[i];
            }
        }

        var eventMetadata = new Dictionary<uint, string>();
        var eventRecords = new Dictionary<uint, string>();
        scope = MetadataScope("Events");
        for (var i = 0; i < cluster.Events.Count; i++)
        {
            var clusterEvent = cluster.Events[i];
            var name = scope.Claim(Identifier.FromName(clusterEvent.Name));
            if (!eventMetadata.ContainsKey(clusterEvent.Id))
            {
                eventMetadata[clusterEvent.Id] = name;
                eventRecords[clusterEvent.Id] = types.Events[i];
            }
        }

        return new ClusterMemberNames(attributeMetadata, codecs, commandMetadata, commandRecords, eventMetadata, eventRecords);
    }

    /// <summary>The response a request names, if the cluster defines it.</summary>
    public static CommandModel? ResponseOf(ClusterModel cluster, CommandModel request) =>
        request.ResponseName is { } response
            ? cluster.Commands.FirstOrDefault(c => c.Direction == CommandDirection.ServerToClient && string.Equals(c.Name, response, System.StringComparison.Ordinal))
            : null;

    private static NameScope MetadataScope(string className) => new(new[] { className, "All" }.Concat(NameScope.ObjectMembers));
}
