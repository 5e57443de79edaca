using System.Collections.Generic;
using System.Linq;

namespace MatterGen.Transport.Certificates;

/// <summary>The object identifiers of the Matter certificate profile (Core Specification 6.5.6, 6.5.11).</summary>
internal static class CertificateOids
{
    public const string EcdsaWithSha256 = "1.2.840.10045.4.3.2";
    public const string EcPublicKey = "1.2.840.10045.2.1";
    public const string Prime256v1 = "1.2.840.10045.3.1.7";
    public const string BasicConstraints = "2.5.29.19";
    public const string KeyUsage = "2.5.29.15";
    public const string ExtendedKeyUsage = "2.5.29.37";
    public const string SubjectKeyIdentifier = "2.5.29.14";
    public const string AuthorityKeyIdentifier = "2.5.29.35";

    /// <summary>Distinguished-name attribute tags (without the PrintableString bit) and their OIDs.</summary>
    public static readonly IReadOnlyDictionary<byte, string> Attributes = new Dictionary<byte, string>
    {
        [1] = "2.5.4.3",      // common-name
        [2] = "2.5.4.4",      // surname
        [3] = "2.5.4.5",      // serial-num
        [4] = "2.5.4.6",      // country-name
        [5] = "2.5.4.7",      // locality-name
        [6] = "2.5.4.8",      // state-or-province-name
        [7] = "2.5.4.10",     // org-name
        [8] = "2.5.4.11",     // org-unit-name
        [9] = "2.5.4.12",     // title
        [10] = "2.5.4.41",    // name
        [11] = "2.5.4.42",    // given-name
        [12] = "2.5.4.43",    // initials
        [13] = "2.5.4.44",    // gen-qualifier
        [14] = "2.5.4.46",    // dn-qualifier
        [15] = "2.5.4.65",    // pseudonym
        [16] = "0.9.2342.19200300.100.1.25", // domain-component (IA5String)
        [17] = "1.3.6.1.4.1.37244.1.1", // matter-node-id
        [18] = "1.3.6.1.4.1.37244.1.2", // matter-firmware-signing-id
        [19] = "1.3.6.1.4.1.37244.1.3", // matter-icac-id
        [20] = "1.3.6.1.4.1.37244.1.4", // matter-rcac-id
        [21] = "1.3.6.1.4.1.37244.1.5", // matter-fabric-id
        [22] = "1.3.6.1.4.1.37244.1.6", // matter-noc-cat
    };

    /// <summary>The attribute tag of each OID.</summary>
    public static readonly IReadOnlyDictionary<string, byte> AttributeTags = Attributes.ToDictionary(pair => pair.Value, pair => pair.Key);

    /// <summary>Key purpose ids (Matter TLV) and their OIDs.</summary>
    public static readonly IReadOnlyDictionary<byte, string> KeyPurposes = new Dictionary<byte, string>
    {
        [1] = "1.3.6.1.5.5.7.3.1", // serverAuth
        [2] = "1.3.6.1.5.5.7.3.2", // clientAuth
        [3] = "1.3.6.1.5.5.7.3.3", // codeSigning
        [4] = "1.3.6.1.5.5.7.3.4", // emailProtection
        [5] = "1.3.6.1.5.5.7.3.8", // timeStamping
        [6] = "1.3.6.1.5.5.7.3.9", // OCSPSigning
    };

    /// <summary>The key purpose id of each OID.</summary>
    public static readonly IReadOnlyDictionary<string, byte> KeyPurposeIds = KeyPurposes.ToDictionary(pair => pair.Value, pair => pair.Key);

    /// <summary>True for a text attribute tag, UTF8String (1–16) or PrintableString (0x81–0x8F; domain-component has no printable form).</summary>
    public static bool IsKnownTextTag(byte tag) => tag is >= 1 and <= 16 || tag is >= 0x81 and <= 0x8F;
}
