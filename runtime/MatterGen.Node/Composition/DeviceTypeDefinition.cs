using System;
using System.Collections.Generic;
using System.Linq;

namespace MatterGen.Node.Composition;

/// <summary>
/// What a device type (Matter Device Library) asks of the endpoint that claims it, as far as the node checks it
/// when it is built: the server clusters that must be there, and groups of which at least one must be there.
/// Conditional requirements (a cluster mandatory only under a condition the node cannot see, such as Network
/// Commissioning on a node without custom network configuration) are named in <see cref="Unchecked"/>, not enforced.
/// </summary>
public sealed class DeviceTypeDefinition
{
    /// <summary>Describes a device type.</summary>
    /// <param name="id">The device type id.</param>
    /// <param name="name">Its name in the Device Library.</param>
    /// <param name="revision">The revision of its definition this node implements (1 or more).</param>
    /// <param name="mandatoryServers">Server clusters an endpoint of this type must have.</param>
    /// <param name="atLeastOneServerOf">Groups of server clusters of which the endpoint must have at least one each.</param>
    /// <param name="unchecked">Requirements the node does not check, in words, for the documentation.</param>
    /// <param name="isNodeScoped">True for a device type that describes the whole node (Root Node): only endpoint 0 may claim it.</param>
    public DeviceTypeDefinition(
        uint id,
        string name,
        ushort revision,
        IEnumerable<uint> mandatoryServers,
        IEnumerable<IReadOnlyList<uint>>? atLeastOneServerOf = null,
        IEnumerable<string>? @unchecked = null,
        bool isNodeScoped = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(mandatoryServers);
        if (revision == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(revision), revision, "A device type revision starts at 1.");
        }

        Id = id;
        Name = name;
        Revision = revision;
        MandatoryServers = mandatoryServers.Distinct().Order().ToArray();
        AtLeastOneServerOf = (atLeastOneServerOf ?? []).Select(group => group.Count > 0
            ? (IReadOnlyList<uint>)group.ToArray()
            : throw new ArgumentException("A choice group names at least one cluster.", nameof(atLeastOneServerOf))).ToArray();
        Unchecked = (@unchecked ?? []).ToArray();
        IsNodeScoped = isNodeScoped;
    }

    /// <summary>The device type id (the DeviceType field of the Descriptor's DeviceTypeList).</summary>
    public uint Id { get; }

    /// <summary>The name the Device Library gives it.</summary>
    public string Name { get; }

    /// <summary>The revision implemented (the Revision field of the Descriptor's DeviceTypeList).</summary>
    public ushort Revision { get; }

    /// <summary>Server clusters the endpoint must have, ascending.</summary>
    public IReadOnlyList<uint> MandatoryServers { get; }

    /// <summary>Groups of server clusters of which the endpoint must have at least one each.</summary>
    public IReadOnlyList<IReadOnlyList<uint>> AtLeastOneServerOf { get; }

    /// <summary>Requirements the builder does not check (conditions it cannot see), in words.</summary>
    public IReadOnlyList<string> Unchecked { get; }

    /// <summary>True when the device type describes the whole node and belongs on endpoint 0 only.</summary>
    public bool IsNodeScoped { get; }

    /// <summary>The device type as a message names it: <c>EVSE (0x050C)</c>.</summary>
    public override string ToString() => $"{Name} (0x{Id:X4})";
}
