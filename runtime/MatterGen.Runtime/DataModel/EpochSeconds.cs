using System;

namespace MatterGen.DataModel;

/// <summary>A Matter <c>epoch-s</c> value: seconds since 2000-01-01T00:00:00Z, as the 32-bit unsigned wire value.</summary>
/// <param name="Value">Seconds since the Matter epoch.</param>
public readonly record struct EpochSeconds(uint Value)
{
    /// <summary>The point in time this value names.</summary>
    public DateTimeOffset ToDateTimeOffset() => MatterEpoch.Zero.AddSeconds(Value);

    /// <summary>The value for a point in time, truncated to whole seconds.</summary>
    /// <param name="time">A time between 2000-01-01T00:00:00Z and 2136-02-07T06:28:15Z.</param>
    /// <exception cref="ArgumentOutOfRangeException">The time is outside what 32 bits of seconds can hold.</exception>
    public static EpochSeconds FromDateTimeOffset(DateTimeOffset time)
    {
        var seconds = (time - MatterEpoch.Zero).Ticks / TimeSpan.TicksPerSecond;
        if (seconds < 0 || seconds > uint.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(time), time, "epoch-s holds times from 2000-01-01T00:00:00Z for 2^32-1 seconds.");
        }

        return new EpochSeconds((uint)seconds);
    }
}
