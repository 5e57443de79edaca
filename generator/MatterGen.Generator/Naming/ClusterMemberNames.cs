using System.Collections.Generic;
using System.Linq;
using MatterGen.Generator.Model;

namespace MatterGen.Generator.Naming;

/// <summary>
/// The one place that names each element's members in a cluster file: metadata records in <c>Attributes</c>,
/// <c>Commands</c> and <c>Events</c>, codecs in <c>AttributeCodecs</c>, and payload records. The cluster file
/// declares them from here and servers and clients refer to them from here, so they cannot disagree.
/// Names are kept by position (what the cluster file declares, duplicates included) and by id (what other
/// files refer to: the first element with that id).
/// </summary>
internal sealed class ClusterMemberNames
{
    private ClusterMemberNames(
        IReadOnlyList<string> attributeMetadataNames,
        IReadOnlyList<(string Encode, string Decode)?> attributeCodecNames,
        IReadOnlyList<string> commandMetadataNames,
        IReadOnlyList<string> eventMetadataNames,
        ClusterModel cluster,
        ClusterNames types)
    {
        AttributeMetadataNames = attributeMetadataNames;
        AttributeCodecNames = attributeCodecNames;
        CommandMetadataNames = commandMetadataNames;
        EventMetadataNames = eventMetadataNames;
        for (var i = 0; i < cluster.Attributes.Count; i++)
        {
            var id = cluster.Attributes[i].Id;
            if (!AttributeMetadata.ContainsKey(id))
            {
                AttributeMetadata[id] = attributeMetadataNames[i];
            }

            if (attributeCodecNames[i] is { } codec && !AttributeCodecs.ContainsKey(id))
            {
                AttributeCodecs[id] = codec;
            }
        }

        for (var i = 0; i < cluster.Commands.Count; i++)
        {
            var key = (cluster.Commands[i].Id, cluster.Commands[i].Direction);
            if (!CommandMetadata.ContainsKey(key))
            {
                CommandMetadata[key] = commandMetadataNames[i];
                CommandRecords[key] = types.Commands[i];
            }
        }

        for (var i = 0; i < cluster.Events.Count; i++)
        {
            var id = cluster.Events[i].Id;
            if (!EventMetadata.ContainsKey(id))
            {
                EventMetadata[id] = eventMetadataNames[i];
                EventRecords[id] = types.Events[i];
            }
        }
    }

    /// <summary>The <c>Attributes</c> member of each attribute, by position.</summary>
    public IReadOnlyList<string> AttributeMetadataNames { get; }

    /// <summary>The encode and decode methods of each attribute, by position; null where its type does not map.</summary>
    public IReadOnlyList<(string Encode, string Decode)?> AttributeCodecNames { get; }

    /// <summary>The <c>Commands</c> member of each command, by position.</summary>
    public IReadOnlyList<string> CommandMetadataNames { get; }

    /// <summary>The <c>Events</c> member of each event, by position.</summary>
    public IReadOnlyList<string> EventMetadataNames { get; }

    /// <summary>Attribute id → member of the <c>Attributes</c> class.</summary>
    public Dictionary<uint, string> AttributeMetadata { get; } = new();

    /// <summary>Attribute id → its encode and decode methods in <c>AttributeCodecs</c> (only attributes whose type maps).</summary>
    public Dictionary<uint, (string Encode, string Decode)> AttributeCodecs { get; } = new();

    /// <summary>(command id, direction) → member of the <c>Commands</c> class.</summary>
    public Dictionary<(uint, CommandDirection), string> CommandMetadata { get; } = new();

    /// <summary>(command id, direction) → its payload record.</summary>
    public Dictionary<(uint, CommandDirection), string> CommandRecords { get; } = new();

    /// <summary>Event id → member of the <c>Events</c> class.</summary>
    public Dictionary<uint, string> EventMetadata { get; } = new();

    /// <summary>Event id → its payload record.</summary>
    public Dictionary<uint, string> EventRecords { get; } = new();

    /// <summary>Computes every name of a cluster.</summary>
    /// <param name="unit">The cluster.</param>
    /// <param name="types">The names of its nested types.</param>
    /// <param name="hasCodec">Whether an attribute's type maps to C# (an attribute of an unknown type gets no codec).</param>
    public static ClusterMemberNames Of(ClusterUnit unit, ClusterNames types, System.Func<TypeReference, bool> hasCodec)
    {
        var cluster = unit.Cluster;
        var codecScope = new NameScope(new[] { "AttributeCodecs" }.Concat(NameScope.ObjectMembers));
        var codecs = new List<(string Encode, string Decode)?>();
        foreach (var attribute in cluster.Attributes)
        {
            if (!hasCodec(attribute.Type))
            {
                codecs.Add(null);
                continue;
            }

            var name = Identifier.FromName(attribute.Name).TrimStart('@');
            codecs.Add((codecScope.Claim("Encode" + name), codecScope.Claim("Decode" + name)));
        }

        return new ClusterMemberNames(
            ClaimAll("Attributes", cluster.Attributes.Select(attribute => attribute.Name)),
            codecs,
            ClaimAll("Commands", cluster.Commands.Select(command => command.Name)),
            ClaimAll("Events", cluster.Events.Select(clusterEvent => clusterEvent.Name)),
            cluster,
            types);
    }

    /// <summary>The response a request names, if the cluster defines it.</summary>
    public static CommandModel? ResponseOf(ClusterModel cluster, CommandModel request) =>
        request.ResponseName is { } response
            ? cluster.Commands.FirstOrDefault(c => c.Direction == CommandDirection.ServerToClient && string.Equals(c.Name, response, System.StringComparison.Ordinal))
            : null;

    // Metadata members live in a class with an "All" list: neither may be taken.
    private static List<string> ClaimAll(string className, IEnumerable<string> elementNames)
    {
        var scope = new NameScope(new[] { className, "All" }.Concat(NameScope.ObjectMembers));
        return elementNames.Select(name => scope.Claim(Identifier.FromName(name))).ToList();
    }
}
