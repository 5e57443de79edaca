using System;

namespace MatterGen.Samples.EvseSimulator.Session;

/// <summary>One power adjustment the energy manager had in force, as it sent it and saw it end.</summary>
/// <param name="RequestedAt">When the charger accepted the PowerAdjustRequest (the command's response).</param>
/// <param name="PowerMilliwatts">The power requested, mW.</param>
/// <param name="Duration">The duration requested.</param>
/// <param name="Reason">Why, for the log.</param>
/// <param name="EndedAt">When it ended (cancel acknowledged, or the PowerAdjustEnd event's time); null while in force.</param>
/// <param name="EndCause">How it ended: the PowerAdjustEnd cause, or "Replaced" when a new request took its place.</param>
internal sealed record PowerAdjustmentRecord(DateTimeOffset RequestedAt, long PowerMilliwatts, TimeSpan Duration, string Reason, DateTimeOffset? EndedAt = null, string? EndCause = null)
{
    /// <summary>When the adjustment stopped limiting the charger: its end, else its requested expiry.</summary>
    public DateTimeOffset Until => EndedAt ?? RequestedAt + Duration;
}

/// <summary>The charger's hardware at one control-loop step, for the reaction-time check.</summary>
/// <param name="At">Simulated time.</param>
/// <param name="OfferedMilliamps">The current the pilot's duty cycle offers.</param>
/// <param name="MeasuredMilliwatts">The active power the meter measures.</param>
internal readonly record struct PowerTracePoint(DateTimeOffset At, int OfferedMilliamps, long MeasuredMilliwatts);
