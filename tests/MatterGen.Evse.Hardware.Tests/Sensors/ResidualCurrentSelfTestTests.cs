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
    private readonly FakeTimeProvider time = new();
    private readonly SimulatedFaultSensors rcd;
    private readonly ResidualCurrentSelfTest test;

    public ResidualCurrentSelfTestTests()
    {
        rcd = new SimulatedFaultSensors(time);
        test = new ResidualCurrentSelfTest(rcd, new ResidualCurrentSelfTestOptions { TripTimeout = TimeSpan.FromMilliseconds(100), ClearTimeout = TimeSpan.FromMilliseconds(500) }, time);
    }

    private ResidualCurrentSelfTestState RunFor(TimeSpan duration, TimeSpan step)
    {
        for (var t = TimeSpan.Zero; t < duration && test.State == ResidualCurrentSelfTestState.Running; t += step)
        {
            time.Advance(step);
            test.Step(rcd.Read().ResidualCurrentTripped);
        }

        return test.State;
    }

    [Theory]
    [InlineData(0, ResidualCurrentSelfTestState.Passed)]
    [InlineData(100, ResidualCurrentSelfTestState.Passed)] // seen at the step at exactly the limit
    [InlineData(120, ResidualCurrentSelfTestState.Failed)]
    public void The_trip_must_come_within_the_trip_timeout(int tripDelayMs, ResidualCurrentSelfTestState expected)
    {
        rcd.TestTripDelay = TimeSpan.FromMilliseconds(tripDelayMs);
        test.Start(rcd.Read().ResidualCurrentTripped);
        Assert.True(rcd.TestCurrentInjected);
        Assert.Equal(expected, RunFor(TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(20)));
        Assert.False(rcd.TestCurrentInjected); // released either way
        if (expected == ResidualCurrentSelfTestState.Failed)
        {
            Assert.Contains("did not trip within 100 ms", test.FailureReason);
        }
    }

    [Fact]
    public void A_dead_sensor_fails_at_the_trip_timeout()
    {
        rcd.RcdBehaviour = SimulatedRcdBehaviour.DoesNotTrip;
        test.Start(false);
        time.Advance(TimeSpan.FromMilliseconds(99));
        Assert.Equal(ResidualCurrentSelfTestState.Running, test.Step(rcd.Read().ResidualCurrentTripped));
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(ResidualCurrentSelfTestState.Failed, test.Step(rcd.Read().ResidualCurrentTripped));
        Assert.Equal(time.GetUtcNow(), test.CompletedAt);
    }

    [Fact]
    public void An_input_that_stays_tripped_fails_at_the_clear_timeout()
    {
        rcd.RcdBehaviour = SimulatedRcdBehaviour.DoesNotClear;
        test.Start(false);
        time.Advance(TimeSpan.FromMilliseconds(10));
        test.Step(rcd.Read().ResidualCurrentTripped); // tripped: release
        Assert.False(rcd.TestCurrentInjected);
        time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.Equal(ResidualCurrentSelfTestState.Running, test.Step(rcd.Read().ResidualCurrentTripped));
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(ResidualCurrentSelfTestState.Failed, test.Step(rcd.Read().ResidualCurrentTripped));
        Assert.Contains("stayed tripped", test.FailureReason);
    }

    [Fact]
    public void An_input_tripped_before_the_test_fails_without_injecting()
    {
        rcd.ResidualCurrentTripped = true;
        test.Start(rcd.Read().ResidualCurrentTripped);
        Assert.Equal(ResidualCurrentSelfTestState.Failed, test.State);
        Assert.Equal(0, rcd.SelfTestCount);
    }

    [Fact]
    public void Options_are_validated()
    {
        Assert.Throws<ArgumentException>(() => new ResidualCurrentSelfTest(rcd, new ResidualCurrentSelfTestOptions { TripTimeout = TimeSpan.Zero }, time));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Gpio_test_pin_starts_inactive_and_follows_its_polarity(bool activeHigh)
    {
        var driver = new RecordingGpioDriver();
        using var gpio = new GpioController(driver);
        using var sensors = new GpioFaultSensors(gpio, new GpioFaultSensorOptions { ResidualCurrentPin = 6, ResidualCurrentTestPin = 16, ResidualCurrentTestActiveHigh = activeHigh });
        var active = activeHigh ? PinValue.High : PinValue.Low;
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
