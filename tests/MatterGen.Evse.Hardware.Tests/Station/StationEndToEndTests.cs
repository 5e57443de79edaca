using System;
using System.Linq;
using System.Threading.Tasks;
using MatterGen.Evse.Clusters;
using MatterGen.Evse.Hardware.Pilot;
using Xunit;
using Fault = MatterGen.Evse.Clusters.EnergyEVSE.FaultStateEnum;
using State = MatterGen.Evse.Clusters.EnergyEVSE.StateEnum;
using Supply = MatterGen.Evse.Clusters.EnergyEVSE.SupplyStateEnum;

namespace MatterGen.Evse.Hardware.Tests.Station;

public class StationEndToEndTests
{
    [Fact]
    public async Task A_whole_session_through_the_Matter_client_plug_enable_charge_fault_clear_unplug()
    {
        using var rig = new StationRig();
        Assert.Equal(State.NotPluggedIn, await rig.Client.ReadStateAsync());

        // Plug in: pilot B, the cluster sees a vehicle without demand.
        rig.Ev.Plugged = true;
        rig.Run(TimeSpan.FromMilliseconds(500));
        Assert.Equal(PilotState.B, rig.Snapshot.PilotState);
        Assert.Equal(State.PluggedInNoDemand, await rig.Client.ReadStateAsync());
        var sessionId = await rig.Client.ReadSessionIDAsync();
        Assert.NotNull(sessionId);

        // EnableCharging over Matter: the next step offers 16 A on the pilot.
        await rig.EnableChargingAsync(16_000);
        Assert.Equal(Supply.ChargingEnabled, await rig.Client.ReadSupplyStateAsync());
        Assert.Equal(16_000, await rig.Client.ReadMaximumChargeCurrentAsync());
        rig.Run(TimeSpan.FromMilliseconds(100));
        Assert.Equal(16_000, rig.Snapshot.OfferedCurrentMilliamps);
        Assert.False(rig.Snapshot.ContactorClosed);

        // Demand: pilot C, the contactor closes, the cluster charges.
        rig.Ev.WantsCharge = true;
        rig.Run(TimeSpan.FromSeconds(3));
        Assert.True(rig.Snapshot.ContactorClosed);
        Assert.True(rig.Sim.Contactor.CoilEnergised);
        Assert.Equal(State.PluggedInCharging, await rig.Client.ReadStateAsync());

        // Two simulated hours: energy and SoC rise, and the measured current is the offer.
        var socBefore = await rig.Client.ReadStateOfChargeAsync();
        rig.Run(TimeSpan.FromHours(2), TimeSpan.FromSeconds(1));
        var energy = await rig.Client.ReadSessionEnergyChargedAsync();
        var socAfter = await rig.Client.ReadStateOfChargeAsync();
        // 16 A × 230 V × (2 h + the 1 s charged before them) ≈ 7.361 kWh.
        Assert.InRange(energy!.Value, 7_355_000, 7_365_000);
        Assert.Equal((byte)20, socBefore);
        Assert.Equal((byte)32, socAfter); // 0.2 + 7.36 / 60
        Assert.Equal(16_000, rig.Snapshot.MeasuredCurrentMilliamps);
        Assert.Equal(energy.Value, rig.Snapshot.SessionEnergyMilliwattHours);

        // Ground fault: the contactor opens within one 20 ms step, the cluster shows GroundFault.
        rig.Sim.FaultSensors.ResidualCurrentTripped = true;
        rig.Run(TimeSpan.FromMilliseconds(20));
        Assert.False(rig.Sim.Contactor.CoilEnergised);
        Assert.False(rig.Sim.Contactor.ContactsClosed);
        Assert.Equal(Fault.GroundFault, await rig.Client.ReadFaultStateAsync());
        Assert.Equal(State.Fault, await rig.Client.ReadStateAsync());
        Assert.Equal(Supply.DisabledError, await rig.Client.ReadSupplyStateAsync());
        var energyAtFault = await rig.Client.ReadSessionEnergyChargedAsync();

        // Clear: the fault goes, charging resumes by itself.
        rig.Sim.FaultSensors.ResidualCurrentTripped = false;
        rig.Run(TimeSpan.FromSeconds(5));
        Assert.Equal(Fault.NoError, await rig.Client.ReadFaultStateAsync());
        Assert.Equal(Supply.ChargingEnabled, await rig.Client.ReadSupplyStateAsync());
        Assert.True(rig.Snapshot.ContactorClosed);
        rig.Run(TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(1));
        Assert.True(await rig.Client.ReadSessionEnergyChargedAsync() > energyAtFault);

        // Unplug: EVNotDetected with the session's energy, State NotPluggedIn, contactor open.
        rig.Ev.Plugged = false;
        rig.Run(TimeSpan.FromMilliseconds(200));
        Assert.False(rig.Snapshot.ContactorClosed);
        Assert.Equal(State.NotPluggedIn, await rig.Client.ReadStateAsync());
        var events = await rig.Transport.ReadEventsAsync(rig.Options.Endpoint, EnergyEVSE.ClusterId, 0);
        var notDetected = EnergyEVSE.Client.DecodeEVNotDetected(events.Last(e => e.EventId == EnergyEVSE.Events.EVNotDetected.Id));
        Assert.Equal(sessionId, notDetected.SessionID);
        Assert.Equal(await rig.Client.ReadSessionEnergyChargedAsync(), notDetected.SessionEnergyCharged);
        Assert.Contains(events, e => e.EventId == EnergyEVSE.Events.Fault.Id);
        Assert.Null(await rig.Client.ReadStateOfChargeAsync());
    }
}
