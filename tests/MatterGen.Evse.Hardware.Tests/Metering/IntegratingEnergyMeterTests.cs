using System;
using System.Threading.Tasks;
using MatterGen.Evse.Hardware.Metering;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace MatterGen.Evse.Hardware.Tests.Metering;

public class IntegratingEnergyMeterTests
{
    [Fact]
    public async Task Integrates_power_over_fake_time()
    {
        var time = new FakeTimeProvider();
        var meter = new IntegratingEnergyMeter(time);
        meter.Update(230.0, 16.0);
        time.Advance(TimeSpan.FromHours(2));
        meter.Update(230.0, 8.0);
        time.Advance(TimeSpan.FromMinutes(30));
        var r = await meter.ReadAsync();
        Assert.Equal(230.0 * 16.0 * 2 / 1000 + 230.0 * 8.0 * 0.5 / 1000, r.ImportedEnergyKilowattHours, 9);
        Assert.Equal(1840.0, r.PowerWatts, 9);
        Assert.Equal(time.GetUtcNow(), r.Timestamp);
    }

    [Theory]
    [InlineData(-1.0, 1.0)]
    [InlineData(1.0, double.NaN)]
    [InlineData(double.PositiveInfinity, 1.0)]
    public void Rejects_impossible_measurements(double volts, double amps)
    {
        var meter = new IntegratingEnergyMeter(new FakeTimeProvider());
        Assert.Throws<ArgumentOutOfRangeException>(() => meter.Update(volts, amps));
    }
}
