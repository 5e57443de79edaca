using System;

namespace MatterGen.Evse.Hardware.Pilot;

/// <summary>
/// How long a new pilot state must persist before it is accepted. Debounce only delays accepting a state:
/// the controller opens the contactor on the first raw sample that no longer allows charging.
/// </summary>
public sealed class PilotDebounceOptions
{
    /// <summary>Delay before accepting state A (unplug); OpenEVSE uses 25 ms.</summary>
    public TimeSpan ToA { get; set; } = TimeSpan.FromMilliseconds(25);

    /// <summary>Delay before accepting state C or D (charge request); SmartEVSE uses 500 ms.</summary>
    public TimeSpan ToChargeRequest { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Delay before accepting state E (pilot short); SmartEVSE uses 500 ms.</summary>
    public TimeSpan ToE { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Delay before accepting any other state (B, F, Invalid).</summary>
    public TimeSpan Other { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The delay that applies to entering <paramref name="state"/>.</summary>
    /// <param name="state">The state being entered.</param>
    public TimeSpan DelayFor(PilotState state) => state switch
    {
        PilotState.A => ToA,
        PilotState.C or PilotState.D => ToChargeRequest,
        PilotState.E => ToE,
        _ => Other,
    };
}
