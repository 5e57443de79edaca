using System.Collections.Generic;
using System.Linq;
using MatterGen.Generator.Model;

namespace MatterGen.Generator.Naming;

// An attribute without a codec has a null entry in AttributeCodecNames. EquatableArray compares and hashes null
// entries (EqualityComparer<T>.Default), but its IEquatable<T> constraint cannot say it accepts T? (CS8631).
#pragma warning disable CS8631

/// <summary>
/// The one place that names each element's members in a cluster file: metadata records in <c>Attributes</c>,
/// <c>Commands</c> and <c>Events</c>, codecs in <c>AttributeCodecs</c>, and payload records. The cluster file
/// declares them from here and servers and clients refer to them from here, so they cannot disagree.
/// Names are kept by position (what the cluster file declares, duplicates included) and by id (what other
/// files refer to: the first element with that id). Value-equal, so a cluster's plan can be cached.
/// </summary>
internal sealed record ClusterMemberNames
{
    private ClusterMemberNames(
        EquatableArray<string> attributeMetadataNames,
        EquatableArray<CodecMethodNames?> attributeCodecNames,
        EquatableArray<string> commandMetadataNames,
        EquatableArray<string> eventMetadataNames,
        ClusterModel cluster,
        ClusterNames types)
    {
        AttributeMetadataNames = attributeMetadataNames;
        AttributeCodecNames = attributeCodecNames;
        CommandMetadataNames = commandMetadataNames;
        EventMetadataNames = eventMetadataNames;
        AttributeMetadata = EquatableMap<uint, string>.FirstWins(cluster.Attributes.Select((attribute, i) => (attribute.Id, attributeMetadataNames[i])));
        AttributeCodecs = EquatableMap<uint, CodecMethodNames>.FirstWins(cluster.Attributes
            .Select((attribute, i) => (attribute.Id, Codec: attributeCodecNames[i]))
            .Where(entry => entry.Codec is not null)
            .Select(entry => (entry.Id, entry.Codec!)));
        var commands = cluster.Commands.Select(command => (command.Id, command.Direction)).ToList();
        CommandMetadata = EquatableMap<(uint, CommandDirection), string>.FirstWins(commands.Select((key, i) => (key, commandMetadataNames[i])));
        CommandRecords = EquatableMap<(uint, CommandDirection), string>.FirstWins(commands.Select((key, i) => (key, types.Commands[i])));
        EventMetadata = EquatableMap<uint, string>.FirstWins(cluster.Events.Select((clusterEvent, i) => (clusterEvent.Id, eventMetadataNames[i])));
        EventRecords = EquatableMap<uint, string>.FirstWins(cluster.Events.Select((clusterEvent, i) => (clusterEvent.Id, types.Events[i])));
    }

    /// <summary>The <c>Attributes</c> member of each attribute, by position.</summary>
    public EquatableArray<string> AttributeMetadataNames { get; }

    /// <summary>The encode and decode methods of each attribute, by position; null where its type does not map.</summary>
    public EquatableArray<CodecMethodNames?> AttributeCodecNames { get; }

    /// <summary>The <c>Commands</c> member of each command, by position.</summary>
    public EquatableArray<string> CommandMetadataNames { get; }

    /// <summary>The <c>Events</c> member of each event, by position.</summary>
    public EquatableArray<string> EventMetadataNames { get; }

    /// <summary>Attribute id → member of the <c>Attributes</c> class.</summary>
    public EquatableMap<uint, string> AttributeMetadata { get; }

    /// <summary>Attribute id → its encode and decode methods in <c>AttributeCodecs</c> (only attributes whose type maps).</summary>
    public EquatableMap<uint, CodecMethodNames> AttributeCodecs { get; }

    /// <summary>(command id, direction) → member of the <c>Commands</c> class.</summary>
    public EquatableMap<(uint, CommandDirection), string> CommandMetadata { get; }

    /// <summary>(command id, direction) → its payload record.</summary>
    public EquatableMap<(uint, CommandDirection), string> CommandRecords { get; }

    /// <summary>Event id → member of the <c>Events</c> class.</summary>
    public EquatableMap<uint, string> EventMetadata { get; }

    /// <summary>Event id → its payload record.</summary>
    public EquatableMap<uint, string> EventRecords { get; }

    /// <summary>Computes every name of a cluster.</summary>
    /// <param name="unit">The cluster.</param>
    /// <param name="types">The names of its nested types.</param>
    /// <param name="hasCodec">Whether an attribute's type maps to C# (an attribute of an unknown type gets no codec).</param>
    public static ClusterMemberNames Of(ClusterUnit unit, ClusterNames types, System.Func<TypeReference, bool> hasCodec)
    {
        var cluster = unit.Cluster;
        var codecScope = new NameScope(new[] { "AttributeCodecs" }.Concat(NameScope.ObjectMembers));
        var codecs = new List<CodecMethodNames?>();
        foreach (var attribute in cluster.Attributes)
        {
            if (!hasCodec(attribute.Type))
            {
                codecs.Add(null);
                continue;
            }

            var name = Identifier.FromName(attribute.Name).TrimStart('@');
            codecs.Add(new CodecMethodNames(codecScope.Claim("Encode" + name), codecScope.Claim("Decode" + name)));
        }

        return new ClusterMemberNames(
            ClaimAll("Attributes", cluster.Attributes.Select(attribute => attribute.Name)),
            codecs.ToEquatableArray(),
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
    private static EquatableArray<string> ClaimAll(string className, IEnumerable<string> elementNames)
    {
        var scope = new NameScope(new[] { className, "All" }.Concat(NameScope.ObjectMembers));
        return elementNames.Select(name => scope.Claim(Identifier.FromName(name))).ToEquatableArray();
    }
}

/// <summary>The encode and decode methods of one attribute in a cluster's <c>AttributeCodecs</c> class.</summary>
/// <param name="Encode">The encoder's name (<c>EncodeChargingEnabledUntil</c>).</param>
/// <param name="Decode">The decoder's name.</param>
internal sealed record CodecMethodNames(string Encode, string Decode);
