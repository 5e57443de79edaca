using System.Threading.Tasks;
using MatterGen.Evse.Clusters;
using MatterGen.Evse.TestEvents;
using MatterGen.Interaction;
using Xunit;
using State = MatterGen.Evse.Clusters.EnergyEVSE.StateEnum;
using Supply = MatterGen.Evse.Clusters.EnergyEVSE.SupplyStateEnum;

namespace MatterGen.Evse.Tests.Certification;

/// <summary>TC-EEVSE-2.5, StartDiagnostics (src/python_testing/TC_EEVSE_2_5.py; PICS EEVSE.S.C04.Rsp), step by step.</summary>
public sealed class TC_EEVSE_2_5_Tests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TC_EEVSE_2_5(bool bidirectional)
    {
        using var bed = new EvseTestBed(bidirectional);
        var client = bed.Client;

        // Step 1: commissioning. Step 2.
        await bed.CheckTestEventTriggersEnabledAsync();

        // Step 3: basic functionality. Step 3a-3c.
        await bed.BasicAsync();
        Assert.Equal(State.NotPluggedIn, await client.ReadStateAsync());
        Assert.Equal(Supply.Disabled, await client.ReadSupplyStateAsync());
        Assert.Equal(EnergyEVSE.FaultStateEnum.NoError, await client.ReadFaultStateAsync());

        // Step 4: EnableCharging(null, 6 A, 60 A). Step 4a-4b.
        await bed.EnableChargingAsync(null, 6000, 60000);
        Assert.Equal(State.NotPluggedIn, await client.ReadStateAsync());
        Assert.Equal(Supply.ChargingEnabled, await client.ReadSupplyStateAsync());

        // Step 5: StartDiagnostics while enabled: FAILURE.
        await EvseTestBed.ExpectStatusAsync(MatterStatus.Failure, () => client.StartDiagnosticsAsync(new EnergyEVSE.StartDiagnosticsRequest()));

        // Step 6: Disable. Step 6a-6b.
        await bed.DisableAsync();
        Assert.Equal(State.NotPluggedIn, await client.ReadStateAsync());
        Assert.Equal(Supply.Disabled, await client.ReadSupplyStateAsync());

        // Step 7: StartDiagnostics. Step 7a.
        await client.StartDiagnosticsAsync(new EnergyEVSE.StartDiagnosticsRequest());
        Assert.Equal(Supply.DisabledDiagnostics, await client.ReadSupplyStateAsync());

        // Step 8: EnableCharging during diagnostics: FAILURE. Step 8a.
        await EvseTestBed.ExpectStatusAsync(MatterStatus.Failure, () => bed.EnableChargingAsync(null, 6000, 60000));
        Assert.Equal(Supply.DisabledDiagnostics, await client.ReadSupplyStateAsync());

        // Step 9: diagnostics complete. Step 9a-9b: disabled, until a client enables again.
        await bed.TriggerAsync(EnergyEvseTestEventTriggers.EVSEDiagnosticsComplete);
        Assert.Equal(State.NotPluggedIn, await client.ReadStateAsync());
        Assert.Equal(Supply.Disabled, await client.ReadSupplyStateAsync());

        // Step 10: basic functionality clear. No vehicle came: no event at all.
        await bed.BasicClearAsync();
        await bed.AssertNoQueuedEventsAsync();
    }
}
