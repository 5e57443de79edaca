using System;
using MatterGen.Interaction;
using MatterGen.Node.Access;
using MatterGen.Node.Information;

namespace MatterGen.Node;

/// <summary>How a node runs: what it says about itself, its access-control limits, and what its servers share.</summary>
public sealed record MatterNodeOptions
{
    /// <summary>The Basic Information of the node.</summary>
    public required BasicInformationOptions Information { get; init; }

    /// <summary>The access-control limits the node publishes and enforces.</summary>
    public AccessControlLimits AccessControl { get; init; } = new();

    /// <summary>The clock every server of the node runs on.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Where non-volatile attributes (ACL, node label, location, ...) are kept; null keeps them in memory only.</summary>
    public IAttributeStore? Store { get; init; }

    /// <summary>The node-wide event log, so event numbers increase across all clusters; one is made when null.</summary>
    public EventLog? EventLog { get; init; }
}
