using System;
using System.Device.Spi;

namespace MatterGen.Evse.Hardware.Devices;

/// <summary>
/// Microchip MCP3008 8-channel 10-bit ADC on SPI (mode 0). One conversion is a 3-byte full-duplex transfer:
/// start bit, single-ended flag and channel out; the 10-bit result comes back in the last two bytes.
/// </summary>
public sealed class Mcp3008 : IDisposable
{
    /// <summary>The largest conversion result (VREF).</summary>
    public const int MaximumValue = 1023;

    /// <summary>The number of input channels.</summary>
    public const int ChannelCount = 8;

    private readonly SpiDevice spiDevice;
    private readonly bool ownsSpiDevice;

    /// <summary>Creates the driver.</summary>
    /// <param name="spi">The SPI device the chip is selected on.</param>
    /// <param name="ownsDevice">Whether <see cref="Dispose"/> disposes <paramref name="spi"/>.</param>
    public Mcp3008(SpiDevice spi, bool ownsDevice = false)
    {
        spiDevice = spi ?? throw new ArgumentNullException(nameof(spi));
        ownsSpiDevice = ownsDevice;
    }

    /// <summary>Reads one single-ended conversion.</summary>
    /// <param name="channel">Channel 0–7.</param>
    /// <returns>The result, 0–1023.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The channel is not 0–7.</exception>
    public int Read(int channel)
    {
        if ((uint)channel >= ChannelCount)
        {
            throw new ArgumentOutOfRangeException(nameof(channel), channel, "MCP3008 channels are 0–7.");
        }

        ReadOnlySpan<byte> request = [0x01, (byte)(0x80 | (channel << 4)), 0x00];
        Span<byte> response = stackalloc byte[3];
        spiDevice.TransferFullDuplex(request, response);
        return ((response[1] & 0x03) << 8) | response[2];
    }

    /// <summary>Disposes the SPI device if this driver owns it.</summary>
    public void Dispose()
    {
        if (ownsSpiDevice)
        {
            spiDevice.Dispose();
        }
    }
}
