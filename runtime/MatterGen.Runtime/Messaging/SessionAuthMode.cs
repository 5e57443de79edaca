namespace MatterGen.Messaging;

/// <summary>
/// How the peer of a session was authenticated. The values are the Access Control cluster's AuthModeEnum
/// (Core Specification 9.10.5.2), so an ACL entry's auth mode compares with a session's directly.
/// </summary>
public enum SessionAuthMode : byte
{
    /// <summary>No authentication: an unsecured session (only PASE and CASE setup run on one).</summary>
    None = 0,

    /// <summary>Passcode-authenticated session establishment (commissioning).</summary>
    Pase = 1,

    /// <summary>Certificate-authenticated session establishment (operational).</summary>
    Case = 2,

    /// <summary>A group message, authenticated by the group's key.</summary>
    Group = 3,
}
