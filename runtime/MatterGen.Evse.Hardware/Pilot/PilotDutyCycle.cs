using System;

namespace MatterGen.Evse.Hardware.Pilot;

/// <summary>
/// IEC 61851-1 duty cycle ↔ maximum current. Duty cycles are fractions of the period (0.0–1.0, the positive
/// pulse width), as <c>PwmChannel.DutyCycle</c> takes them.
/// </summary>
public static class PilotDutyCycle
{
    /// <summary>The least current a PWM signal can offer: 6 A.</summary>
    public const int MinimumCurrentMilliamps = 6_000;

    /// <summary>The most current a PWM signal can offer: 80 A.</summary>
    public const int MaximumCurrentMilliamps = 80_000;

    /// <summary>Upper end of the low band (duty = I / 0.6 %): 51 A at 85 %.</summary>
    public const int LowBandMaximumMilliamps = 51_000;

    /// <summary>
    /// The high band (duty = I / 2.5 + 64 %) is used only above this current: 52.5 A gives exactly 85 %, which the EV
    /// reads as 51 A, so up to and including 52.5 A the offer is 51 A.
    /// </summary>
    public const int HighBandThresholdMilliamps = 52_500;

    /// <summary>
    /// The duty cycle that offers at most <paramref name="milliamps"/>. Below 6 A no PWM can be offered (null).
    /// Above 51 A up to 52.5 A the norm defines no distinct duty; 85 % (51 A) is used so the offer never exceeds the request.
    /// Above 80 A the offer is clamped to 80 A (96 %).
    /// </summary>
    /// <param name="milliamps">The current to offer.</param>
    /// <returns>The duty cycle as a fraction, or null when no PWM may be offered.</returns>
    public static double? DutyForCurrent(int milliamps)
    {
        if (milliamps < MinimumCurrentMilliamps)
        {
            return null;
        }

        if (milliamps <= LowBandMaximumMilliamps)
        {
            return milliamps / 60_000.0;
        }

        if (milliamps <= HighBandThresholdMilliamps)
        {
            return 0.85;
        }

        if (milliamps <= MaximumCurrentMilliamps)
        {
            return (milliamps / 2_500.0 + 64.0) / 100.0;
        }

        return 0.96;
    }

    /// <summary>The current actually offered when asking for <paramref name="milliamps"/>: 0 when no PWM, else the current of the duty used.</summary>
    /// <param name="milliamps">The requested current.</param>
    public static int OfferedCurrent(int milliamps)
    {
        if (milliamps < MinimumCurrentMilliamps)
        {
            return 0;
        }

        if (milliamps <= LowBandMaximumMilliamps)
        {
            return milliamps;
        }

        if (milliamps <= HighBandThresholdMilliamps)
        {
            return LowBandMaximumMilliamps;
        }

        return Math.Min(milliamps, MaximumCurrentMilliamps);
    }

    /// <summary>Interprets a duty cycle as the EV does.</summary>
    /// <param name="duty">The duty cycle as a fraction, 0.0–1.0.</param>
    /// <exception cref="ArgumentOutOfRangeException">The duty is NaN or outside 0.0–1.0.</exception>
    public static DutyCycleInterpretation Interpret(double duty)
    {
        if (double.IsNaN(duty) || duty < 0.0 || duty > 1.0)
        {
            throw new ArgumentOutOfRangeException(nameof(duty), duty, "A duty cycle is a fraction from 0.0 to 1.0.");
        }

        // Work in percent, rounded to 1e-9 so that values computed from currents land on the band edges.
        var percent = Math.Round(duty * 100.0, 9);
        if (percent >= 100.0)
        {
            return new(DutyCycleMeaning.PwmOff, 0);
        }

        if (percent < 3.0)
        {
            return new(DutyCycleMeaning.NotAvailable, 0);
        }

        if (percent >= 4.5 && percent <= 5.5)
        {
            return new(DutyCycleMeaning.DigitalCommunication, 0);
        }

        if (percent < 8.0)
        {
            return new(DutyCycleMeaning.Error, 0);
        }

        if (percent < 10.0)
        {
            return new(DutyCycleMeaning.Current, MinimumCurrentMilliamps);
        }

        if (percent <= 85.0)
        {
            return new(DutyCycleMeaning.Current, (int)Math.Round(percent * 600.0));
        }

        if (percent <= 96.0)
        {
            return new(DutyCycleMeaning.Current, (int)Math.Round((percent - 64.0) * 2_500.0));
        }

        if (percent <= 97.0)
        {
            return new(DutyCycleMeaning.Current, MaximumCurrentMilliamps);
        }

        return new(DutyCycleMeaning.Error, 0);
    }
}
