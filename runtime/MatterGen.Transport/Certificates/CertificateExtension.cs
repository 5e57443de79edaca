namespace MatterGen.Transport.Certificates;

/// <summary>The extensions of a Matter certificate (Core Specification 6.5.11), by Matter TLV tag.</summary>
public enum CertificateExtensionKind : byte
{
    /// <summary>basic-constraints (tag 1).</summary>
    BasicConstraints = 1,

    /// <summary>key-usage (tag 2).</summary>
    KeyUsage = 2,

    /// <summary>extended-key-usage (tag 3).</summary>
    ExtendedKeyUsage = 3,

    /// <summary>subject-key-identifier (tag 4).</summary>
    SubjectKeyIdentifier = 4,

    /// <summary>authority-key-identifier (tag 5).</summary>
    AuthorityKeyIdentifier = 5,

    /// <summary>future-extension (tag 6): a whole DER Extension kept as is.</summary>
    FutureExtension = 6,
}

/// <summary>Key usage bits as the Matter TLV form writes them (Core Specification 6.5.11.2).</summary>
[System.Flags]
public enum KeyUsage : ushort
{
    /// <summary>No usage.</summary>
    None = 0,

    /// <summary>digitalSignature.</summary>
    DigitalSignature = 0x0001,

    /// <summary>nonRepudiation.</summary>
    NonRepudiation = 0x0002,

    /// <summary>keyEncipherment.</summary>
    KeyEncipherment = 0x0004,

    /// <summary>dataEncipherment.</summary>
    DataEncipherment = 0x0008,

    /// <summary>keyAgreement.</summary>
    KeyAgreement = 0x0010,

    /// <summary>keyCertSign.</summary>
    KeyCertSign = 0x0020,

    /// <summary>cRLSign.</summary>
    CrlSign = 0x0040,

    /// <summary>encipherOnly.</summary>
    EncipherOnly = 0x0080,

    /// <summary>decipherOnly.</summary>
    DecipherOnly = 0x0100,
}

/// <summary>
/// One extension, in the order the certificate lists it (the order is part of the signed bytes).
/// </summary>
/// <param name="Kind">Which extension.</param>
/// <param name="IsCa">basic-constraints: is-ca.</param>
/// <param name="PathLength">basic-constraints: path-len-constraint, when present.</param>
/// <param name="Usage">key-usage.</param>
/// <param name="KeyPurposes">extended-key-usage: the key purpose ids (1 serverAuth ... 6 OCSPSigning).</param>
/// <param name="Bytes">subject/authority key identifier, or the DER of a future extension.</param>
public sealed record CertificateExtension(
    CertificateExtensionKind Kind,
    bool IsCa = false,
    byte? PathLength = null,
    KeyUsage Usage = KeyUsage.None,
    byte[]? KeyPurposes = null,
    byte[]? Bytes = null);
