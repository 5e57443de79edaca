using System;

namespace MatterGen.Evse.Hardware.Devices;

/// <summary>
/// Samples the pilot through an ADC: a burst of conversions spanning more than one PWM period, whose maximum is
/// the high plateau and minimum the low plateau (the OpenEVSE approach; no edge synchronisation needed).
/// Counts are converted to pilot volts by a two-point linear calibration.
/// </summary>
public sealed class AdcPilotSampler
{
    private readonly Func<int> convertChannel;
    private readonly PilotCalibration pilotCalibration;
    private readonly int samples;

    /// <summary>Creates the sampler.</summary>
    /// <param name="convert">One ADC conversion of the pilot sense channel, e.g. <c>() =&gt; adc.Read(0)</c>.</param>
    /// <param name="calibration">Counts measured at −12 V and +12 V on the pilot.</param>
    /// <param name="samplesPerBurst">Conversions per sample; at least enough for one 1 ms PWM period.</param>
    public AdcPilotSampler(Func<int> convert, PilotCalibration calibration, int samplesPerBurst = 100)
    {
        convertChannel = convert ?? throw new ArgumentNullException(nameof(convert));
        if (calibration.CountsAtPlus12Volts == calibration.CountsAtMinus12Volts)
        {
            throw new ArgumentException("The two calibration points must differ.", nameof(calibration));
        }

        if (samplesPerBurst < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(samplesPerBurst), samplesPerBurst, "At least one sample per burst.");
        }

        pilotCalibration = calibration;
        samples = samplesPerBurst;
    }

    /// <summary>Takes one burst and returns the plateaus in volts.</summary>
    public Pilot.PilotSample Sample()
    {
        int min = int.MaxValue, max = int.MinValue;
        for (var i = 0; i < samples; i++)
        {
            var counts = convertChannel();
            min = Math.Min(min, counts);
            max = Math.Max(max, counts);
        }

        return new Pilot.PilotSample(pilotCalibration.ToVolts(max), pilotCalibration.ToVolts(min));
    }
}

/// <summary>Two-point calibration of the pilot sense divider.</summary>
/// <param name="CountsAtMinus12Volts">ADC counts with the pilot at −12 V.</param>
/// <param name="CountsAtPlus12Volts">ADC counts with the pilot at +12 V.</param>
public readonly record struct PilotCalibration(int CountsAtMinus12Volts, int CountsAtPlus12Volts)
{
    /// <summary>Converts counts to pilot volts by linear interpolation.</summary>
    /// <param name="counts">An ADC result.</param>
    public double ToVolts(int counts) =>
        -12.0 + 24.0 * (counts - CountsAtMinus12Volts) / (CountsAtPlus12Volts - CountsAtMinus12Volts);
}
