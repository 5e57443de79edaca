using System;

namespace MatterGen.Evse.Hardware.Pilot;

/// <summary>Accepts a pilot state only once it has been seen continuously for its debounce delay. Not thread-safe.</summary>
internal sealed class PilotDebouncer
{
    private readonly TimeProvider clock;
    private readonly PilotDebounceOptions settings;
    private PilotState? candidate;
    private DateTimeOffset candidateSince;

    /// <summary>Creates a debouncer whose accepted state starts at <paramref name="initial"/>.</summary>
    /// <param name="time">The clock.</param>
    /// <param name="options">Debounce delays, or null for the defaults.</param>
    /// <param name="initial">The state assumed before the first sample.</param>
    public PilotDebouncer(TimeProvider time, PilotDebounceOptions? options = null, PilotState initial = PilotState.A)
    {
        clock = time ?? throw new ArgumentNullException(nameof(time));
        settings = options ?? new PilotDebounceOptions();
        Stable = initial;
    }

    /// <summary>The accepted (debounced) state.</summary>
    public PilotState Stable { get; private set; }

    /// <summary>When the pending candidate state will be accepted if it persists; null when nothing is pending.</summary>
    public DateTimeOffset? PendingUntil => candidate is PilotState c ? candidateSince + settings.DelayFor(c) : null;

    /// <summary>Feeds one raw state and returns the accepted state.</summary>
    /// <param name="raw">The state classified from the latest sample.</param>
    public PilotState Update(PilotState raw)
    {
        if (raw == Stable)
        {
            candidate = null;
            return Stable;
        }

        if (raw != candidate)
        {
            candidate = raw;
            candidateSince = clock.GetUtcNow();
        }

        return Poll();
    }

    /// <summary>Accepts the pending candidate if its delay has passed without a new sample; returns the accepted state.</summary>
    public PilotState Poll()
    {
        if (candidate is PilotState c && clock.GetUtcNow() - candidateSince >= settings.DelayFor(c))
        {
            Stable = c;
            candidate = null;
        }

        return Stable;
    }

    /// <summary>Forgets any pending candidate and accepts <paramref name="state"/> at once.</summary>
    /// <param name="state">The state to accept.</param>
    public void Reset(PilotState state)
    {
        Stable = state;
        candidate = null;
    }
}
