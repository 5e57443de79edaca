using System;

namespace MatterGen.Evse.Hardware.Metering;

/// <summary>CRC-16/MODBUS: reflected polynomial 0xA001, initial value 0xFFFF; sent low byte first.</summary>
internal static class ModbusCrc
{
    /// <summary>Computes the CRC of <paramref name="data"/>.</summary>
    /// <param name="data">The frame bytes without the CRC.</param>
    public static ushort Compute(ReadOnlySpan<byte> data)
    {
        ushort crc = 0xFFFF;
        foreach (var b in data)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (ushort)((crc >> 1) ^ 0xA001) : (ushort)(crc >> 1);
            }
        }

        return crc;
    }

    /// <summary>True when the last two bytes of <paramref name="frame"/> are the CRC (low byte first) of the rest.</summary>
    /// <param name="frame">A whole RTU frame including its CRC.</param>
    public static bool IsValid(ReadOnlySpan<byte> frame)
    {
        if (frame.Length < 3)
        {
            return false;
        }

        var crc = Compute(frame[..^2]);
        return frame[^2] == (byte)crc && frame[^1] == (byte)(crc >> 8);
    }

    /// <summary>Writes the CRC of <c>frame[..^2]</c> into the last two bytes of <paramref name="frame"/>.</summary>
    /// <param name="frame">A frame with two spare bytes at the end.</param>
    public static void Append(Span<byte> frame)
    {
        var crc = Compute(frame[..^2]);
        frame[^2] = (byte)crc;
        frame[^1] = (byte)(crc >> 8);
    }
}
