using System;
using System.IO.Ports;

namespace MatterGen.Evse.Hardware.Metering;

/// <summary>
/// The line settings of a Modbus RTU serial bus. The defaults are the 9600 8N1 Eastron SDM meters ship with (the
/// meter's own menu can change them; the bus must match the meter).
/// </summary>
/// <param name="PortName">The serial device, e.g. <c>/dev/ttyUSB0</c> or <c>COM3</c>.</param>
/// <param name="BaudRate">Bits per second.</param>
/// <param name="Parity">Parity bit.</param>
/// <param name="DataBits">Data bits per character (5–8).</param>
/// <param name="StopBits">Stop bits.</param>
/// <param name="ReadTimeout">How long a read waits for bytes before it fails with a <see cref="TimeoutException"/>.</param>
public sealed record SerialLineSettings(
    string PortName,
    int BaudRate = 9600,
    Parity Parity = Parity.None,
    int DataBits = 8,
    StopBits StopBits = StopBits.One,
    TimeSpan? ReadTimeout = null)
{
    /// <summary>The read timeout used when <see cref="ReadTimeout"/> is null.</summary>
    public static readonly TimeSpan DefaultReadTimeout = TimeSpan.FromMilliseconds(500);

    /// <summary>Checks for values a serial port refuses.</summary>
    /// <exception cref="ArgumentException">A value is out of range; the message names it.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(PortName))
        {
            throw new ArgumentException("The meter's serial port name must be set.");
        }

        if (BaudRate <= 0)
        {
            throw new ArgumentException($"The meter's baud rate must be positive, was {BaudRate}.");
        }

        if (DataBits is < 5 or > 8)
        {
            throw new ArgumentException($"The meter's data bits must be 5–8, was {DataBits}.");
        }

        if (!Enum.IsDefined(Parity))
        {
            throw new ArgumentException($"The meter's parity {Parity} is not a parity.");
        }
        // StopBits.None is not valid for a serial port: SerialPort throws on it.
        if (StopBits == StopBits.None || !Enum.IsDefined(StopBits))
        {
            throw new ArgumentException($"The meter's stop bits must be One, OnePointFive or Two, was {StopBits}.");
        }

        if (ReadTimeout is TimeSpan t && (t <= TimeSpan.Zero || t.TotalMilliseconds > int.MaxValue))
        {
            throw new ArgumentException($"The meter's read timeout must be positive and below {int.MaxValue} ms, was {t}.");
        }
    }
}
