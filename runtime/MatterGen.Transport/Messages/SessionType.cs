namespace MatterGen.Transport.Messages;

/// <summary>The session type in a message header's security flags (Core Specification 4.4.1.3).</summary>
public enum SessionType : byte
{
    /// <summary>A unicast session (unsecured when the session id is 0, else PASE or CASE).</summary>
    Unicast = 0,

    /// <summary>A group session: the session id is the group key's session id.</summary>
    Group = 1,
}
