using System;

namespace MatterGen.DataModel;

/// <summary>A Matter <c>elapsed-s</c> value: a duration in whole seconds, as the 32-bit unsigned wire value.</summary>
/// <param name="Value">The duration in seconds.</param>
public readonly record struct ElapsedSeconds(uint Value)
{
    /// <summary>The duration.</summary>
    public TimeSpan ToTimeSpan() => TimeSpan.FromSeconds(Value);

    /// <summary>The value for a duration, truncated to whole seconds.</summary>
    /// <param name="duration">A duration from zero to 2^32-1 seconds.</param>
    /// <exception cref="ArgumentOutOfRangeException">The duration is negative or too long for 32 bits of seconds.</exception>
    public static ElapsedSeconds FromTimeSpan(TimeSpan duration)
    {
        var seconds = duration.Ticks / TimeSpan.TicksPerSecond;
        if (seconds < 0 || seconds > uint.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "elapsed-s holds 0 to 2^32-1 seconds.");
        }

        return new ElapsedSeconds((uint)seconds);
    }
}
