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
    private readonly Func<int> _convert;
    private readonly int _maximumCounts;
    private readonly double _pullUpOhms;
    private readonly int _samples;

    /// <summary>Creates the reader.</summary>
    /// <param name="convert">One conversion of the PP channel, e.g. <c>() =&gt; adc.Read(1)</c>.</param>
    /// <param name="maximumCounts">The ADC's full-scale result (1023 for the MCP3008).</param>
    /// <param name="pullUpOhms">The pull-up resistor, ohms.</param>
    /// <param name="samples">Conversions averaged per reading.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is not positive.</exception>
    public AdcProximityPilot(Func<int> convert, int maximumCounts, double pullUpOhms, int samples = 8)
    {
        _convert = convert ?? throw new ArgumentNullException(nameof(convert));
        if (maximumCounts < 1) throw new ArgumentOutOfRangeException(nameof(maximumCounts), maximumCounts, "Full scale must be positive.");
        if (!double.IsFinite(pullUpOhms) || pullUpOhms <= 0) throw new ArgumentOutOfRangeException(nameof(pullUpOhms), pullUpOhms, "The pull-up must be positive.");
        if (samples < 1) throw new ArgumentOutOfRangeException(nameof(samples), samples, "At least one conversion.");
        _maximumCounts = maximumCounts;
        _pullUpOhms = pullUpOhms;
        _samples = samples;
    }

    /// <inheritdoc />
    public ProximityReading Read()
    {
        long sum = 0;
        for (int i = 0; i < _samples; i++) sum += Math.Clamp(_convert(), 0, _maximumCounts);
        return ProximityPilot.Classify(ToOhms((double)sum / _samples));
    }

    /// <summary>The PP resistance for an (averaged) ADC result; positive infinity at full scale.</summary>
    /// <param name="counts">The ADC result, 0 to full scale.</param>
    public double ToOhms(double counts) =>
        counts >= _maximumCounts ? double.PositiveInfinity : _pullUpOhms * counts / (_maximumCounts - counts);
}
