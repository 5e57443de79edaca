namespace MatterGen.Commissioning.Attestation;

/// <summary>The Matter attribute types in attestation certificate subjects (Matter Core 6.2.2.2), values as 4 upper-case hex digits in a UTF8String.</summary>
public static class MatterCertificateOids
{
    /// <summary>matter-oid-vid.</summary>
    public const string VendorId = "1.3.6.1.4.1.37244.2.1";

    /// <summary>matter-oid-pid.</summary>
    public const string ProductId = "1.3.6.1.4.1.37244.2.2";
}
