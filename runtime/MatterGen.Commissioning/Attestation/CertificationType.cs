namespace MatterGen.Commissioning.Attestation;

/// <summary>The certification_type of a certification declaration (Matter Core 6.3.1).</summary>
public enum CertificationType : byte
{
    /// <summary>Development and test (what the test CD signing key may sign).</summary>
    DevelopmentAndTest = 0,

    /// <summary>Provisional (the product is going through certification).</summary>
    Provisional = 1,

    /// <summary>Official (certified).</summary>
    Official = 2,
}
