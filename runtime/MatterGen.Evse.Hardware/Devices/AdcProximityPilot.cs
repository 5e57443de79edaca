using System;
using MatterGen.Evse.Hardware.Pilot;

namespace MatterGen.Evse.Hardware.Devices;

/// <summary>
/// The PP line on an ADC channel: a pull-up from the ADC reference to PP, the cable's resistor from PP to PE, so the
/// channel reads <c>max × R / (R + pull-up)</c> and R = pull-up × counts / (max − counts). A few conversions are
/// averaged against noise.
/// </summary>
public sealed class AdcProximityPilot : IProximityPilot
{
    private readonly Func<int> convertChannel;
    private readonly int fullScaleCounts;
    private readonly double pullUpResistorOhms;
    private readonly int samplesPerReading;

    /// <summary>Creates the reader.</summary>
    /// <param name="convert">One conversion of the PP channel, e.g. <c>() =&gt; adc.Read(1)</c>.</param>
    /// <param name="maximumCounts">The ADC's full-scale result (1023 for the MCP3008).</param>
    /// <param name="pullUpOhms">The pull-up resistor, ohms.</param>
    /// <param name="samples">Conversions averaged per reading.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is not positive.</exception>
    public AdcProximityPilot(Func<int> convert, int maximumCounts, double pullUpOhms, int samples = 8)
    {
        convertChannel = convert ?? throw new ArgumentNullException(nameof(convert));
        if (maximumCounts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maximumCounts), maximumCounts, "Full scale must be positive.");
        }

        if (!double.IsFinite(pullUpOhms) || pullUpOhms <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(pullUpOhms), pullUpOhms, "The pull-up must be positive.");
        }

        if (samples < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(samples), samples, "At least one conversion.");
        }

        fullScaleCounts = maximumCounts;
        pullUpResistorOhms = pullUpOhms;
        samplesPerReading = samples;
    }

    /// <inheritdoc />
    public ProximityReading Read()
    {
        long sum = 0;
        for (var i = 0; i < samplesPerReading; i++)
        {
            sum += Math.Clamp(convertChannel(), 0, fullScaleCounts);
        }

        return ProximityPilot.Classify(ToOhms((double)sum / samplesPerReading));
    }

    /// <summary>The PP resistance for an (averaged) ADC result; positive infinity at full scale.</summary>
    /// <param name="counts">The ADC result, 0 to full scale.</param>
    public double ToOhms(double counts) =>
        counts >= fullScaleCounts ? double.PositiveInfinity : pullUpResistorOhms * counts / (fullScaleCounts - counts);
}
