namespace MatterGen.Commissioning.Onboarding;

/// <summary>How a commissioner gets the device into commissioning mode (Matter Core 5.1.3, "Custom Flow"; 2 bits in the QR payload).</summary>
public enum CommissioningFlow : byte
{
    /// <summary>The device is in commissioning mode when powered on and uncommissioned.</summary>
    Standard = 0,

    /// <summary>The user has to do something on the device (press a button) to enter commissioning mode.</summary>
    UserIntent = 1,

    /// <summary>A vendor-specific flow (the commissioner looks it up in the distributed compliance ledger).</summary>
    Custom = 2,
}
