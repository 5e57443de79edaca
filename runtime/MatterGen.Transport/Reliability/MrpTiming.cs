using System;

namespace MatterGen.Transport.Reliability;

/// <summary>
/// The Message Reliability Protocol's timing (Core Specification 4.12.8): the retransmission backoff
/// <c>t = i · MRP_BACKOFF_MARGIN · MRP_BACKOFF_BASE^max(0, n − MRP_BACKOFF_THRESHOLD) · (1 + random · MRP_BACKOFF_JITTER)</c>,
/// where i is the peer's active or idle interval and n the number of retransmissions already sent.
/// </summary>
public static class MrpTiming
{
    /// <summary>MRP_MAX_TRANSMISSIONS: the initial transmission and four retransmissions.</summary>
    public const int MaxTransmissions = 5;

    /// <summary>MRP_BACKOFF_BASE.</summary>
    public const double BackoffBase = 1.6;

    /// <summary>MRP_BACKOFF_JITTER.</summary>
    public const double BackoffJitter = 0.25;

    /// <summary>MRP_BACKOFF_MARGIN.</summary>
    public const double BackoffMargin = 1.1;

    /// <summary>MRP_BACKOFF_THRESHOLD.</summary>
    public const int BackoffThreshold = 1;

    /// <summary>MRP_STANDALONE_ACK_TIMEOUT: how long an acknowledgement waits for a message to ride on.</summary>
    public static TimeSpan StandaloneAckTimeout => TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// The wait before retransmission number <paramref name="retransmission"/> + 1 (0 for the wait after the first
    /// transmission), with <paramref name="random"/> in [0, 1).
    /// </summary>
    public static TimeSpan Backoff(TimeSpan baseInterval, int retransmission, double random)
    {
        var exponent = Math.Max(0, retransmission - BackoffThreshold);
        var milliseconds = baseInterval.TotalMilliseconds * BackoffMargin * Math.Pow(BackoffBase, exponent) * (1.0 + random * BackoffJitter);
        return TimeSpan.FromMilliseconds(milliseconds);
    }
}
