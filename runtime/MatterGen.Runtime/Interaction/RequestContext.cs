using MatterGen.DataModel;

namespace MatterGen.Interaction;

/// <summary>Who asks and how: what a server needs to decide on an interaction.</summary>
/// <param name="Privilege">The requester's granted privilege on this cluster (after access control).</param>
/// <param name="IsTimed">True when the request is part of a timed interaction.</param>
/// <param name="FabricIndex">The accessing fabric's index, 0 when none.</param>
/// <param name="Clock">The clock the interaction runs on; null means the system clock.</param>
public sealed record RequestContext(Privilege Privilege, bool IsTimed = false, byte FabricIndex = 0, System.TimeProvider? Clock = null)
{
    /// <summary>
    /// Who asks, when the request came over a session: what a server records as the author of a change (the
    /// Access Control cluster's events name the administrator's node or passcode id). Null for local requests.
    /// </summary>
    public MatterGen.Messaging.SubjectDescriptor? Subject { get; init; }

    /// <summary>
    /// The session the request came in on, when it came over one: what commissioning commands bind to (the fail-safe's
    /// session, the attestation challenge of a secure session). Null for local requests.
    /// </summary>
    public MatterGen.Messaging.IMessageSession? Session { get; init; }

    /// <summary>
    /// True when a read asked for the accessing fabric's data only (isFabricFiltered): a fabric-scoped list then
    /// shows no other fabric's entries; otherwise they appear without their fabric-sensitive fields.
    /// </summary>
    public bool IsFabricFiltered { get; init; }

    /// <summary>The interaction's clock: the server's, so drivers time things the way the device does.</summary>
    public System.TimeProvider Time => Clock ?? System.TimeProvider.System;

    /// <summary>The server itself or a local administrator: every privilege, in a timed interaction.</summary>
    public static RequestContext Local { get; } = new(Privilege.Administer, IsTimed: true);
}
