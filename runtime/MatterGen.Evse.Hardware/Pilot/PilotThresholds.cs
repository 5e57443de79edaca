using System;

namespace MatterGen.Evse.Hardware.Pilot;

/// <summary>
/// Voltage thresholds (volts at the pilot) for classifying the pilot. Defaults are the midpoints between the
/// nominal IEC 61851-1 levels (12/9/6/3/0/−12 V), as OpenEVSE and SmartEVSE use them.
/// </summary>
public sealed class PilotThresholds
{
    /// <summary>Highest valid high plateau; above it the reading is invalid.</summary>
    public double MaximumVolts { get; set; } = 13.5;

    /// <summary>High plateau at or above this is state A.</summary>
    public double AbVolts { get; set; } = 10.5;

    /// <summary>High plateau at or above this (and below <see cref="AbVolts"/>) is state B.</summary>
    public double BcVolts { get; set; } = 7.5;

    /// <summary>High plateau at or above this (and below <see cref="BcVolts"/>) is state C.</summary>
    public double CdVolts { get; set; } = 4.5;

    /// <summary>High plateau at or above this (and below <see cref="CdVolts"/>) is state D.</summary>
    public double DeVolts { get; set; } = 1.5;

    /// <summary>High plateau above this (and below <see cref="DeVolts"/>) is state E, 0 V.</summary>
    public double EfVolts { get; set; } = -1.5;

    /// <summary>High plateau at or below this is state F, −12 V; between it and <see cref="EfVolts"/> is invalid.</summary>
    public double FVolts { get; set; } = -10.5;

    /// <summary>Lowest valid plateau; below it the reading is invalid.</summary>
    public double MinimumVolts { get; set; } = -13.5;

    /// <summary>With PWM on, the low plateau must be at or below this for the diode check to pass.</summary>
    public double DiodeLowMaximumVolts { get; set; } = -10.5;

    /// <summary>Checks that the thresholds are strictly descending.</summary>
    /// <exception cref="ArgumentException">The thresholds are not in descending order.</exception>
    public void Validate()
    {
        double[] order = [MaximumVolts, AbVolts, BcVolts, CdVolts, DeVolts, EfVolts, FVolts, MinimumVolts];
        for (var i = 1; i < order.Length; i++)
        {
            if (!(order[i] < order[i - 1]))
            {
                throw new ArgumentException("Pilot thresholds must be strictly descending from MaximumVolts to MinimumVolts.");
            }
        }

        if (!(DiodeLowMaximumVolts < EfVolts && DiodeLowMaximumVolts > MinimumVolts))
        {
            throw new ArgumentException("DiodeLowMaximumVolts must lie between MinimumVolts and EfVolts.");
        }
    }
}
