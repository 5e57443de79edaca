using System.Collections.Generic;
using System.Linq;
using MatterGen.DataModel;

namespace MatterGen.Interaction;

/// <summary>
/// What a specialized server has: generated once per server type from its feature set, and read by the
/// interaction machinery for existence, privilege, writability, timing and quality checks.
/// </summary>
public sealed class ClusterDescription
{
    private readonly Dictionary<uint, AttributeMetadata> attributes;
    private readonly Dictionary<uint, CommandMetadata> acceptedCommands;
    private readonly Dictionary<uint, EventMetadata> events;

    /// <summary>Describes a specialization.</summary>
    public ClusterDescription(
        uint clusterId,
        ushort clusterRevision,
        uint featureMap,
        IReadOnlyList<AttributeMetadata> attributes,
        IReadOnlyList<CommandMetadata> acceptedCommands,
        IReadOnlyList<CommandMetadata> generatedCommands,
        IReadOnlyList<EventMetadata> events)
    {
        ClusterId = clusterId;
        ClusterRevision = clusterRevision;
        FeatureMap = featureMap;
        Attributes = attributes;
        AcceptedCommands = acceptedCommands;
        GeneratedCommands = generatedCommands;
        Events = events;
        this.attributes = attributes.ToDictionary(attribute => attribute.Id);
        this.acceptedCommands = acceptedCommands.ToDictionary(command => command.Id);
        this.events = events.ToDictionary(clusterEvent => clusterEvent.Id);
        AttributeList = attributes.Select(attribute => attribute.Id).Concat(GlobalAttributes.Ids).ToArray();
    }

    /// <summary>The cluster id.</summary>
    public uint ClusterId { get; }

    /// <summary>The ClusterRevision attribute's value.</summary>
    public ushort ClusterRevision { get; }

    /// <summary>The FeatureMap attribute's value.</summary>
    public uint FeatureMap { get; }

    /// <summary>The cluster attributes present, in id order (global attributes are not listed here).</summary>
    public IReadOnlyList<AttributeMetadata> Attributes { get; }

    /// <summary>The requests accepted, in id order.</summary>
    public IReadOnlyList<CommandMetadata> AcceptedCommands { get; }

    /// <summary>The responses generated, in id order.</summary>
    public IReadOnlyList<CommandMetadata> GeneratedCommands { get; }

    /// <summary>The events present, in id order.</summary>
    public IReadOnlyList<EventMetadata> Events { get; }

    /// <summary>The AttributeList attribute's value: every attribute id, global ones included.</summary>
    public IReadOnlyList<uint> AttributeList { get; }

    /// <summary>The metadata of a present cluster attribute.</summary>
    public AttributeMetadata? FindAttribute(uint id) => attributes.TryGetValue(id, out var found) ? found : null;

    /// <summary>The metadata of an accepted command.</summary>
    public CommandMetadata? FindAcceptedCommand(uint id) => acceptedCommands.TryGetValue(id, out var found) ? found : null;

    /// <summary>The metadata of a present event.</summary>
    public EventMetadata? FindEvent(uint id) => events.TryGetValue(id, out var found) ? found : null;
}
