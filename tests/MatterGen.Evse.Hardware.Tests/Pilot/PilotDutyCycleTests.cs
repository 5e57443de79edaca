using System;
using MatterGen.Evse.Hardware.Pilot;
using Xunit;

namespace MatterGen.Evse.Hardware.Tests.Pilot;

public class PilotDutyCycleTests
{
    [Theory]
    [InlineData(6_000, 0.10)]
    [InlineData(16_000, 16.0 / 60.0)]
    [InlineData(32_000, 32.0 / 60.0)]
    [InlineData(51_000, 0.85)]
    [InlineData(51_001, 0.85)] // gap in the norm: offer 51 A, never more than asked
    [InlineData(52_499, 0.85)]
    [InlineData(52_500, 0.85)]
    [InlineData(55_000, 0.86)]
    [InlineData(80_000, 0.96)]
    [InlineData(80_001, 0.96)] // clamped to 80 A
    [InlineData(int.MaxValue, 0.96)]
    public void DutyForCurrent_matches_the_iec_formulas(int milliamps, double expected)
    {
        var duty = PilotDutyCycle.DutyForCurrent(milliamps);
        Assert.NotNull(duty);
        Assert.Equal(expected, duty!.Value, 12);
    }

    [Theory]
    [InlineData(5_999)]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void Below_six_amps_there_is_no_pwm(int milliamps)
    {
        Assert.Null(PilotDutyCycle.DutyForCurrent(milliamps));
        Assert.Equal(0, PilotDutyCycle.OfferedCurrent(milliamps));
    }

    [Theory]
    [InlineData(0.0, DutyCycleMeaning.NotAvailable, 0)]
    [InlineData(0.0299, DutyCycleMeaning.NotAvailable, 0)]
    [InlineData(0.03, DutyCycleMeaning.Error, 0)]
    [InlineData(0.045, DutyCycleMeaning.DigitalCommunication, 0)]
    [InlineData(0.05, DutyCycleMeaning.DigitalCommunication, 0)]
    [InlineData(0.055, DutyCycleMeaning.DigitalCommunication, 0)]
    [InlineData(0.056, DutyCycleMeaning.Error, 0)]
    [InlineData(0.0799, DutyCycleMeaning.Error, 0)]
    [InlineData(0.08, DutyCycleMeaning.Current, 6_000)]
    [InlineData(0.0999, DutyCycleMeaning.Current, 6_000)]
    [InlineData(0.10, DutyCycleMeaning.Current, 6_000)]
    [InlineData(0.25, DutyCycleMeaning.Current, 15_000)]
    [InlineData(0.85, DutyCycleMeaning.Current, 51_000)]
    [InlineData(0.86, DutyCycleMeaning.Current, 55_000)]
    [InlineData(0.96, DutyCycleMeaning.Current, 80_000)]
    [InlineData(0.97, DutyCycleMeaning.Current, 80_000)]
    [InlineData(0.9701, DutyCycleMeaning.Error, 0)]
    [InlineData(0.99, DutyCycleMeaning.Error, 0)]
    [InlineData(1.0, DutyCycleMeaning.PwmOff, 0)]
    public void Interpret_covers_every_band_edge(double duty, DutyCycleMeaning meaning, int milliamps)
    {
        Assert.Equal(new DutyCycleInterpretation(meaning, milliamps), PilotDutyCycle.Interpret(duty));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-0.0001)]
    [InlineData(1.0001)]
    [InlineData(double.PositiveInfinity)]
    public void Impossible_duties_are_rejected(double duty)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PilotDutyCycle.Interpret(duty));
    }

    [Fact]
    public void Every_milliamp_from_6_to_80_amps_round_trips_to_the_offered_current()
    {
        for (var mA = 6_000; mA <= 80_000; mA++)
        {
            var duty = PilotDutyCycle.DutyForCurrent(mA)!.Value;
            var back = PilotDutyCycle.Interpret(duty);
            Assert.Equal(DutyCycleMeaning.Current, back.Meaning);
            var offered = PilotDutyCycle.OfferedCurrent(mA);
            Assert.True(offered <= mA, $"{mA} mA offered {offered}");
            Assert.True(Math.Abs(back.CurrentMilliamps - offered) <= 1, $"{mA} mA: duty {duty} reads back {back.CurrentMilliamps}");
        }
    }
}
