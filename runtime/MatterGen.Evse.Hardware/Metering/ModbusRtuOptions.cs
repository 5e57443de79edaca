using System;

namespace MatterGen.Evse.Hardware.Metering;

/// <summary>Timing and retry policy of <see cref="ModbusRtuClient"/>.</summary>
public sealed class ModbusRtuOptions
{
    /// <summary>How long to wait for a complete response (at 9600 baud a 9-byte answer takes about 10 ms).</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How many times a request is sent before giving up on timeouts and corrupt frames (at least 1).</summary>
    public int Attempts { get; set; } = 3;
}
