using System.Threading.Tasks;
using MatterGen.DataModel;
using MatterGen.Evse.Clusters;
using Xunit;
using Reason = MatterGen.Evse.Clusters.EnergyEVSE.EnergyTransferStoppedReasonEnum;
using Supply = MatterGen.Evse.Clusters.EnergyEVSE.SupplyStateEnum;

namespace MatterGen.Evse.Tests.Certification;

/// <summary>TC-EEVSE-2.10: V2X, where each side's deadline lapses on its own.</summary>
public sealed class TC_EEVSE_2_10_Tests
{
    [Fact]
    public async Task Charging_and_discharging_deadlines_lapse_separately()
    {
        using var bed = new EvseTestBed();
        var client = bed.Client;
        bed.BasicFunctionality();
        Assert.Equal(Supply.Disabled, await client.ReadSupplyStateAsync());
        bed.PlugIn();

        // 2–3. Charging for 15 s, discharging for 5 s: both enabled.
        var chargeUntil = bed.InSeconds(15);
        await bed.EnableChargingAsync(chargeUntil, 6000, 60000);
        Assert.Equal(Supply.ChargingEnabled, await client.ReadSupplyStateAsync());
        var dischargeUntil = bed.InSeconds(5);
        await client.EnableDischargingAsync(new EnergyEVSE.EnableDischargingRequest { DischargingEnabledUntil = dischargeUntil, MaximumDischargeCurrent = 32000 });
        Assert.Equal(Supply.Enabled, await client.ReadSupplyStateAsync());
        Assert.Equal(chargeUntil, await client.ReadChargingEnabledUntilAsync());
        Assert.Equal(6000, await client.ReadMinimumChargeCurrentAsync());
        Assert.Equal(32000, await client.ReadMaximumChargeCurrentAsync());
        Assert.Equal(dischargeUntil, await client.ReadDischargingEnabledUntilAsync());
        Assert.Equal(32000, await client.ReadMaximumDischargeCurrentAsync());
        await bed.NewEventsAsync();

        // 4. Demand: started with both limits.
        bed.Demand();
        var started = EnergyEVSE.Client.DecodeEnergyTransferStarted(await bed.SingleNewEventAsync(0x02));
        Assert.Equal(32000, started.MaximumCurrent);
        Assert.Equal(32000, started.MaximumDischargeCurrent);

        // 5. After 7 s only discharging has lapsed.
        bed.Wait(7);
        Assert.Equal(Supply.ChargingEnabled, await client.ReadSupplyStateAsync());
        Assert.Equal(chargeUntil, await client.ReadChargingEnabledUntilAsync());
        Assert.Equal(32000, await client.ReadMaximumChargeCurrentAsync());
        Assert.Equal(new EpochSeconds(0), await client.ReadDischargingEnabledUntilAsync());
        Assert.Equal(0, await client.ReadMaximumDischargeCurrentAsync());

        // 6. After 10 more s charging has lapsed too: everything off, and the transfer stopped.
        bed.Wait(10);
        Assert.Equal(Supply.Disabled, await client.ReadSupplyStateAsync());
        Assert.Equal(new EpochSeconds(0), await client.ReadChargingEnabledUntilAsync());
        Assert.Equal(0, await client.ReadMinimumChargeCurrentAsync());
        Assert.Equal(0, await client.ReadMaximumChargeCurrentAsync());
        Assert.Equal(Reason.EVSEStopped, EnergyEVSE.Client.DecodeEnergyTransferStopped(await bed.SingleNewEventAsync(0x03)).Reason);

        // 7. Discharging alone, indefinitely.
        await client.EnableDischargingAsync(new EnergyEVSE.EnableDischargingRequest { DischargingEnabledUntil = null, MaximumDischargeCurrent = 12000 });
        Assert.Equal(Supply.DischargingEnabled, await client.ReadSupplyStateAsync());
        Assert.Equal(0, await client.ReadMaximumChargeCurrentAsync());
        Assert.Null(await client.ReadDischargingEnabledUntilAsync());
        Assert.Equal(12000, await client.ReadMaximumDischargeCurrentAsync());

        // 8. Disable: all off.
        await bed.DisableAsync();
        Assert.Equal(Supply.Disabled, await client.ReadSupplyStateAsync());
        Assert.Equal(0, await client.ReadMaximumDischargeCurrentAsync());
        bed.DemandClear();
        bed.Unplug();
    }

    [Fact]
    public async Task Without_a_synchronized_clock_deadlines_are_rechecked_every_30_seconds()
    {
        var synchronized = false;
        using var bed = new EvseTestBed(configure: options => options.IsTimeSynchronized = () => synchronized);
        await bed.EnableChargingAsync(bed.InSeconds(5), 6000, 16000);

        bed.Wait(40);
        Assert.Equal(Supply.ChargingEnabled, await bed.Client.ReadSupplyStateAsync());

        synchronized = true;
        bed.Wait(30);
        Assert.Equal(Supply.Disabled, await bed.Client.ReadSupplyStateAsync());
    }
}
