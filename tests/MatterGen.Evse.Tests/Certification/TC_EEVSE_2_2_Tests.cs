using System.Threading.Tasks;
using MatterGen.Evse.Clusters;
using Xunit;
using Reason = MatterGen.Evse.Clusters.EnergyEVSE.EnergyTransferStoppedReasonEnum;
using State = MatterGen.Evse.Clusters.EnergyEVSE.StateEnum;
using Supply = MatterGen.Evse.Clusters.EnergyEVSE.SupplyStateEnum;

namespace MatterGen.Evse.Tests.Certification;

/// <summary>TC-EEVSE-2.2: the core flow of plug-in, enable, demand, deadline, limits, unplug and disable.</summary>
public sealed class TC_EEVSE_2_2_Tests
{
    [Fact]
    public async Task Core_charging_flow()
    {
        using var bed = new EvseTestBed();
        var client = bed.Client;

        // 1–2. Basic functionality: nothing plugged in, disabled, no fault.
        bed.BasicFunctionality();
        Assert.Equal(State.NotPluggedIn, await client.ReadStateAsync());
        Assert.Equal(Supply.Disabled, await client.ReadSupplyStateAsync());
        Assert.Equal(EnergyEVSE.FaultStateEnum.NoError, await client.ReadFaultStateAsync());

        // 3. Plug in: EVConnected with the SessionID attribute's value; State 1.
        bed.PlugIn();
        var connected = EnergyEVSE.Client.DecodeEVConnected(await bed.SingleNewEventAsync(0x00));
        var sessionId = await client.ReadSessionIDAsync();
        Assert.Equal(sessionId, connected.SessionID);
        Assert.Equal(State.PluggedInNoDemand, await client.ReadStateAsync());

        // 4. EnableCharging for 5 s, 6 A to 60 A.
        var until = bed.InSeconds(5);
        await bed.EnableChargingAsync(until, 6000, 60000);

        // 5. Demand: transfer starts at min(60 A, circuit capacity).
        bed.Demand();
        var started = EnergyEVSE.Client.DecodeEnergyTransferStarted(await bed.SingleNewEventAsync(0x02));
        Assert.Equal(sessionId, started.SessionID);
        Assert.Equal(State.PluggedInCharging, started.State);
        Assert.Equal(32000, started.MaximumCurrent);
        Assert.Equal(State.PluggedInCharging, await client.ReadStateAsync());
        Assert.Equal(Supply.ChargingEnabled, await client.ReadSupplyStateAsync());
        Assert.Equal(until, await client.ReadChargingEnabledUntilAsync());
        Assert.Equal(6000, await client.ReadMinimumChargeCurrentAsync());
        Assert.Equal(32000, await client.ReadMaximumChargeCurrentAsync());

        // 6. After 7 s the deadline has passed: the EVSE stopped the transfer.
        bed.Wait(7);
        var stopped = EnergyEVSE.Client.DecodeEnergyTransferStopped(await bed.SingleNewEventAsync(0x03));
        Assert.Equal(State.PluggedInCharging, stopped.State);
        Assert.Equal(Reason.EVSEStopped, stopped.Reason);
        Assert.Equal(State.PluggedInDemand, await client.ReadStateAsync());
        Assert.Equal(Supply.Disabled, await client.ReadSupplyStateAsync());

        // 7. Enable indefinitely at 12 A: transfer starts again.
        await bed.EnableChargingAsync(null, 6000, 12000);
        Assert.Equal(State.PluggedInCharging, EnergyEVSE.Client.DecodeEnergyTransferStarted(await bed.SingleNewEventAsync(0x02)).State);
        Assert.Equal(Supply.ChargingEnabled, await client.ReadSupplyStateAsync());
        Assert.Null(await client.ReadChargingEnabledUntilAsync());

        // 8. The user limits the current to 6 A.
        await client.WriteUserMaximumChargeCurrentAsync(6000);
        bed.Wait(3);
        Assert.Equal(6000, await client.ReadMaximumChargeCurrentAsync());

        // 9. The EV stops asking: EVStopped; and again after a second demand.
        bed.DemandClear();
        Assert.Equal(Reason.EVStopped, EnergyEVSE.Client.DecodeEnergyTransferStopped(await bed.SingleNewEventAsync(0x03)).Reason);
        Assert.Equal(State.PluggedInNoDemand, await client.ReadStateAsync());
        bed.Demand();
        await bed.SingleNewEventAsync(0x02);
        bed.DemandClear();
        Assert.Equal(Reason.EVStopped, EnergyEVSE.Client.DecodeEnergyTransferStopped(await bed.SingleNewEventAsync(0x03)).Reason);

        // 10. Unplug: EVNotDetected with the state before; permission to charge survives.
        bed.Unplug();
        var notDetected = EnergyEVSE.Client.DecodeEVNotDetected(await bed.SingleNewEventAsync(0x01));
        Assert.Equal(sessionId, notDetected.SessionID);
        Assert.Equal(State.PluggedInNoDemand, notDetected.State);
        Assert.True(notDetected.SessionDuration.Value >= 5);
        Assert.True(notDetected.SessionEnergyCharged >= 0);
        Assert.Equal(State.NotPluggedIn, await client.ReadStateAsync());
        Assert.Equal(Supply.ChargingEnabled, await client.ReadSupplyStateAsync());
        Assert.Equal(sessionId, await client.ReadSessionIDAsync());
        Assert.True((await client.ReadSessionDurationAsync())!.Value.Value >= 5);

        // 11. Plug in again: a new session, one more than the last.
        bed.PlugIn();
        Assert.Equal(sessionId + 1, EnergyEVSE.Client.DecodeEVConnected(await bed.SingleNewEventAsync(0x00)).SessionID);
        bed.Demand();
        await bed.SingleNewEventAsync(0x02);
        Assert.Equal(sessionId + 1, await client.ReadSessionIDAsync());

        // 12. Disable while charging: EVSEStopped.
        await bed.DisableAsync();
        var disabled = EnergyEVSE.Client.DecodeEnergyTransferStopped(await bed.SingleNewEventAsync(0x03));
        Assert.Equal(State.PluggedInCharging, disabled.State);
        Assert.Equal(Reason.EVSEStopped, disabled.Reason);
        Assert.Equal(Supply.Disabled, await client.ReadSupplyStateAsync());
        bed.DemandClear();
        bed.Unplug();
        var last = await bed.NewEventsAsync();
        Assert.Equal(0x01u, Assert.Single(last).EventId);
    }
}
