using System;

namespace MatterGen.Commissioning.Discovery;

/// <summary>
/// The MRP session parameters a node advertises in its TXT records (Matter Core 4.3.4): SII, SAI and SAT. Null leaves
/// a key out, which means the specification's default to the reader.
/// </summary>
/// <param name="IdleInterval">SII: the retransmission interval while idle (at most 1 hour).</param>
/// <param name="ActiveInterval">SAI: the retransmission interval while active (at most 1 hour).</param>
/// <param name="ActiveThreshold">SAT: how long the node stays active after network activity (at most 65 535 ms).</param>
public sealed record SessionTiming(TimeSpan? IdleInterval = null, TimeSpan? ActiveInterval = null, TimeSpan? ActiveThreshold = null)
{
    /// <summary>What a mains-powered device usually advertises: SII 500 ms, SAI 300 ms, SAT 4000 ms.</summary>
    public static SessionTiming MainsPowered { get; } = new(TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(4000));

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for a value the specification does not allow.</summary>
    public void Validate()
    {
        Check(IdleInterval, TimeSpan.FromHours(1), nameof(IdleInterval));
        Check(ActiveInterval, TimeSpan.FromHours(1), nameof(ActiveInterval));
        Check(ActiveThreshold, TimeSpan.FromMilliseconds(ushort.MaxValue), nameof(ActiveThreshold));
    }

    private static void Check(TimeSpan? value, TimeSpan maximum, string name)
    {
        if (value is { } interval && (interval < TimeSpan.Zero || interval > maximum))
        {
            throw new ArgumentOutOfRangeException(name, interval, $"{name} is between 0 and {maximum.TotalMilliseconds} ms.");
        }
    }
}
