using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using MatterGen.Evse.Clusters;
using Xunit;
using State = MatterGen.Evse.Clusters.EnergyEVSE.StateEnum;

namespace MatterGen.Evse.Hardware.Tests.Station;

/// <summary>
/// The station as it ships (default options: the meter read every second) keeps the quieter-reporting rule that
/// TC-EEVSE-2.6 checks: at most 2 reports of each session value in 12 s of charging, and the session's end reported
/// within 5 s of the unplug.
/// </summary>
public class StationReportingTests
{
    [Fact]
    public async Task Session_values_are_reported_quietly_while_charging_and_at_once_when_the_vehicle_leaves()
    {
        using var rig = new StationRig();
        var counts = new Dictionary<uint, int>();
        rig.Station.Device.Server.AttributeReported += change => counts[change.AttributeId] = counts.GetValueOrDefault(change.AttributeId) + 1;
        rig.Ev.Plugged = true;
        rig.Ev.WantsCharge = true;
        await rig.EnableChargingAsync(16_000);
        rig.Run(TimeSpan.FromSeconds(5));
        Assert.Equal(State.PluggedInCharging, rig.Snapshot.State);

        counts.Clear();
        rig.Run(TimeSpan.FromSeconds(12));
        Assert.InRange(counts.GetValueOrDefault(EnergyEVSE.Attributes.SessionDuration.Id), 0, 2);
        Assert.InRange(counts.GetValueOrDefault(EnergyEVSE.Attributes.SessionEnergyCharged.Id), 0, 2);
        Assert.InRange(counts.GetValueOrDefault(EnergyEVSE.Attributes.SessionEnergyDischarged.Id), 0, 2);
        Assert.Equal(0, counts.GetValueOrDefault(EnergyEVSE.Attributes.SessionID.Id));
        Assert.True(await rig.Client.ReadSessionEnergyChargedAsync() > 0, "the meter did count energy meanwhile");

        counts.Clear();
        rig.Ev.Plugged = false;
        rig.Run(TimeSpan.FromSeconds(5));
        Assert.True(counts.GetValueOrDefault(EnergyEVSE.Attributes.SessionDuration.Id) >= 1);
        Assert.True(counts.GetValueOrDefault(EnergyEVSE.Attributes.SessionEnergyCharged.Id) >= 1);
        Assert.Equal(0, counts.GetValueOrDefault(EnergyEVSE.Attributes.SessionID.Id));
    }
}
