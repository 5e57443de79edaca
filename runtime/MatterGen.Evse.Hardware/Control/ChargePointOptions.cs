using System;
using MatterGen.Evse.Hardware.Pilot;

namespace MatterGen.Evse.Hardware.Control;

/// <summary>Configuration of <see cref="ChargePointController"/>; timing defaults follow IEC 61851-1 Table A.6 as cited by EVerest and SmartEVSE.</summary>
public sealed class ChargePointOptions
{
    /// <summary>The charger's own current rating; the offer never exceeds it.</summary>
    public int MaximumCurrentMilliamps { get; set; } = 32_000;

    /// <summary>True when the site provides ventilation, so state D may charge.</summary>
    public bool VentilationAvailable { get; set; }

    /// <summary>How long an EV may stay in C1/D1 (PWM withdrawn) before the contactor is forced open.</summary>
    public TimeSpan PwmWithdrawnTimeout { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>Least time between two duty-cycle changes that raise the offer; lowering is immediate.</summary>
    public TimeSpan DutyIncreaseInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the EV may take to follow a lowered offer; until then the previous offer still counts for over-current.</summary>
    public TimeSpan EvResponseTime { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Whether to send the wake-up pulse (state F) to an EV that stays in B2.</summary>
    public bool WakeUpEnabled { get; set; }

    /// <summary>How long in B2 without a charge request before the wake-up pulse.</summary>
    public TimeSpan WakeUpAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the wake-up pulse drives state F.</summary>
    public TimeSpan WakeUpDuration { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Measured current may exceed the offer by this much without counting as over-current.</summary>
    public int OverCurrentMarginMilliamps { get; set; } = 2_000;

    /// <summary>How long the current must stay above offer plus margin before an OverCurrent fault.</summary>
    public TimeSpan OverCurrentTime { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Pilot classification thresholds.</summary>
    public PilotThresholds Thresholds { get; set; } = new();

    /// <summary>Pilot debounce delays.</summary>
    public PilotDebounceOptions Debounce { get; set; } = new();

    /// <summary>Checks the options for values that cannot work.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        if (MaximumCurrentMilliamps < PilotDutyCycle.MinimumCurrentMilliamps || MaximumCurrentMilliamps > PilotDutyCycle.MaximumCurrentMilliamps)
        {
            throw new ArgumentException($"MaximumCurrentMilliamps must be 6000..80000, was {MaximumCurrentMilliamps}.");
        }

        if (OverCurrentMarginMilliamps < 0)
        {
            throw new ArgumentException("OverCurrentMarginMilliamps must not be negative.");
        }

        foreach (var span in new[] { PwmWithdrawnTimeout, EvResponseTime, DutyIncreaseInterval, WakeUpAfter, WakeUpDuration, OverCurrentTime })
        {
            if (span < TimeSpan.Zero)
            {
                throw new ArgumentException("Timeouts must not be negative.");
            }
        }

        Thresholds.Validate();
    }
}
