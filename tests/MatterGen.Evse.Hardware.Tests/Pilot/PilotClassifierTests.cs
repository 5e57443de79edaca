using System;
using MatterGen.Evse.Hardware.Pilot;
using Xunit;

namespace MatterGen.Evse.Hardware.Tests.Pilot;

public class PilotClassifierTests
{
    private readonly PilotClassifier classifier = new();

    [Theory]
    [InlineData(13.5, PilotState.A)]
    [InlineData(13.51, PilotState.Invalid)]
    [InlineData(12.0, PilotState.A)]
    [InlineData(10.5, PilotState.A)]
    [InlineData(10.49, PilotState.B)]
    [InlineData(9.0, PilotState.B)]
    [InlineData(7.5, PilotState.B)]
    [InlineData(7.49, PilotState.C)]
    [InlineData(6.0, PilotState.C)]
    [InlineData(4.5, PilotState.C)]
    [InlineData(4.49, PilotState.D)]
    [InlineData(3.0, PilotState.D)]
    [InlineData(1.5, PilotState.D)]
    [InlineData(1.49, PilotState.E)]
    [InlineData(0.0, PilotState.E)]
    [InlineData(-1.49, PilotState.E)]
    [InlineData(-1.5, PilotState.Invalid)]
    [InlineData(-6.0, PilotState.Invalid)]
    [InlineData(-10.49, PilotState.Invalid)]
    [InlineData(-10.5, PilotState.F)]
    [InlineData(-12.0, PilotState.F)]
    [InlineData(-13.5, PilotState.F)]
    [InlineData(-13.51, PilotState.Invalid)]
    [InlineData(double.NaN, PilotState.Invalid)]
    public void High_plateau_classification_at_every_threshold(double volts, PilotState expected)
    {
        Assert.Equal(expected, classifier.ClassifyHigh(volts));
    }

    [Theory]
    [InlineData(9.0, -12.0, true, nameof(DiodeCheckResult.Passed))]
    [InlineData(6.0, -10.5, true, nameof(DiodeCheckResult.Passed))]
    [InlineData(6.0, -10.49, true, nameof(DiodeCheckResult.Failed))]
    [InlineData(9.0, -8.8, true, nameof(DiodeCheckResult.Failed))] // shorted diode: low plateau divided like the high one
    [InlineData(3.0, double.NaN, true, nameof(DiodeCheckResult.Failed))]
    [InlineData(9.0, 9.0, false, nameof(DiodeCheckResult.NotApplicable))] // x1: no low plateau
    [InlineData(12.0, -12.0, true, nameof(DiodeCheckResult.NotApplicable))] // A2: no EV, no diode
    [InlineData(0.0, 0.0, true, nameof(DiodeCheckResult.NotApplicable))]
    public void Diode_check_runs_only_with_pwm_and_an_ev_load(double high, double low, bool pwm, string expected)
    {
        // The result type is internal (the classifier's detail), so the cases name it.
        Assert.Equal(Enum.Parse<DiodeCheckResult>(expected), classifier.Classify(new PilotSample(high, low), pwm).DiodeCheck);
    }

    [Theory]
    [InlineData(9.0, false, "B1")]
    [InlineData(9.0, true, "B2")]
    [InlineData(6.0, false, "C1")]
    [InlineData(6.0, true, "C2")]
    [InlineData(3.0, true, "D2")]
    [InlineData(12.0, true, "A")]
    [InlineData(-12.0, false, "F")]
    public void Readings_print_with_the_iec_subscript(double high, bool pwm, string expected)
    {
        Assert.Equal(expected, classifier.Classify(new PilotSample(high, -12.0), pwm).ToString());
    }

    [Fact]
    public void Custom_thresholds_apply_and_bad_ones_are_rejected()
    {
        var custom = new PilotClassifier(new PilotThresholds { AbVolts = 11.0 });
        Assert.Equal(PilotState.B, custom.ClassifyHigh(10.8));
        Assert.Throws<ArgumentException>(() => new PilotClassifier(new PilotThresholds { BcVolts = 11.0 }));
        Assert.Throws<ArgumentException>(() => new PilotClassifier(new PilotThresholds { DiodeLowMaximumVolts = 0.0 }));
    }
}
