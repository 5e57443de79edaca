using System;
using MatterGen.Commissioning.Attestation;
using MatterGen.Interaction;
using MatterGen.Node.Access;
using MatterGen.Node.GeneralCommissioning;
using MatterGen.Node.Information;
using MatterGen.Transport.Fabrics;

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

    /// <summary>
    /// The fabrics the node is on, with their store: give a table over a <see cref="FileFabricStore"/> (in the same
    /// place as <see cref="Store"/>, which keeps the ACL) for a node that stays commissioned across restarts. Null: an
    /// in-memory table on <see cref="Time"/>, commissioned afresh each run.
    /// </summary>
    public FabricTable? Fabrics { get; init; }

    /// <summary>
    /// The device attestation credentials (DAC, PAI, certification declaration) a commissioner checks. Null: development
    /// credentials derived on first use under the published Matter test PAA for the Basic Information's vendor and
    /// product id (accepted only by controllers that trust the test roots).
    /// </summary>
    public AttestationCredentials? Attestation { get; init; }

    /// <summary>The fail-safe lengths and regulatory location General Commissioning publishes; null uses the defaults (60 s, 900 s, IndoorOutdoor).</summary>
    public GeneralCommissioningOptions? GeneralCommissioning { get; init; }
}
