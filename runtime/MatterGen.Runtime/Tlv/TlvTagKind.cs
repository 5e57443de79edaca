namespace MatterGen.Tlv;

/// <summary>The form of a TLV tag (Matter Core Specification, Appendix A.2).</summary>
public enum TlvTagKind
{
    /// <summary>No tag: array members and top-level values.</summary>
    Anonymous,

    /// <summary>A context-specific tag (0..255): a field id inside a structure or list.</summary>
    Context,

    /// <summary>A tag in the Matter common profile, written with a 2- or 4-byte tag number.</summary>
    CommonProfile,

    /// <summary>A tag in the profile the reader and writer agree on out of band, written with a 2- or 4-byte tag number.</summary>
    ImplicitProfile,

    /// <summary>A tag with an explicit vendor id and profile number, written with a 2- or 4-byte tag number.</summary>
    FullyQualified,
}
