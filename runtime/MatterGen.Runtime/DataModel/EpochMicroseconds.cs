using System;

namespace MatterGen.DataModel;

/// <summary>A Matter <c>epoch-us</c> value: microseconds since 2000-01-01T00:00:00Z, as the 64-bit unsigned wire value.</summary>
/// <param name="Value">Microseconds since the Matter epoch.</param>
public readonly record struct EpochMicroseconds(ulong Value)
{
    private const ulong MaxTicks = long.MaxValue;

    /// <summary>The point in time this value names.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value lies beyond what <see cref="DateTimeOffset"/> holds (year 9999).</exception>
    public DateTimeOffset ToDateTimeOffset()
    {
        if (Value > MaxTicks / 10)
        {
            throw new ArgumentOutOfRangeException(nameof(Value), Value, "The value lies beyond the range of DateTimeOffset.");
        }

        return MatterEpoch.Zero.AddTicks((long)Value * 10);
    }

    /// <summary>The value for a point in time, truncated to whole microseconds.</summary>
    /// <param name="time">A time at or after 2000-01-01T00:00:00Z.</param>
    /// <exception cref="ArgumentOutOfRangeException">The time is before the Matter epoch.</exception>
    public static EpochMicroseconds FromDateTimeOffset(DateTimeOffset time)
    {
        var ticks = (time - MatterEpoch.Zero).Ticks;
        if (ticks < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(time), time, "epoch-us holds times from 2000-01-01T00:00:00Z on.");
        }

        return new EpochMicroseconds((ulong)(ticks / 10));
    }
}
