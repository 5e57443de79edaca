using System.Threading.Tasks;
using MatterGen.Evse.Clusters;
using Xunit;
using Reason = MatterGen.Evse.Clusters.EnergyEVSE.EnergyTransferStoppedReasonEnum;
using State = MatterGen.Evse.Clusters.EnergyEVSE.StateEnum;
using Supply = MatterGen.Evse.Clusters.EnergyEVSE.SupplyStateEnum;

namespace MatterGen.Evse.Tests.Certification;

/// <summary>
/// TC-EEVSE-2.2, primary functionality (connectedhomeip src/python_testing/TC_EEVSE_2_2.py), step by step with
/// the script's numbering: test event triggers through General Diagnostics, every read, the event queue as the
/// script's subscription sees it, every status. Runs on both chargers of the package.
/// </summary>
public sealed class TC_EEVSE_2_2_Tests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TC_EEVSE_2_2(bool bidirectional)
    {
        using var bed = new EvseTestBed(bidirectional);
        var client = bed.Client;

        // Step 1: commissioning (the bed's node); the event subscription is the bed's queue.
        // Step 2: TestEventTriggersEnabled is true.
        await bed.CheckTestEventTriggersEnabledAsync();

        // Step 3: basic functionality trigger; "after a few seconds" (the script sleeps 1 s).
        await bed.BasicAsync();
        bed.Wait(1);

        // Step 3a-3c.
        Assert.Equal(State.NotPluggedIn, await client.ReadStateAsync());
        Assert.Equal(Supply.Disabled, await client.ReadSupplyStateAsync());
        Assert.Equal(EnergyEVSE.FaultStateEnum.NoError, await client.ReadFaultStateAsync());

        // Step 4: plugged-in trigger; EVConnected.
        await bed.PlugInAsync();
        var connected = await bed.NextEVConnectedAsync();

        // Step 4a.
        Assert.Equal(State.PluggedInNoDemand, await client.ReadStateAsync());

        // Step 4b: SessionID noted; the EVConnected event carries it.
        var sessionId = await client.ReadSessionIDAsync();
        Assert.NotNull(sessionId);
        Assert.Equal(sessionId, connected.SessionID);

        // Step 5: EnableCharging until 5 s from now, 6 A to 60 A.
        const int chargingDuration = 5;
        var until = bed.InSeconds(chargingDuration);
        await bed.EnableChargingAsync(until, 6000, 60000);

        // Step 6: charge demand trigger; EnergyTransferStarted.
        await bed.DemandAsync();
        var started = await bed.NextEnergyTransferStartedAsync();

        // Step 6a-6d.
        Assert.Equal(State.PluggedInCharging, await client.ReadStateAsync());
        Assert.Equal(Supply.ChargingEnabled, await client.ReadSupplyStateAsync());
        Assert.Equal(until, await client.ReadChargingEnabledUntilAsync());
        Assert.Equal(6000, await client.ReadMinimumChargeCurrentAsync());

        // Step 6e: MaximumChargeCurrent = min(commanded, CircuitCapacity); the started event agrees.
        var circuitCapacity = await client.ReadCircuitCapacityAsync();
        var expectedMaximum = System.Math.Min(60000, circuitCapacity);
        Assert.Equal(expectedMaximum, await client.ReadMaximumChargeCurrentAsync());
        EvseTestBed.ValidateStarted(started, sessionId, State.PluggedInCharging, expectedMaximum);

        // Step 7: wait the charging duration plus 2 s; the deadline stopped the transfer (EVSEStopped).
        bed.Wait(chargingDuration + 2);
        EvseTestBed.ValidateStopped(await bed.NextEnergyTransferStoppedAsync(), sessionId, State.PluggedInCharging, Reason.EVSEStopped);

        // Step 7a-7b.
        Assert.Equal(State.PluggedInDemand, await client.ReadStateAsync());
        Assert.Equal(Supply.Disabled, await client.ReadSupplyStateAsync());

        // Step 8: EnableCharging(null, 6 A, 12 A); EnergyTransferStarted.
        await bed.EnableChargingAsync(null, 6000, 12000);
        started = await bed.NextEnergyTransferStartedAsync();

        // Step 8a-8e.
        Assert.Equal(State.PluggedInCharging, await client.ReadStateAsync());
        Assert.Equal(Supply.ChargingEnabled, await client.ReadSupplyStateAsync());
        Assert.Null(await client.ReadChargingEnabledUntilAsync());
        Assert.Equal(6000, await client.ReadMinimumChargeCurrentAsync());
        circuitCapacity = await client.ReadCircuitCapacityAsync();
        expectedMaximum = System.Math.Min(12000, circuitCapacity);
        Assert.Equal(expectedMaximum, await client.ReadMaximumChargeCurrentAsync());
        EvseTestBed.ValidateStarted(started, sessionId, State.PluggedInCharging, expectedMaximum);

        // Step 9: UserMaximumChargeCurrent is in the AttributeList, so it is written (6 A).
        Assert.Contains(EnergyEVSE.Attributes.UserMaximumChargeCurrent.Id, await bed.ReadAttributeListAsync());
        await client.WriteUserMaximumChargeCurrentAsync(6000);

        // Step 9a: after 3 s MaximumChargeCurrent = min(6 A, CircuitCapacity).
        bed.Wait(3);
        expectedMaximum = System.Math.Min(6000, circuitCapacity);
        Assert.Equal(expectedMaximum, await client.ReadMaximumChargeCurrentAsync());

        // Step 10: charge demand clear; EnergyTransferStopped (EVStopped).
        await bed.DemandClearAsync();
        EvseTestBed.ValidateStopped(await bed.NextEnergyTransferStoppedAsync(), sessionId, State.PluggedInCharging, Reason.EVStopped);

        // Step 10a.
        Assert.Equal(State.PluggedInNoDemand, await client.ReadStateAsync());

        // Step 11: demand again, then EnableCharging again: exactly one EnergyTransferStarted, at the user's 6 A.
        await bed.DemandAsync();
        await bed.EnableChargingAsync(null, 6000, 12000);
        EvseTestBed.ValidateStarted(await bed.NextEnergyTransferStartedAsync(), sessionId, State.PluggedInCharging, expectedMaximum);

        // Step 11a.
        Assert.Equal(State.PluggedInCharging, await client.ReadStateAsync());

        // Step 12: demand clear; the next event is EnergyTransferStopped (EVStopped): no second Started before it.
        await bed.DemandClearAsync();
        EvseTestBed.ValidateStopped(await bed.NextEnergyTransferStoppedAsync(), sessionId, State.PluggedInCharging, Reason.EVStopped);

        // Step 12a.
        Assert.Equal(State.PluggedInNoDemand, await client.ReadStateAsync());

        // Step 13: plugged-in clear; EVNotDetected with the state before and the session's totals.
        await bed.PlugInClearAsync();
        EvseTestBed.ValidateNotDetected(await bed.NextEVNotDetectedAsync(), sessionId, State.PluggedInNoDemand, minimumDuration: 0, minimumCharged: 0);

        // Step 13a-13c: no vehicle, charging still enabled, the session id kept.
        Assert.Equal(State.NotPluggedIn, await client.ReadStateAsync());
        Assert.Equal(Supply.ChargingEnabled, await client.ReadSupplyStateAsync());
        Assert.Equal(sessionId, await client.ReadSessionIDAsync());

        // Step 13d: SessionDuration >= the charging duration.
        Assert.True((await client.ReadSessionDurationAsync())!.Value.Value >= chargingDuration);

        // Step 14: plugged-in trigger; a new session, one more than the last.
        await bed.PlugInAsync();
        sessionId++;
        Assert.Equal(sessionId, (await bed.NextEVConnectedAsync()).SessionID);

        // Step 14a: demand; EnergyTransferStarted (charging is still enabled).
        await bed.DemandAsync();
        EvseTestBed.ValidateStarted(await bed.NextEnergyTransferStartedAsync(), sessionId, State.PluggedInCharging, expectedMaximum);

        // Step 14b.
        Assert.Equal(sessionId, await client.ReadSessionIDAsync());

        // Step 15: Disable; EnergyTransferStopped (EVSEStopped) with the state before.
        await bed.DisableAsync();
        EvseTestBed.ValidateStopped(await bed.NextEnergyTransferStoppedAsync(), sessionId, State.PluggedInCharging, Reason.EVSEStopped);

        // Step 15a.
        Assert.Equal(Supply.Disabled, await client.ReadSupplyStateAsync());

        // Step 16: demand clear (no transfer to stop: no event).
        await bed.DemandClearAsync();

        // Step 17: plugged-in clear; EVNotDetected.
        await bed.PlugInClearAsync();
        EvseTestBed.ValidateNotDetected(await bed.NextEVNotDetectedAsync(), sessionId, State.PluggedInNoDemand, minimumDuration: 0, minimumCharged: 0);

        // Step 18: basic functionality clear.
        await bed.BasicClearAsync();
        await bed.AssertNoQueuedEventsAsync();
    }
}
