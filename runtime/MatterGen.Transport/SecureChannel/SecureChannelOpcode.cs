namespace MatterGen.Transport.SecureChannel;

/// <summary>Message types of the Secure Channel protocol (Core Specification 4.11.1).</summary>
public static class SecureChannelOpcode
{
    /// <summary>MRP standalone acknowledgement.</summary>
    public const byte StandaloneAck = 0x10;

    /// <summary>PASE: PBKDFParamRequest.</summary>
    public const byte PbkdfParamRequest = 0x20;

    /// <summary>PASE: PBKDFParamResponse.</summary>
    public const byte PbkdfParamResponse = 0x21;

    /// <summary>PASE: Pake1.</summary>
    public const byte Pake1 = 0x22;

    /// <summary>PASE: Pake2.</summary>
    public const byte Pake2 = 0x23;

    /// <summary>PASE: Pake3.</summary>
    public const byte Pake3 = 0x24;

    /// <summary>CASE: Sigma1.</summary>
    public const byte Sigma1 = 0x30;

    /// <summary>CASE: Sigma2.</summary>
    public const byte Sigma2 = 0x31;

    /// <summary>CASE: Sigma3.</summary>
    public const byte Sigma3 = 0x32;

    /// <summary>CASE: Sigma2_Resume.</summary>
    public const byte Sigma2Resume = 0x33;

    /// <summary>StatusReport.</summary>
    public const byte StatusReport = 0x40;
}
