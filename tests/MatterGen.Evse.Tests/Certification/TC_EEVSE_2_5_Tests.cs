using System.Threading.Tasks;
using MatterGen.Evse.Clusters;
using MatterGen.Interaction;
using Xunit;
using State = MatterGen.Evse.Clusters.EnergyEVSE.StateEnum;
using Supply = MatterGen.Evse.Clusters.EnergyEVSE.SupplyStateEnum;

namespace MatterGen.Evse.Tests.Certification;

/// <summary>TC-EEVSE-2.5: self-diagnostics.</summary>
public sealed class TC_EEVSE_2_5_Tests
{
    [Fact]
    public async Task TC_EEVSE_2_5_diagnostics_run_only_from_disabled()
    {
        using var bed = new EvseTestBed();
        var client = bed.Client;
        bed.BasicFunctionality();
        await bed.EnableChargingAsync(null, 6000, 60000);
        Assert.Equal(Supply.ChargingEnabled, await client.ReadSupplyStateAsync());

        // 2. Not while enabled.
        await bed.AssertRejectedAsync(MatterStatus.Failure, () => client.StartDiagnosticsAsync(new EnergyEVSE.StartDiagnosticsRequest()));

        // 3. Disable, then diagnostics.
        await bed.DisableAsync();
        Assert.Equal(State.NotPluggedIn, await client.ReadStateAsync());
        Assert.Equal(Supply.Disabled, await client.ReadSupplyStateAsync());
        await client.StartDiagnosticsAsync(new EnergyEVSE.StartDiagnosticsRequest());
        Assert.Equal(Supply.DisabledDiagnostics, await client.ReadSupplyStateAsync());

        // 4. No enabling during diagnostics.
        await bed.AssertRejectedAsync(MatterStatus.Failure, () => bed.EnableChargingAsync(null, 6000, 60000));

        // 5. Diagnostics complete: disabled, to be enabled again by the client.
        Assert.Equal(MatterStatus.Success, bed.Controller.DiagnosticsComplete());
        Assert.Equal(Supply.Disabled, await client.ReadSupplyStateAsync());
        Assert.Equal(MatterStatus.Failure, bed.Controller.DiagnosticsComplete());
    }
}
