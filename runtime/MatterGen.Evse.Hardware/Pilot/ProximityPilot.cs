using System;

namespace MatterGen.Evse.Hardware.Pilot;

/// <summary>What the proximity-pilot (PP) resistor of a cable assembly says.</summary>
public enum ProximityState
{
    /// <summary>The PP line is open: no cable in the socket (or a tethered cable without a PP resistor).</summary>
    NoCable,

    /// <summary>A cable with a recognised rating; see <see cref="ProximityReading.RatingMilliamps"/>.</summary>
    Cable,

    /// <summary>A resistance no cable rating has (short, broken resistor, bad contact): treat as a fault.</summary>
    Invalid,
}

/// <summary>One reading of the proximity pilot.</summary>
/// <param name="State">What the resistance means.</param>
/// <param name="RatingMilliamps">The cable's current rating for <see cref="ProximityState.Cable"/>, else null.</param>
/// <param name="Ohms">The measured resistance (positive infinity when open).</param>
public readonly record struct ProximityReading(ProximityState State, long? RatingMilliamps, double Ohms);

/// <summary>
/// The cable assembly's current rating from its PP resistor between PP and PE (IEC 61851-1 Annex B / IEC 62196-2):
/// 1.5 kΩ 13 A, 680 Ω 20 A, 220 Ω 32 A, 100 Ω 63 A (70 A single-phase). The bands between nominal values are split at
/// their geometric means (1010, 387 and 148 Ω); a reading above <see cref="MaximumCableOhms"/> but below
/// <see cref="OpenOhms"/>, or below <see cref="MinimumCableOhms"/>, is <see cref="ProximityState.Invalid"/>. The
/// standard's own tolerance bands are narrower and were not available here; check them before certification.
/// </summary>
public static class ProximityPilot
{
    /// <summary>At or above this resistance the PP line is open (no cable).</summary>
    public const double OpenOhms = 10_000;

    /// <summary>The highest resistance read as a 13 A cable (about 1.8 × 1.5 kΩ).</summary>
    public const double MaximumCableOhms = 2_700;

    /// <summary>The lowest resistance read as a 63 A cable (half of 100 Ω); below is a short.</summary>
    public const double MinimumCableOhms = 50;

    /// <summary>Classifies a measured PP resistance.</summary>
    /// <param name="ohms">The resistance between PP and PE; positive infinity for an open line.</param>
    public static ProximityReading Classify(double ohms)
    {
        if (double.IsNaN(ohms) || ohms < 0) return new(ProximityState.Invalid, null, ohms);
        if (ohms >= OpenOhms) return new(ProximityState.NoCable, null, ohms);
        long? rating = ohms switch
        {
            > MaximumCableOhms => null,
            >= 1_010 => 13_000,
            >= 387 => 20_000,
            >= 148 => 32_000,
            >= MinimumCableOhms => 63_000,
            _ => null,
        };
        return rating is null ? new(ProximityState.Invalid, null, ohms) : new(ProximityState.Cable, rating, ohms);
    }
}
