using System;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace MatterGen.Tlv;

/// <summary>
/// A TLV tag: anonymous, context-specific (0..255), common-profile, implicit-profile or fully-qualified
/// (Matter Core Specification, Appendix A.2). Profile tags whose number fits 16 bits are written in the short
/// (2-byte) form, others in the 4-byte form.
/// </summary>
public readonly struct TlvTag : IEquatable<TlvTag>
{
    private TlvTag(TlvTagKind kind, uint number, ushort vendorId, ushort profileNumber)
    {
        Kind = kind;
        Number = number;
        VendorId = vendorId;
        ProfileNumber = profileNumber;
    }

    /// <summary>The tag form.</summary>
    public TlvTagKind Kind { get; }

    /// <summary>The tag number (0 for an anonymous tag; 0..255 for a context tag).</summary>
    public uint Number { get; }

    /// <summary>The vendor id of a fully-qualified tag; 0 otherwise.</summary>
    public ushort VendorId { get; }

    /// <summary>The profile number of a fully-qualified tag; 0 otherwise.</summary>
    public ushort ProfileNumber { get; }

    /// <summary>The anonymous tag.</summary>
    public static TlvTag Anonymous => default;

    /// <summary>True for the anonymous tag.</summary>
    public bool IsAnonymous => Kind == TlvTagKind.Anonymous;

    /// <summary>A context-specific tag: a field id inside a structure or list.</summary>
    /// <param name="number">The tag number, 0..255.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TlvTag Context(byte number) => new(TlvTagKind.Context, number, 0, 0);

    /// <summary>A tag in the Matter common profile.</summary>
    /// <param name="number">The tag number.</param>
    public static TlvTag CommonProfile(uint number) => new(TlvTagKind.CommonProfile, number, 0, 0);

    /// <summary>A tag in the implicit profile (the one both sides agree on out of band).</summary>
    /// <param name="number">The tag number.</param>
    public static TlvTag ImplicitProfile(uint number) => new(TlvTagKind.ImplicitProfile, number, 0, 0);

    /// <summary>A fully-qualified tag.</summary>
    /// <param name="vendorId">The vendor id.</param>
    /// <param name="profileNumber">The profile number within the vendor.</param>
    /// <param name="number">The tag number.</param>
    public static TlvTag FullyQualified(ushort vendorId, ushort profileNumber, uint number) =>
        new(TlvTagKind.FullyQualified, number, vendorId, profileNumber);

    /// <summary>True when this is the context tag <paramref name="number"/>.</summary>
    /// <param name="number">The context tag number to compare with.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsContext(byte number) => Kind == TlvTagKind.Context && Number == number;

    /// <inheritdoc />
    public bool Equals(TlvTag other) =>
        Kind == other.Kind && Number == other.Number && VendorId == other.VendorId && ProfileNumber == other.ProfileNumber;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is TlvTag other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Number, VendorId, ProfileNumber);

    /// <summary>Compares two tags for equality.</summary>
    /// <param name="left">The first tag.</param>
    /// <param name="right">The second tag.</param>
    public static bool operator ==(TlvTag left, TlvTag right) => left.Equals(right);

    /// <summary>Compares two tags for inequality.</summary>
    /// <param name="left">The first tag.</param>
    /// <param name="right">The second tag.</param>
    public static bool operator !=(TlvTag left, TlvTag right) => !left.Equals(right);

    /// <summary>A short readable form, e.g. <c>ctx:3</c> or <c>fq:0xFFF1/0xDEED/1</c>.</summary>
    public override string ToString() => Kind switch
    {
        TlvTagKind.Anonymous => "anon",
        TlvTagKind.Context => "ctx:" + Number.ToString(CultureInfo.InvariantCulture),
        TlvTagKind.CommonProfile => "common:" + Number.ToString(CultureInfo.InvariantCulture),
        TlvTagKind.ImplicitProfile => "implicit:" + Number.ToString(CultureInfo.InvariantCulture),
        _ => string.Create(CultureInfo.InvariantCulture, $"fq:0x{VendorId:X4}/0x{ProfileNumber:X4}/{Number}"),
    };
}
