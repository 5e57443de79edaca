using MatterGen.DataModel;

namespace MatterGen.InteractionModel.Messages;

/// <summary>
/// AttributePathIB (Core Specification 10.6.2): an attribute, or a wildcard over endpoints, clusters and
/// attributes (an absent field is a wildcard). On the wire it is a TLV list.
/// </summary>
/// <param name="EnableTagCompression">Tag 0: in a report, the omitted node and endpoint are the previous full path's.</param>
/// <param name="Node">Tag 1: the node id.</param>
/// <param name="Endpoint">Tag 2: the endpoint; null for every endpoint.</param>
/// <param name="Cluster">Tag 3: the cluster id; null for every cluster.</param>
/// <param name="Attribute">Tag 4: the attribute id; null for every attribute.</param>
/// <param name="ListIndex">Tag 5: absent for the whole attribute; present and null for an item appended to a list.</param>
/// <param name="WildcardPathFlags">Tag 6: what a wildcard skips (<see cref="Messages.WildcardPathFlags"/>).</param>
/// <param name="WildcardFilterConfigurationVersion">Tag 7: the configuration version the wildcard flags refer to.</param>
public sealed record AttributePath(
    bool? EnableTagCompression = null,
    ulong? Node = null,
    ushort? Endpoint = null,
    uint? Cluster = null,
    uint? Attribute = null,
    Optional<ushort?> ListIndex = default,
    uint? WildcardPathFlags = null,
    uint? WildcardFilterConfigurationVersion = null)
{
    /// <summary>True when endpoint, cluster and attribute are all given.</summary>
    public bool IsConcrete => Endpoint is not null && Cluster is not null && Attribute is not null;

    /// <summary>The path of one attribute.</summary>
    public static AttributePath Concrete(ushort endpoint, uint cluster, uint attribute) => new(Endpoint: endpoint, Cluster: cluster, Attribute: attribute);

    /// <summary>The path of an item appended to a list attribute (list index null).</summary>
    public static AttributePath Append(ushort endpoint, uint cluster, uint attribute) =>
        new(Endpoint: endpoint, Cluster: cluster, Attribute: attribute, ListIndex: new Optional<ushort?>(null));
}

/// <summary>The bits of <see cref="AttributePath.WildcardPathFlags"/> (Core Specification 10.6.2.1).</summary>
[System.Flags]
public enum WildcardPathFlags : uint
{
    /// <summary>Nothing skipped.</summary>
    None = 0,

    /// <summary>Skip endpoint 0 when the endpoint is a wildcard.</summary>
    SkipRootNode = 1,

    /// <summary>Skip the global attributes when the attribute is a wildcard.</summary>
    SkipGlobalAttributes = 2,

    /// <summary>Skip AttributeList.</summary>
    SkipAttributeList = 4,

    /// <summary>Reserved (was EventList).</summary>
    Reserved = 8,

    /// <summary>Skip AcceptedCommandList and GeneratedCommandList.</summary>
    SkipCommandLists = 16,

    /// <summary>Skip manufacturer-specific clusters and attributes.</summary>
    SkipCustomElements = 32,

    /// <summary>Skip fixed (F) attributes.</summary>
    SkipFixedAttributes = 64,

    /// <summary>Skip changes-omitted (C) attributes.</summary>
    SkipChangesOmittedAttributes = 128,

    /// <summary>Skip the diagnostics clusters.</summary>
    SkipDiagnosticsClusters = 256,
}

/// <summary>EventPathIB (Core Specification 10.6.8): an event or a wildcard over them; a TLV list on the wire.</summary>
/// <param name="Node">Tag 0: the node id.</param>
/// <param name="Endpoint">Tag 1: the endpoint; null for every endpoint.</param>
/// <param name="Cluster">Tag 2: the cluster; null for every cluster.</param>
/// <param name="Event">Tag 3: the event id; null for every event.</param>
/// <param name="IsUrgent">Tag 4: a subscription reports this event without waiting for the max interval.</param>
public sealed record EventPath(ulong? Node = null, ushort? Endpoint = null, uint? Cluster = null, uint? Event = null, bool? IsUrgent = null)
{
    /// <summary>True when endpoint, cluster and event are all given.</summary>
    public bool IsConcrete => Endpoint is not null && Cluster is not null && Event is not null;
}

/// <summary>EventFilterIB (Core Specification 10.6.6): report only events numbered at least <paramref name="EventMin"/>.</summary>
/// <param name="Node">Tag 0: the node id.</param>
/// <param name="EventMin">Tag 1: the smallest event number wanted.</param>
public sealed record EventFilter(ulong? Node, ulong EventMin);

/// <summary>ClusterPathIB (Core Specification 10.6.3): one cluster on one endpoint; a TLV list on the wire.</summary>
/// <param name="Node">Tag 0: the node id.</param>
/// <param name="Endpoint">Tag 1: the endpoint.</param>
/// <param name="Cluster">Tag 2: the cluster.</param>
public sealed record ClusterPath(ulong? Node, ushort Endpoint, uint Cluster);

/// <summary>DataVersionFilterIB (Core Specification 10.6.4): the requester already has this version of the cluster.</summary>
/// <param name="Path">Tag 0: the cluster.</param>
/// <param name="DataVersion">Tag 1: the data version the requester holds.</param>
public sealed record DataVersionFilter(ClusterPath Path, uint DataVersion);

/// <summary>CommandPathIB (Core Specification 10.6.11): one command; the endpoint is left out only for group commands.</summary>
/// <param name="Endpoint">Tag 0: the endpoint.</param>
/// <param name="Cluster">Tag 1: the cluster.</param>
/// <param name="Command">Tag 2: the command id.</param>
public sealed record CommandPath(ushort? Endpoint, uint Cluster, uint Command);
