namespace MatterGen.Samples.EvseSimulator.Matter;

/// <summary>What the command line chose for <c>--matter</c>: the simulated charger served as a Matter device.</summary>
/// <param name="Port">The UDP port (5540 by default).</param>
/// <param name="Passcode">The setup passcode of the commissioning window.</param>
/// <param name="Discriminator">The 12-bit discriminator advertised and in the QR code.</param>
/// <param name="StorageDirectory">Where fabrics, access control and attributes persist across restarts.</param>
/// <param name="Bidirectional">The full feature set (true) or the standard one.</param>
/// <param name="Plain">Plain log lines instead of the live view.</param>
internal sealed record MatterModeOptions(int Port, uint Passcode, ushort Discriminator, string StorageDirectory, bool Bidirectional, bool Plain)
{
    /// <summary>The Matter port.</summary>
    public const int DefaultPort = 5540;

    /// <summary>The development passcode every Matter example uses.</summary>
    public const uint DefaultPasscode = 20202021;

    /// <summary>The development discriminator every Matter example uses.</summary>
    public const ushort DefaultDiscriminator = 3840;

    /// <summary>The storage folder, relative to the working directory.</summary>
    public const string DefaultStorage = ".evse-matter";

    /// <summary>The test vendor (0xFFF1) of the development attestation.</summary>
    public const ushort VendorId = 0xFFF1;

    /// <summary>The product of the development attestation.</summary>
    public const ushort ProductId = 0x8000;
}
