namespace MatterGen.Node.Access;

/// <summary>
/// The ranges of the 64-bit node id space the access control rules depend on (Core Specification 2.5.5,
/// "Node Identifier Allocations"), and the subject ranges an ACL entry may hold.
/// </summary>
public static class NodeIds
{
    /// <summary>The lowest operational node id.</summary>
    public const ulong MinOperational = 0x0000_0000_0000_0001;

    /// <summary>The highest operational node id.</summary>
    public const ulong MaxOperational = 0xFFFF_FFEF_FFFF_FFFF;

    /// <summary>The upper 32 bits of a CASE Authenticated Tag subject: 0xFFFF_FFFD_IIII_VVVV.</summary>
    public const ulong CatPrefix = 0xFFFF_FFFD_0000_0000;

    /// <summary>True for an operational node id.</summary>
    public static bool IsOperational(ulong nodeId) => nodeId is >= MinOperational and <= MaxOperational;

    /// <summary>True for a subject in the CASE Authenticated Tag range (whatever its version).</summary>
    public static bool IsCatSubject(ulong subject) => (subject & 0xFFFF_FFFF_0000_0000) == CatPrefix;

    /// <summary>True for a group id an ACL entry of the Group auth mode may name (0 is not a group).</summary>
    public static bool IsGroupSubject(ulong subject) => subject is >= 0x0001 and <= 0xFFFF;
}
