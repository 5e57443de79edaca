using System.Collections.Immutable;

namespace MatterGen.Messaging;

/// <summary>
/// Who is on the other end of a session, as access control sees it (Core Specification 6.6.2.1, "Subject
/// Descriptor"): the authentication mode, the subject (operational node id for CASE, passcode id for PASE, group
/// id for a group message), the CASE Authenticated Tags from the peer's NOC, and the fabric the session belongs to.
/// </summary>
/// <param name="AuthMode">How the peer was authenticated.</param>
/// <param name="Subject">The peer's node id (CASE), passcode id (PASE, 0 for the default passcode) or group id.</param>
/// <param name="FabricIndex">The accessing fabric's index; 0 when the session has none yet (PASE before AddNOC).</param>
/// <param name="CaseAuthenticatedTags">The CATs of the peer's NOC (CASE only; empty otherwise).</param>
/// <param name="IsCommissioning">True on the PASE session of an armed fail-safe, which has the implicit Administer privilege.</param>
public readonly record struct SubjectDescriptor(
    SessionAuthMode AuthMode,
    ulong Subject,
    byte FabricIndex,
    ImmutableArray<uint> CaseAuthenticatedTags = default,
    bool IsCommissioning = false)
{
    /// <summary>The CATs, never a default array.</summary>
    public ImmutableArray<uint> Tags => CaseAuthenticatedTags.IsDefault ? ImmutableArray<uint>.Empty : CaseAuthenticatedTags;
}
