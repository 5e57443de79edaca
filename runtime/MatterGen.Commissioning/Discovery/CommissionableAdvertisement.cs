using System;

namespace MatterGen.Commissioning.Discovery;

/// <summary>
/// What a node in commissioning mode advertises as <c>_matterc._udp</c> (Matter Core 4.3.1). Construct it from the
/// open commissioning window; <see cref="Validate"/> checks every key's range and length.
/// </summary>
public sealed record CommissionableAdvertisement
{
    /// <summary>The instance name: 64 random bits in upper-case hex, new for every window (spec 4.3.1.1).</summary>
    public required string InstanceName { get; init; }

    /// <summary>D: the 12-bit discriminator.</summary>
    public required ushort Discriminator { get; init; }

    /// <summary>VP: the vendor id.</summary>
    public required ushort VendorId { get; init; }

    /// <summary>VP: the product id.</summary>
    public required ushort ProductId { get; init; }

    /// <summary>The UDP port the node serves Matter on.</summary>
    public required ushort Port { get; init; }

    /// <summary>CM: 1 for a basic commissioning window (passcode), 2 for an enhanced one (Administrator Commissioning), 0 when not in commissioning mode.</summary>
    public byte CommissioningMode { get; init; } = 1;

    /// <summary>DT: the primary device type (Energy EVSE is 0x050C), or null to leave it out.</summary>
    public uint? DeviceType { get; init; }

    /// <summary>DN: the device name (at most 32 bytes of UTF-8), or null to leave it out.</summary>
    public string? DeviceName { get; init; }

    /// <summary>PH: the pairing hint bitmap (spec 5.4.1), or null to leave it out.</summary>
    public ushort? PairingHint { get; init; }

    /// <summary>PI: the pairing instruction (at most 128 bytes), or null to leave it out.</summary>
    public string? PairingInstruction { get; init; }

    /// <summary>SII, SAI, SAT.</summary>
    public SessionTiming Timing { get; init; } = SessionTiming.MainsPowered;

    /// <summary>T: the TCP support bitmap (bit 1 client, bit 2 server); null leaves it out (no TCP).</summary>
    public byte? TcpSupport { get; init; }

    /// <summary>ICD: 1 when the node is a long-idle-time intermittently connected device; null leaves it out (not an ICD).</summary>
    public byte? IntermittentlyConnected { get; init; }

    /// <summary>A new random instance name (64 bits, upper-case hex).</summary>
    public static string NewInstanceName() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));

    /// <summary>Throws <see cref="ArgumentException"/> naming the first key out of its range.</summary>
    public void Validate()
    {
        if (Discriminator > 0xFFF)
        {
            throw new ArgumentOutOfRangeException(nameof(Discriminator), Discriminator, "A discriminator has 12 bits.");
        }

        if (CommissioningMode > 2)
        {
            throw new ArgumentOutOfRangeException(nameof(CommissioningMode), CommissioningMode, "CM is 0, 1 or 2.");
        }

        if (DeviceName is { } name && System.Text.Encoding.UTF8.GetByteCount(name) > 32)
        {
            throw new ArgumentException("DN is at most 32 bytes.", nameof(DeviceName));
        }

        if (PairingInstruction is { } instruction && System.Text.Encoding.UTF8.GetByteCount(instruction) > 128)
        {
            throw new ArgumentException("PI is at most 128 bytes.", nameof(PairingInstruction));
        }

        Timing.Validate();
    }
}
