namespace MatterGen.Evse.Hardware.Pilot;

/// <summary>Classifies pilot samples against <see cref="PilotThresholds"/>. Pure and thread-safe.</summary>
internal sealed class PilotClassifier
{
    private readonly PilotThresholds stateThresholds;

    /// <summary>Creates a classifier; the thresholds are validated and must not be changed afterwards.</summary>
    /// <param name="thresholds">The thresholds, or null for the defaults.</param>
    public PilotClassifier(PilotThresholds? thresholds = null)
    {
        stateThresholds = thresholds ?? new PilotThresholds();
        stateThresholds.Validate();
    }

    /// <summary>Classifies the high plateau alone.</summary>
    /// <param name="highVolts">The high plateau (or DC level) in volts.</param>
    /// <returns>The pilot state; <see cref="PilotState.Invalid"/> for NaN or out-of-band values.</returns>
    public PilotState ClassifyHigh(double highVolts)
    {
        var t = stateThresholds;
        if (double.IsNaN(highVolts) || highVolts > t.MaximumVolts || highVolts < t.MinimumVolts)
        {
            return PilotState.Invalid;
        }

        if (highVolts >= t.AbVolts)
        {
            return PilotState.A;
        }

        if (highVolts >= t.BcVolts)
        {
            return PilotState.B;
        }

        if (highVolts >= t.CdVolts)
        {
            return PilotState.C;
        }

        if (highVolts >= t.DeVolts)
        {
            return PilotState.D;
        }

        if (highVolts > t.EfVolts)
        {
            return PilotState.E;
        }

        if (highVolts <= t.FVolts)
        {
            return PilotState.F;
        }

        return PilotState.Invalid;
    }

    /// <summary>Classifies a sample, running the diode check when PWM is on and an EV loads the pilot (B, C, D).</summary>
    /// <param name="sample">The measured plateaus.</param>
    /// <param name="pwmOn">Whether the EVSE was driving PWM while sampling.</param>
    public PilotReading Classify(PilotSample sample, bool pwmOn)
    {
        var state = ClassifyHigh(sample.HighVolts);
        var diode = DiodeCheckResult.NotApplicable;
        if (pwmOn && state is PilotState.B or PilotState.C or PilotState.D)
        {
            var lowOk = !double.IsNaN(sample.LowVolts)
                && sample.LowVolts <= stateThresholds.DiodeLowMaximumVolts
                && sample.LowVolts >= stateThresholds.MinimumVolts;
            diode = lowOk ? DiodeCheckResult.Passed : DiodeCheckResult.Failed;
        }

        return new PilotReading(state, pwmOn, diode);
    }
}
