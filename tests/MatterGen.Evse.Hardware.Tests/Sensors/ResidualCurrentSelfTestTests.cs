using System;
using System.Device.Gpio;
using MatterGen.Evse.Hardware.Sensors;
using MatterGen.Evse.Hardware.Tests.Devices;
using MatterGen.Evse.Simulation;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace MatterGen.Evse.Hardware.Tests.Sensors;

public class ResidualCurrentSelfTestTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly SimulatedFaultSensors _rcd;
    private readonly ResidualCurrentSelfTest _test;

    public ResidualCurrentSelfTestTests()
    {
        _rcd = new SimulatedFaultSensors(_time);
        _test = new ResidualCurrentSelfTest(_rcd, new ResidualCurrentSelfTestOptions { TripTimeout = TimeSpan.FromMilliseconds(100), ClearTimeout = TimeSpan.FromMilliseconds(500) }, _time);
    }

    private ResidualCurrentSelfTestState RunFor(TimeSpan duration, TimeSpan step)
    {
        for (TimeSpan t = TimeSpan.Zero; t < duration && _test.State == ResidualCurrentSelfTestState.Running; t += step)
        {
            _time.Advance(step);
            _test.Step(_rcd.Read().ResidualCurrentTripped);
        }

        return _test.State;
    }

    [Theory]
    [InlineData(0, ResidualCurrentSelfTestState.Passed)]
    [InlineData(100, ResidualCurrentSelfTestState.Passed)] // seen at the step at exactly the limit
    [InlineData(120, ResidualCurrentSelfTestState.Failed)]
    public void The_trip_must_come_within_the_trip_timeout(int tripDelayMs, ResidualCurrentSelfTestState expected)
    {
        _rcd.TestTripDelay = TimeSpan.FromMilliseconds(tripDelayMs);
        _test.Start(_rcd.Read().ResidualCurrentTripped);
        Assert.True(_rcd.TestCurrentInjected);
        Assert.Equal(expected, RunFor(TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(20)));
        Assert.False(_rcd.TestCurrentInjected); // released either way
        if (expected == ResidualCurrentSelfTestState.Failed) Assert.Contains("did not trip within 100 ms", _test.FailureReason);
    }

    [Fact]
    public void A_dead_sensor_fails_at_the_trip_timeout()
    {
        _rcd.RcdBehaviour = SimulatedRcdBehaviour.DoesNotTrip;
        _test.Start(false);
        _time.Advance(TimeSpan.FromMilliseconds(99));
        Assert.Equal(ResidualCurrentSelfTestState.Running, _test.Step(_rcd.Read().ResidualCurrentTripped));
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(ResidualCurrentSelfTestState.Failed, _test.Step(_rcd.Read().ResidualCurrentTripped));
        Assert.Equal(_time.GetUtcNow(), _test.CompletedAt);
    }

    [Fact]
    public void An_input_that_stays_tripped_fails_at_the_clear_timeout()
    {
        _rcd.RcdBehaviour = SimulatedRcdBehaviour.DoesNotClear;
        _test.Start(false);
        _time.Advance(TimeSpan.FromMilliseconds(10));
        _test.Step(_rcd.Read().ResidualCurrentTripped); // tripped: release
        Assert.False(_rcd.TestCurrentInjected);
        _time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.Equal(ResidualCurrentSelfTestState.Running, _test.Step(_rcd.Read().ResidualCurrentTripped));
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(ResidualCurrentSelfTestState.Failed, _test.Step(_rcd.Read().ResidualCurrentTripped));
        Assert.Contains("stayed tripped", _test.FailureReason);
    }

    [Fact]
    public void An_input_tripped_before_the_test_fails_without_injecting()
    {
        _rcd.ResidualCurrentTripped = true;
        _test.Start(_rcd.Read().ResidualCurrentTripped);
        Assert.Equal(ResidualCurrentSelfTestState.Failed, _test.State);
        Assert.Equal(0, _rcd.SelfTestCount);
    }

    [Fact]
    public void Options_are_validated()
    {
        Assert.Throws<ArgumentException>(() => new ResidualCurrentSelfTest(_rcd, new ResidualCurrentSelfTestOptions { TripTimeout = TimeSpan.Zero }, _time));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Gpio_test_pin_starts_inactive_and_follows_its_polarity(bool activeHigh)
    {
        var driver = new RecordingGpioDriver();
        using var gpio = new GpioController(driver);
        using var sensors = new GpioFaultSensors(gpio, new GpioFaultSensorOptions { ResidualCurrentPin = 6, ResidualCurrentTestPin = 16, ResidualCurrentTestActiveHigh = activeHigh });
        PinValue active = activeHigh ? PinValue.High : PinValue.Low;
        Assert.True(sensors.CanSelfTestResidualCurrent);
        Assert.Equal(PinMode.Output, driver.Modes[16]);
        Assert.NotEqual(active, driver.Values[16]);
        sensors.SetResidualCurrentTest(true);
        Assert.Equal(active, driver.Values[16]);
        sensors.SetResidualCurrentTest(false);
        Assert.NotEqual(active, driver.Values[16]);
    }

    [Fact]
    public void Gpio_sensors_without_a_test_pin_cannot_self_test_and_reject_a_shared_pin()
    {
        var driver = new RecordingGpioDriver();
        using var gpio = new GpioController(driver);
        using (var sensors = new GpioFaultSensors(gpio, new GpioFaultSensorOptions { ResidualCurrentPin = 6 }))
        {
            Assert.False(sensors.CanSelfTestResidualCurrent);
        }

        Assert.Throws<ArgumentException>(() => new GpioFaultSensors(gpio, new GpioFaultSensorOptions { ResidualCurrentPin = 7, ResidualCurrentTestPin = 7 }));
    }
}
