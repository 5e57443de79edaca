
namespace MatterGen.Evse.Hardware.Pilot;

/// <summary>What the proximity-pilot (PP) resistor of a cable assembly says.</summary>
public enum ProximityState
{
    /// <summary>The PP line is open or above the 13 A band: no usable cable in the socket (0 A).</summary>
    NoCable,

    /// <summary>A cable with a recognised rating; see <see cref="ProximityReading.RatingMilliamps"/>.</summary>
    Cable,

    /// <summary>PP shorted to PE (below the 63 A band) or an unreadable value: treat as a fault.</summary>
    Invalid,
}

/// <summary>One reading of the proximity pilot.</summary>
/// <param name="State">What the resistance means.</param>
/// <param name="RatingMilliamps">The cable's current rating for <see cref="ProximityState.Cable"/>, else null.</param>
/// <param name="Ohms">The measured resistance (positive infinity when open).</param>
public readonly record struct ProximityReading(ProximityState State, long? RatingMilliamps, double Ohms);

/// <summary>
/// The cable assembly's current rating from its PP resistor between PP and PE, coded as IEC 61851-1 Annex B has it:
/// nominal 1.5 kΩ 13 A, 680 Ω 20 A, 220 Ω 32 A, 100 Ω 63 A (70 A single-phase), read in the bands 1000–2200 Ω,
/// 330–1000 Ω, 150–330 Ω and 75–150 Ω (a boundary belongs to the band above it). Above 2200 Ω there is no usable
/// cable (0 A); below 75 Ω the line is shorted, an error.
/// </summary>
public static class ProximityPilot
{
    /// <summary>Above this resistance there is no cable (0 A): the top of the 13 A band.</summary>
    public const double MaximumCableOhms = 2_200;

    /// <summary>The bottom of the 63 A band; a lower resistance is a short, an error.</summary>
    public const double MinimumCableOhms = 75;

    /// <summary>Classifies a measured PP resistance.</summary>
    /// <param name="ohms">The resistance between PP and PE; positive infinity for an open line.</param>
    public static ProximityReading Classify(double ohms)
    {
        if (double.IsNaN(ohms) || ohms < MinimumCableOhms)
        {
            return new(ProximityState.Invalid, null, ohms);
        }

        if (ohms > MaximumCableOhms)
        {
            return new(ProximityState.NoCable, null, ohms);
        }

        long rating = ohms switch
        {
            >= 1_000 => 13_000,
            >= 330 => 20_000,
            >= 150 => 32_000,
            _ => 63_000,
        };
        return new(ProximityState.Cable, rating, ohms);
    }
}
