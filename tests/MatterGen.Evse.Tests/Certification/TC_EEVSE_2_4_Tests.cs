using System.Threading.Tasks;
using MatterGen.Evse.Clusters;
using MatterGen.Interaction;
using Xunit;
using Fault = MatterGen.Evse.Clusters.EnergyEVSE.FaultStateEnum;
using State = MatterGen.Evse.Clusters.EnergyEVSE.StateEnum;
using Supply = MatterGen.Evse.Clusters.EnergyEVSE.SupplyStateEnum;

namespace MatterGen.Evse.Tests.Certification;

/// <summary>TC-EEVSE-2.4: faults raise Fault events, force State Fault and SupplyState DisabledError, and restore on clear.</summary>
public sealed class TC_EEVSE_2_4_Tests
{
    [Fact]
    public async Task TC_EEVSE_2_4_faults_raise_events_and_restore_the_state_when_cleared()
    {
        using var bed = new EvseTestBed();
        var client = bed.Client;
        bed.BasicFunctionality();
        bed.PlugIn();
        var sessionId = await client.ReadSessionIDAsync();
        await bed.EnableChargingAsync(null, 6000, 60000);
        bed.Demand();
        Assert.Equal(State.PluggedInCharging, await client.ReadStateAsync());
        await bed.NewEventsAsync();

        // 2. Ground fault.
        Assert.Equal(MatterStatus.Success, bed.Controller.RaiseFault(Fault.GroundFault));
        var ground = EnergyEVSE.Client.DecodeFault(await bed.SingleNewEventAsync(0x04));
        Assert.Equal(sessionId, ground.SessionID);
        Assert.Equal(State.PluggedInCharging, ground.State);
        Assert.Equal(Fault.NoError, ground.FaultStatePreviousState);
        Assert.Equal(Fault.GroundFault, ground.FaultStateCurrentState);
        Assert.Equal(State.Fault, await client.ReadStateAsync());
        Assert.Equal(Supply.DisabledError, await client.ReadSupplyStateAsync());

        // The same fault again is not a change.
        Assert.Equal(MatterStatus.Failure, bed.Controller.RaiseFault(Fault.GroundFault));

        // 3. Over-temperature on top.
        bed.Controller.RaiseFault(Fault.OverTemperature);
        var hot = EnergyEVSE.Client.DecodeFault(await bed.SingleNewEventAsync(0x04));
        Assert.Equal(State.Fault, hot.State);
        Assert.Equal(Fault.GroundFault, hot.FaultStatePreviousState);
        Assert.Equal(Fault.OverTemperature, hot.FaultStateCurrentState);

        // Commands that would enable are refused while faulted, and change nothing.
        await bed.AssertRejectedAsync(MatterStatus.Failure, () => bed.EnableChargingAsync(null, 6000, 16000));
        await bed.AssertRejectedAsync(MatterStatus.Failure, () => bed.DisableAsync());

        // 4. Cleared: the state from before the first fault comes back.
        bed.Controller.ClearFault();
        var cleared = EnergyEVSE.Client.DecodeFault(await bed.SingleNewEventAsync(0x04));
        Assert.Equal(State.Fault, cleared.State);
        Assert.Equal(Fault.OverTemperature, cleared.FaultStatePreviousState);
        Assert.Equal(Fault.NoError, cleared.FaultStateCurrentState);
        Assert.Equal(State.PluggedInCharging, await client.ReadStateAsync());
        Assert.Equal(Supply.ChargingEnabled, await client.ReadSupplyStateAsync());
        bed.DemandClear();
        bed.Unplug();
    }

    [Fact]
    public async Task Unplugging_during_a_fault_reports_the_fault_state_and_clearing_restores_not_plugged_in()
    {
        using var bed = new EvseTestBed();
        bed.BasicFunctionality();
        bed.PlugIn();
        await bed.EnableChargingAsync(null, 6000, 16000);
        bed.Demand();
        bed.Controller.RaiseFault(Fault.GroundFault);
        await bed.NewEventsAsync();

        bed.Unplug();
        var notDetected = EnergyEVSE.Client.DecodeEVNotDetected(await bed.SingleNewEventAsync(0x01));
        Assert.Equal(State.Fault, notDetected.State);
        Assert.Equal(State.Fault, await bed.Client.ReadStateAsync());

        bed.Controller.ClearFault();
        Assert.Equal(State.NotPluggedIn, await bed.Client.ReadStateAsync());
        Assert.Equal(Supply.ChargingEnabled, await bed.Client.ReadSupplyStateAsync());
    }
}
