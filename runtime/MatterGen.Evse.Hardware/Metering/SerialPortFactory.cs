using System;
using System.IO;
using System.IO.Ports;

namespace MatterGen.Evse.Hardware.Metering;

/// <summary>
/// Creates and opens the <see cref="SerialPort"/> of a Modbus meter from <see cref="SerialLineSettings"/>. Creating
/// does not touch the device, so the mapping is testable without one; only <see cref="Open"/> does.
/// </summary>
internal static class SerialPortFactory
{
    /// <summary>A configured, not yet opened port.</summary>
    /// <param name="settings">The line settings.</param>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public static SerialPort Create(SerialLineSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var timeoutMs = (int)Math.Ceiling((settings.ReadTimeout ?? SerialLineSettings.DefaultReadTimeout).TotalMilliseconds);
        return new SerialPort(settings.PortName, settings.BaudRate, settings.Parity, settings.DataBits, settings.StopBits)
        {
            ReadTimeout = timeoutMs,
            // A stuck RS-485 adapter must not block the control loop either.
            WriteTimeout = timeoutMs,
            Handshake = Handshake.None,
        };
    }

    /// <summary>Creates and opens the port; the caller owns it (disposing it closes the device).</summary>
    /// <param name="settings">The line settings.</param>
    /// <returns>The open port; hand <see cref="SerialPort.BaseStream"/> to <see cref="ModbusRtuClient"/>.</returns>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    /// <exception cref="IOException">The device could not be opened.</exception>
    /// <exception cref="UnauthorizedAccessException">The device is in use or access is denied.</exception>
    public static SerialPort Open(SerialLineSettings settings)
    {
        var port = Create(settings);
        try
        {
            port.Open();
            port.DiscardInBuffer();
            return port;
        }
        catch
        {
            port.Dispose();
            throw;
        }
    }
}
