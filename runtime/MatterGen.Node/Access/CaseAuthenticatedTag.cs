using System;

namespace MatterGen.Node.Access;

/// <summary>
/// A CASE Authenticated Tag (Core Specification 6.6.2.1.2): a 16-bit identifier and a 16-bit version carried in
/// a node's operational certificate. An ACL subject <c>0xFFFF_FFFD_IIII_VVVV</c> grants access to every peer that
/// holds a tag with identifier <c>IIII</c> and a version of at least <c>VVVV</c>.
/// </summary>
/// <param name="Identifier">The tag's identifier (upper 16 bits).</param>
/// <param name="Version">The tag's version (lower 16 bits); 0 is invalid.</param>
public readonly record struct CaseAuthenticatedTag(ushort Identifier, ushort Version)
{
    /// <summary>The tag as the 32-bit value a certificate carries.</summary>
    public uint Value => ((uint)Identifier << 16) | Version;

    /// <summary>A valid tag has a non-zero version.</summary>
    public bool IsValid => Version != 0;

    /// <summary>The ACL subject that names this tag.</summary>
    public ulong Subject => NodeIds.CatPrefix | Value;

    /// <summary>The tag of a 32-bit certificate value.</summary>
    public static CaseAuthenticatedTag FromValue(uint value) => new((ushort)(value >> 16), (ushort)value);

    /// <summary>The tag an ACL subject names; throws when the subject is not in the CAT range.</summary>
    public static CaseAuthenticatedTag FromSubject(ulong subject) => NodeIds.IsCatSubject(subject)
        ? FromValue((uint)subject)
        : throw new ArgumentOutOfRangeException(nameof(subject), subject, "Not a CASE Authenticated Tag subject (0xFFFF_FFFD_xxxx_xxxx).");

    /// <summary>True when a peer holding this tag satisfies <paramref name="required"/>: same identifier, version at least as high.</summary>
    public bool Satisfies(CaseAuthenticatedTag required) => IsValid && Identifier == required.Identifier && Version >= required.Version;
}
