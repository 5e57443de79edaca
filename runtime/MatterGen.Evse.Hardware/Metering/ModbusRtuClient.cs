using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace MatterGen.Evse.Hardware.Metering;

/// <summary>
/// Modbus RTU master for function 0x04 (read input registers) over a byte <see cref="Stream"/>, typically
/// <c>SerialPort.BaseStream</c> (also set <c>SerialPort.ReadTimeout</c>: serial streams may ignore cancellation).
/// Not thread-safe: one request at a time per bus.
/// </summary>
public sealed class ModbusRtuClient
{
    /// <summary>Function code "read input registers".</summary>
    public const byte ReadInputRegistersFunction = 0x04;

    /// <summary>The most registers one read may ask for (the response byte count must fit in one byte).</summary>
    public const int MaximumRegisterCount = 125;

    private readonly Stream serialStream;
    private readonly TimeProvider clock;
    private readonly ModbusRtuOptions settings;

    /// <summary>Creates a client on <paramref name="stream"/>.</summary>
    /// <param name="stream">The serial byte stream.</param>
    /// <param name="time">Clock for the response timeout.</param>
    /// <param name="options">Timeout and retry policy, or null for the defaults.</param>
    /// <exception cref="ArgumentException">Attempts is below 1 or the timeout is not positive.</exception>
    public ModbusRtuClient(Stream stream, TimeProvider time, ModbusRtuOptions? options = null)
    {
        serialStream = stream ?? throw new ArgumentNullException(nameof(stream));
        clock = time ?? throw new ArgumentNullException(nameof(time));
        settings = options ?? new ModbusRtuOptions();
        if (settings.Attempts < 1)
        {
            throw new ArgumentException("Attempts must be at least 1.", nameof(options));
        }

        if (settings.ResponseTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("ResponseTimeout must be positive.", nameof(options));
        }
    }

    /// <summary>Builds the 8-byte request <c>[slave, 0x04, startHi, startLo, countHi, countLo, crcLo, crcHi]</c>.</summary>
    /// <param name="slave">Server address, 1–247.</param>
    /// <param name="start">First register (PDU address, e.g. 0x0048 for "30073").</param>
    /// <param name="count">Number of 16-bit registers, 1–125.</param>
    public static byte[] BuildReadInputRegistersRequest(byte slave, ushort start, ushort count)
    {
        ValidateRequest(slave, count);
        byte[] frame = [slave, ReadInputRegistersFunction, (byte)(start >> 8), (byte)start, (byte)(count >> 8), (byte)count, 0, 0];
        ModbusCrc.Append(frame);
        return frame;
    }

    /// <summary>Reads <paramref name="count"/> input registers, retrying timeouts and corrupt frames.</summary>
    /// <param name="slave">Server address, 1–247.</param>
    /// <param name="start">First register.</param>
    /// <param name="count">Number of registers, 1–125.</param>
    /// <param name="cancellationToken">Cancels the whole operation.</param>
    /// <returns>The register values.</returns>
    /// <exception cref="ModbusExceptionResponseException">The server answered with an exception (not retried).</exception>
    /// <exception cref="ModbusCommunicationException">Every attempt timed out or returned a corrupt frame.</exception>
    public async Task<ushort[]> ReadInputRegistersAsync(byte slave, ushort start, ushort count, CancellationToken cancellationToken = default)
    {
        var request = BuildReadInputRegistersRequest(slave, start, count);
        Exception? lastError = null;
        for (var attempt = 0; attempt < settings.Attempts; attempt++)
        {
            using var timeout = new CancellationTokenSource(settings.ResponseTimeout, clock);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
            try
            {
                await serialStream.WriteAsync(request, linked.Token).ConfigureAwait(false);
                await serialStream.FlushAsync(linked.Token).ConfigureAwait(false);
                return await ReadResponseAsync(slave, count, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                lastError = new TimeoutException($"No response from Modbus server {slave} within {settings.ResponseTimeout.TotalMilliseconds} ms.");
            }
            catch (Exception e) when (e is TimeoutException or EndOfStreamException or IOException or ModbusFrameException)
            {
                lastError = e;
            }
        }

        throw new ModbusCommunicationException(settings.Attempts, lastError!);
    }

    private async Task<ushort[]> ReadResponseAsync(byte slave, ushort count, CancellationToken token)
    {
        var header = new byte[3];
        await serialStream.ReadExactlyAsync(header, token).ConfigureAwait(false);
        if (header[0] != slave)
        {
            throw new ModbusFrameException($"Response from address {header[0]}, expected {slave}.");
        }

        if (header[1] == (ReadInputRegistersFunction | 0x80))
        {
            var exception = new byte[5];
            header.CopyTo(exception, 0);
            await serialStream.ReadExactlyAsync(exception.AsMemory(3, 2), token).ConfigureAwait(false);
            if (!ModbusCrc.IsValid(exception))
            {
                throw new ModbusFrameException("CRC error in exception response.");
            }

            throw new ModbusExceptionResponseException(ReadInputRegistersFunction, (ModbusExceptionCode)header[2]);
        }

        if (header[1] != ReadInputRegistersFunction)
        {
            throw new ModbusFrameException($"Response function 0x{header[1]:X2}, expected 0x04.");
        }

        if (header[2] != count * 2)
        {
            throw new ModbusFrameException($"Response byte count {header[2]}, expected {count * 2}.");
        }

        var frame = new byte[3 + header[2] + 2];
        header.CopyTo(frame, 0);
        await serialStream.ReadExactlyAsync(frame.AsMemory(3), token).ConfigureAwait(false);
        if (!ModbusCrc.IsValid(frame))
        {
            throw new ModbusFrameException("CRC error in response.");
        }

        var registers = new ushort[count];
        for (var i = 0; i < count; i++)
        {
            registers[i] = (ushort)((frame[3 + 2 * i] << 8) | frame[4 + 2 * i]);
        }

        return registers;
    }

    private static void ValidateRequest(byte slave, ushort count)
    {
        if (slave is 0 or > 247)
        {
            throw new ArgumentOutOfRangeException(nameof(slave), slave, "A Modbus server address is 1–247 (0 is broadcast, which gets no answer).");
        }

        if (count is 0 or > MaximumRegisterCount)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "Register count must be 1–125.");
        }
    }
}
