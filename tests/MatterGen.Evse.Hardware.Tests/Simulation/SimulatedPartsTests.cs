using System;
using System.Device.Gpio;
using System.Threading.Tasks;
using MatterGen.Evse.Hardware.Control;
using MatterGen.Evse.Hardware.Devices;
using MatterGen.Evse.Hardware.Metering;
using MatterGen.Evse.Simulation;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace MatterGen.Evse.Hardware.Tests.Simulation;

public class SimulatedPartsTests
{
    [Fact]
    public void The_simulated_contactor_follows_its_coil_unless_welded_or_failing_to_close()
    {
        var driver = new SimulatedContactorDriver(17, 27);
        using var gpio = new GpioController(driver);
        using var contactor = new GpioContactor(gpio, new GpioContactorOptions { CoilPin = 17, FeedbackPin = 27 });
        Assert.Equal(ContactorFeedback.Open, contactor.Feedback);

        contactor.Set(true);
        Assert.True(driver.ContactsClosed);
        Assert.Equal(ContactorFeedback.Closed, contactor.Feedback);

        driver.Welded = true;
        contactor.Set(false);
        Assert.False(driver.CoilEnergised);
        Assert.True(driver.ContactsClosed);
        Assert.Equal(ContactorFeedback.Closed, contactor.Feedback);

        driver.Welded = false;
        driver.FailsToClose = true;
        contactor.Set(true);
        Assert.True(driver.CoilEnergised);
        Assert.False(driver.ContactsClosed);
        Assert.Equal(ContactorFeedback.Open, contactor.Feedback);
        Assert.Equal(4, driver.CoilWrites); // the low at open, then three commands
        Assert.Throws<ArgumentException>(() => new SimulatedContactorDriver(3, 3));
    }

    [Theory]
    [InlineData(1.0, PilotOutputMode.Standby)]
    [InlineData(0.0, PilotOutputMode.NotAvailable)]
    [InlineData(0.25, PilotOutputMode.Pwm)]
    public void The_simulated_PWM_channel_tells_what_the_pilot_carries(double duty, PilotOutputMode mode)
    {
        var pwm = new SimulatedPwmChannel();
        using var pilot = new PwmControlPilot(pwm);
        Assert.Equal(1000, pwm.Frequency);
        pilot.Apply(new PilotOutput(mode, duty));
        Assert.Equal(mode, pwm.PilotOutput.Mode);
        Assert.Equal(duty, pwm.PilotOutput.DutyCycle);
        pwm.Stop();
        Assert.Equal(PilotOutputMode.Standby, pwm.PilotOutput.Mode); // a stopped channel leaves the buffer at +12 V
    }

    [Fact]
    public async Task The_simulated_meter_integrates_and_can_stop_answering()
    {
        var time = new FakeTimeProvider();
        var meter = new SimulatedMeter(time);
        meter.Update(230, 10);
        time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(2.3, (await meter.ReadAsync()).ImportedEnergyKilowattHours, 9);

        meter.Responding = false;
        time.Advance(TimeSpan.FromHours(1));
        var failure = await Assert.ThrowsAsync<MeterFailureException>(() => meter.ReadAsync().AsTask());
        Assert.Equal(FaultKind.MeterFailure, failure.Fault);
        Assert.IsType<TimeoutException>(failure.InnerException);

        meter.Responding = true;
        Assert.Equal(4.6, (await meter.ReadAsync()).ImportedEnergyKilowattHours, 9); // energy kept counting
    }
}
