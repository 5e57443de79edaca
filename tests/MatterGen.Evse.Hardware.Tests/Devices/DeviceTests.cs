using System;
using System.Device.Gpio;
using MatterGen.Evse.Hardware.Control;
using MatterGen.Evse.Hardware.Devices;
using MatterGen.Evse.Hardware.Pilot;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace MatterGen.Evse.Hardware.Tests.Devices;

public class DeviceTests
{
    [Theory]
    [InlineData(0, 930)]
    [InlineData(3, 0)]
    [InlineData(7, 1023)]
    [InlineData(5, 512)]
    public void Mcp3008_sends_start_single_ended_channel_and_reads_10_bits(int channel, int value)
    {
        var spi = new FakeMcp3008Spi();
        spi.ChannelValues[channel] = value;
        using var adc = new Mcp3008(spi);
        Assert.Equal(value, adc.Read(channel));
        Assert.Equal(new byte[] { 0x01, (byte)(0x80 | channel << 4), 0x00 }, spi.Transfers[0]);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(8)]
    public void Mcp3008_rejects_bad_channels(int channel)
    {
        using var adc = new Mcp3008(new FakeMcp3008Spi());
        Assert.Throws<ArgumentOutOfRangeException>(() => adc.Read(channel));
    }

    [Fact]
    public void Burst_sampler_takes_max_and_min_as_the_plateaus()
    {
        var spi = new FakeMcp3008Spi();
        using var adc = new Mcp3008(spi);
        var calibration = new PilotCalibration(CountsAtMinus12Volts: 100, CountsAtPlus12Volts: 900);
        var i = 0;
        // A 26.7 % PWM at 9 V / -12 V: 800 counts span 24 V, so 9 V = 800 counts and -12 V = 100.
        var sampler = new AdcPilotSampler(() => { spi.ChannelValues[0] = i++ % 4 == 0 ? 800 : 100; return adc.Read(0); }, calibration, 100);
        var sample = sampler.Sample();
        Assert.Equal(9.0, sample.HighVolts, 9);
        Assert.Equal(-12.0, sample.LowVolts, 9);
        Assert.Equal(100, spi.Transfers.Count);
        Assert.Throws<ArgumentException>(() => new AdcPilotSampler(() => 0, new PilotCalibration(5, 5)));
    }

    [Fact]
    public void Contactor_opens_low_and_follows_commands()
    {
        var driver = new RecordingGpioDriver();
        using var gpio = new GpioController(driver);
        var contactor = new GpioContactor(gpio, new GpioContactorOptions { CoilPin = 17, FeedbackPin = 27 });
        Assert.Equal(PinMode.Output, driver.Modes[17]);
        Assert.Equal(PinMode.Input, driver.Modes[27]);
        Assert.Equal(PinValue.Low, driver.Values[17]);
        Assert.DoesNotContain(driver.Writes, w => w.Pin == 17 && w.Value == PinValue.High); // never glitched high
        contactor.Set(true);
        Assert.Equal((17, PinValue.High), driver.Writes[^1]);
        Assert.True(contactor.IsCommandedClosed);
        driver.Values[27] = PinValue.High;
        Assert.Equal(ContactorFeedback.Closed, contactor.Feedback);
        contactor.Dispose();
        Assert.Equal((17, PinValue.Low), driver.Writes[^1]);
    }

    [Fact]
    public void Contactor_without_feedback_reports_unknown()
    {
        using var gpio = new GpioController(new RecordingGpioDriver());
        using var contactor = new GpioContactor(gpio, new GpioContactorOptions { CoilPin = 5 });
        Assert.Equal(ContactorFeedback.Unknown, contactor.Feedback);
        Assert.Throws<ArgumentException>(() => new GpioContactor(gpio, new GpioContactorOptions { CoilPin = 6, FeedbackPin = 6 }));
    }

    [Fact]
    public void Supervisor_reports_weld_and_dry_contacts_after_the_settle_time()
    {
        var time = new FakeTimeProvider();
        var supervisor = new ContactorSupervisor(time, TimeSpan.FromSeconds(1));
        Assert.Null(supervisor.Check(true, ContactorFeedback.Open));
        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Null(supervisor.Check(true, ContactorFeedback.Open));
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(FaultKind.ContactDryFailure, supervisor.Check(true, ContactorFeedback.Open));
        Assert.Null(supervisor.Check(false, ContactorFeedback.Closed)); // a new command restarts the settle time
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(FaultKind.ContactWetFailure, supervisor.Check(false, ContactorFeedback.Closed));
        Assert.Null(supervisor.Check(false, ContactorFeedback.Open));
        Assert.Null(supervisor.Check(false, ContactorFeedback.Unknown));
    }

    [Fact]
    public void Pwm_pilot_runs_at_1_kHz_and_maps_outputs_to_duty()
    {
        var pwm = new RecordingPwmChannel();
        var pilot = new PwmControlPilot(pwm);
        Assert.Equal(1000, pwm.Frequency);
        Assert.True(pwm.Running);
        Assert.Equal(1.0, pwm.DutyCycle);
        pilot.Apply(new PilotOutput(PilotOutputMode.Pwm, PilotDutyCycle.DutyForCurrent(16_000)!.Value));
        Assert.Equal(16.0 / 60.0, pwm.DutyCycle, 12);
        pilot.Apply(PilotOutput.NotAvailable);
        Assert.Equal(0.0, pwm.DutyCycle);
        Assert.Throws<ArgumentOutOfRangeException>(() => pilot.Apply(new PilotOutput(PilotOutputMode.Pwm, 1.5)));
        pilot.Dispose();
        Assert.Equal(1.0, pwm.DutyCycle);
        Assert.False(pwm.Running);
    }
}
