using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace MatterGen.Samples.EvseSimulator.Session;

/// <summary>
/// Whether each power adjustment was honoured in time, judged from the hardware trace. Two delays are allowed, one
/// per party:
/// <list type="bullet">
/// <item>the charger lowers the pilot's offer by its next control-loop step (the station applies a new
/// MaximumChargeCurrent at its next tick; lowering the duty cycle is immediate, only raising waits);</item>
/// <item>the vehicle then follows the lower duty cycle within <see cref="EvResponseTime"/>: IEC 61851-1, Annex A
/// (Table A.6, duty-cycle change), gives the EV 5 s, the figure EVerest (IEC_PWM_MAX_UPDATE_INTERVAL 5000 ms) and
/// this runtime's charge point (ChargePointOptions.EvResponseTime) use; see the project's hardware reference note,
/// section 1.5 "Reaction times".</item>
/// </list>
/// From then until the adjustment ends the measured power must stay at or under the requested power (within the
/// meter's 1 % class accuracy).
/// </summary>
internal static class AdjustmentCompliance
{
    /// <summary>IEC 61851-1: the EV has 5 s to follow a change of the pilot's duty cycle.</summary>
    public static readonly TimeSpan EvResponseTime = TimeSpan.FromSeconds(5);

    /// <summary>The meter's class accuracy: a measured power this far over the request still honours it.</summary>
    public const double MeterAccuracy = 0.01;

    /// <summary>The nominal voltage the charger turns power into current with (Device Energy Management's 230 V).</summary>
    public const double NominalVolts = 230;

    /// <summary>The verdict on one adjustment.</summary>
    /// <param name="Adjustment">The adjustment.</param>
    /// <param name="PilotLowered">How long after the request the offer was at or under the requested power; null if never.</param>
    /// <param name="EvFollowed">How long after the pilot change the measured power was at or under it; null if never.</param>
    /// <param name="Overshoot">The first time after that the measured power went over it while the adjustment lasted; null if never.</param>
    /// <param name="Honoured">All three in time.</param>
    internal sealed record Verdict(PowerAdjustmentRecord Adjustment, TimeSpan? PilotLowered, TimeSpan? EvFollowed, DateTimeOffset? Overshoot, bool Honoured)
    {
        /// <summary>One line for the summary.</summary>
        public string Describe() => string.Create(CultureInfo.InvariantCulture,
            $"{Adjustment.RequestedAt:HH:mm:ss} {Adjustment.PowerMilliwatts / 1e6:0.00} kW until {Adjustment.Until:HH:mm:ss}: pilot {Seconds(PilotLowered)}, EV {Seconds(EvFollowed)}{(Overshoot is { } o ? $", over again at {o:HH:mm:ss}" : string.Empty)}");

        private static string Seconds(TimeSpan? delay) => delay is { } d ? $"{d.TotalSeconds:0} s" : "never";
    }

    /// <summary>Judges every adjustment against the trace; <paramref name="controlStep"/> is the charger's loop step.</summary>
    public static IReadOnlyList<Verdict> Evaluate(IReadOnlyList<PowerAdjustmentRecord> adjustments, IReadOnlyList<PowerTracePoint> trace, TimeSpan controlStep)
    {
        var verdicts = new List<Verdict>(adjustments.Count);
        foreach (var adjustment in adjustments)
        {
            var limit = adjustment.PowerMilliwatts * (1 + MeterAccuracy);
            var during = trace.Where(p => p.At >= adjustment.RequestedAt && p.At < adjustment.Until).ToList();
            var lowered = during.FirstOrDefault(p => p.OfferedMilliamps / 1000.0 * NominalVolts * 1000 <= limit);
            TimeSpan? pilotDelay = lowered == default ? null : lowered.At - adjustment.RequestedAt;
            TimeSpan? evDelay = null;
            DateTimeOffset? overshoot = null;
            if (lowered != default)
            {
                var followed = during.FirstOrDefault(p => p.At >= lowered.At && p.MeasuredMilliwatts <= limit);
                if (followed != default)
                {
                    evDelay = followed.At - lowered.At;
                    var over = during.FirstOrDefault(p => p.At > followed.At && p.MeasuredMilliwatts > limit);
                    overshoot = over == default ? null : over.At;
                }
            }

            var honoured = pilotDelay <= controlStep && evDelay <= EvResponseTime && overshoot is null;
            verdicts.Add(new Verdict(adjustment, pilotDelay, evDelay, overshoot, honoured));
        }

        return verdicts;
    }
}
