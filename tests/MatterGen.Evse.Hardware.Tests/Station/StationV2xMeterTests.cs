using System;
using MatterGen.Evse.Device;
using MatterGen.Evse.Hardware.Station;
using Xunit;

namespace MatterGen.Evse.Hardware.Tests.Station;

/// <summary>Exported energy from the meter reaches SessionEnergyDischarged (bidirectional device).</summary>
public class StationV2xMeterTests
{
    [Fact]
    public async System.Threading.Tasks.Task Exported_energy_becomes_SessionEnergyDischarged()
    {
        using var rig = new StationRig(new EvseStationOptions { DeviceKind = EvseDeviceKind.Bidirectional });
        rig.Ev.Plugged = true;
        rig.Run(TimeSpan.FromSeconds(2));
        // 10 A back into a 230 V grid for 30 minutes: 1.15 kWh.
        rig.Sim.Meter.ExportAmps = 10;
        rig.Run(TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(1));
        var v2x = (IEnergyEvseV2X)rig.Station.Device.Server;
        long discharged;
        lock (rig.Station.Device.Server.SyncRoot)
        {
            discharged = v2x.SessionEnergyDischarged ?? -1;
        }

        Assert.InRange(discharged, 1_149_000, 1_151_000);
        Assert.Equal(0, rig.Snapshot.SessionEnergyMilliwattHours); // nothing imported

        var reading = await rig.Sim.Meter.ReadAsync();
        Assert.True(reading.PowerWatts < 0);
        Assert.Equal(10, reading.CurrentAmps, 9);
    }
}
