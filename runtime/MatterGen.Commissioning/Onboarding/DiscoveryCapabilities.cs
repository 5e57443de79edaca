using System;

namespace MatterGen.Commissioning.Onboarding;

/// <summary>Where a commissioner can find the device in commissioning mode (Matter Core 5.1.3, "Discovery Capabilities Bitmask", 8 bits).</summary>
[Flags]
public enum DiscoveryCapabilities : byte
{
    /// <summary>No capability listed.</summary>
    None = 0,

    /// <summary>Bit 0: a Wi-Fi soft access point.</summary>
    SoftAccessPoint = 1 << 0,

    /// <summary>Bit 1: Bluetooth Low Energy.</summary>
    Ble = 1 << 1,

    /// <summary>Bit 2: already on the IP network (DNS-SD discovery).</summary>
    OnNetwork = 1 << 2,

    /// <summary>Bit 3: Wi-Fi Public Action Frame (Matter 1.3 and later).</summary>
    WiFiPublicActionFrame = 1 << 3,
}
