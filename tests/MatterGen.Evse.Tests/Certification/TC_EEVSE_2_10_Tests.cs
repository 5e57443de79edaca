using System;
using System.Threading.Tasks;
using MatterGen.DataModel;
using Xunit;
using Fault = MatterGen.Evse.Clusters.EnergyEVSE.FaultStateEnum;
using Reason = MatterGen.Evse.Clusters.EnergyEVSE.EnergyTransferStoppedReasonEnum;
using State = MatterGen.Evse.Clusters.EnergyEVSE.StateEnum;
using Supply = MatterGen.Evse.Clusters.EnergyEVSE.SupplyStateEnum;

namespace MatterGen.Evse.Tests.Certification;

/// <summary>
/// TC-EEVSE-2.10, bidirectional charging (src/python_testing/TC_EEVSE_2_10.py; PICS EEVSE.S.F04), step by step.
/// Where the script and the specification part: when the charging deadline passes in step 10 while energy
/// flows, the EVSE stops the transfer, and the specification requires an EnergyTransferStopped event for that
/// (reason EVSEStopped). The script takes no event until EVNotDetected in step 13, so its queue would hand it
/// this event first; the test takes and checks it at step 10, where it happens.
/// </summary>
public sealed class TC_EEVSE_2_10_Tests
{
    [Fact]
    public async Task TC_EEVSE_2_10()
    {
        using var bed = new EvseTestBed(bidirectional: true);
        var client = bed.Client;

        // Step 1: commissioning. Step 1a: event subscription (the bed's queue). Step 2.
        await bed.CheckTestEventTriggersEnabledAsync();

        // Step 3: basic functionality. Step 3a-3c.
        await bed.BasicAsync();
        Assert.Equal(State.NotPluggedIn, await client.ReadStateAsync());
        Assert.Equal(Supply.Disabled, await client.ReadSupplyStateAsync());
        Assert.Equal(Fault.NoError, await client.ReadFaultStateAsync());

        // Step 4: plugged in; EVConnected. Step 4a.
        await bed.PlugInAsync();
        var sessionId = (await bed.NextEVConnectedAsync()).SessionID;
        Assert.Equal(State.PluggedInNoDemand, await client.ReadStateAsync());

        // Step 5: EnableCharging until 10 s from now, 6 A to 60 A. Step 6a.
        var chargingUntil = bed.InSeconds(10);
        await bed.EnableChargingAsync(chargingUntil, 6000, 60000);
        Assert.Equal(Supply.ChargingEnabled, await client.ReadSupplyStateAsync());

        // Step 7: EnableDischarging until 5 s from now, 32 A. Step 7a-7g.
        var dischargingUntil = bed.InSeconds(5);
        await bed.EnableDischargingAsync(dischargingUntil, 32000);
        Assert.Equal(Supply.Enabled, await client.ReadSupplyStateAsync());
        Assert.Equal(chargingUntil, await client.ReadChargingEnabledUntilAsync());
        Assert.Equal(6000, await client.ReadMinimumChargeCurrentAsync());
        var circuitCapacity = await client.ReadCircuitCapacityAsync();
        var expectedCharge = Math.Min(60000, circuitCapacity);
        Assert.Equal(expectedCharge, await client.ReadMaximumChargeCurrentAsync());
        Assert.Equal(dischargingUntil, await client.ReadDischargingEnabledUntilAsync());
        var expectedDischarge = Math.Min(32000, circuitCapacity);
        Assert.Equal(expectedDischarge, await client.ReadMaximumDischargeCurrentAsync());

        // Step 8: demand; EnergyTransferStarted with both maxima of step 7.
        await bed.DemandAsync();
        var started = await bed.NextEnergyTransferStartedAsync();
        Assert.Equal(expectedCharge, started.MaximumCurrent);
        Assert.Equal(expectedDischarge, started.MaximumDischargeCurrent);

        // Step 9: 7 s: discharging lapsed, charging goes on. Step 9a-9f.
        bed.Wait(7);
        Assert.Equal(Supply.ChargingEnabled, await client.ReadSupplyStateAsync());
        Assert.Equal(chargingUntil, await client.ReadChargingEnabledUntilAsync());
        Assert.Equal(6000, await client.ReadMinimumChargeCurrentAsync());
        Assert.Equal(expectedCharge, await client.ReadMaximumChargeCurrentAsync());
        Assert.Equal(new EpochSeconds(0), await client.ReadDischargingEnabledUntilAsync());
        Assert.Equal(0, await client.ReadMaximumDischargeCurrentAsync());

        // Step 10: 5 s more: charging lapsed too; the transfer stopped (see the class remarks). Step 10a-10d.
        bed.Wait(5);
        EvseTestBed.ValidateStopped(await bed.NextEnergyTransferStoppedAsync(), sessionId, State.PluggedInCharging, Reason.EVSEStopped);
        Assert.Equal(Supply.Disabled, await client.ReadSupplyStateAsync());
        Assert.Equal(new EpochSeconds(0), await client.ReadChargingEnabledUntilAsync());
        Assert.Equal(0, await client.ReadMinimumChargeCurrentAsync());
        Assert.Equal(0, await client.ReadMaximumChargeCurrentAsync());

        // Step 11: EnableDischarging(null, 12 A). Step 11a-11f.
        await bed.EnableDischargingAsync(null, 12000);
        Assert.Equal(Supply.DischargingEnabled, await client.ReadSupplyStateAsync());
        Assert.Equal(new EpochSeconds(0), await client.ReadChargingEnabledUntilAsync());
        Assert.Equal(0, await client.ReadMinimumChargeCurrentAsync());
        Assert.Equal(0, await client.ReadMaximumChargeCurrentAsync());
        Assert.Null(await client.ReadDischargingEnabledUntilAsync());
        Assert.Equal(Math.Min(12000, circuitCapacity), await client.ReadMaximumDischargeCurrentAsync());

        // Step 12: Disable. Step 12a-12f.
        await bed.DisableAsync();
        Assert.Equal(Supply.Disabled, await client.ReadSupplyStateAsync());
        Assert.Equal(new EpochSeconds(0), await client.ReadChargingEnabledUntilAsync());
        Assert.Equal(0, await client.ReadMinimumChargeCurrentAsync());
        Assert.Equal(0, await client.ReadMaximumChargeCurrentAsync());
        Assert.Equal(new EpochSeconds(0), await client.ReadDischargingEnabledUntilAsync());
        Assert.Equal(0, await client.ReadMaximumDischargeCurrentAsync());

        // Step 13: plugged-in clear; EVNotDetected. Step 14: basic functionality clear.
        await bed.PlugInClearAsync();
        EvseTestBed.ValidateNotDetected(await bed.NextEVNotDetectedAsync(), sessionId, State.PluggedInDemand, minimumDuration: 0, minimumCharged: 0);
        await bed.BasicClearAsync();
        await bed.AssertNoQueuedEventsAsync();
    }
}
