using System;
using MatterGen.Evse.Hardware.Metering;
using MatterGen.Evse.Hardware.Station;
using MatterGen.Evse.Metering;
using MatterGen.Interaction;
using Xunit;

namespace MatterGen.Evse.Hardware.Tests.Station;

/// <summary>The station's meter feeds the charger's electrical sensor: signed power while discharging, the counters from the registers.</summary>
public class StationElectricalSensorTests
{
    [Fact]
    public void The_meter_feeds_signed_power_and_exported_energy_to_the_sensor()
    {
        using var rig = new StationRig(new EvseStationOptions { DeviceKind = EvseDeviceKind.Bidirectional });
        var sensor = ElectricalSensorDevice.Create(bidirectional: true, serverOptions: new ClusterServerOptions { Time = rig.Time });
        using var feed = rig.Station.FeedElectricalSensor(sensor);
        rig.Ev.Plugged = true;
        rig.Run(TimeSpan.FromSeconds(2));

        // 10 A back into a 230 V grid for 30 minutes: 1.15 kWh exported.
        rig.Sim.Meter.ExportAmps = 10;
        rig.Run(TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(1));

        Assert.True(sensor.Power.ActivePower < 0);
        Assert.True(sensor.Power.ActiveCurrent < 0);
        var exported = ((BidirectionalEnergyMeasurementServer)sensor.Energy).CumulativeEnergyExported!.Energy;
        Assert.InRange(exported, 1_140_000, 1_151_000);
    }

    [Fact]
    public void Conversion_gives_the_clusters_units_and_the_current_the_powers_sign()
    {
        var reading = new MeterReading(230.4, 16.0, -3686.4, 12.5, DateTimeOffset.UnixEpoch, 0.75).ToElectricalReading();

        Assert.Equal(new ElectricalReading(230_400, -16_000, -3_686_400, 12_500_000, 750_000), reading);
    }
}
