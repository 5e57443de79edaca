using System.Threading.Tasks;
using MatterGen.Evse.Tests.Certification;
using MatterGen.Interaction;
using Xunit;
using Fault = MatterGen.Evse.Clusters.EnergyEVSE.FaultStateEnum;
using State = MatterGen.Evse.Clusters.EnergyEVSE.StateEnum;
using Supply = MatterGen.Evse.Clusters.EnergyEVSE.SupplyStateEnum;

namespace MatterGen.Evse.Tests.Device;

/// <summary>
/// Device rules beyond the certification scripts, driven as the hardware drives them (controller inputs) and
/// checked through the generated client.
/// </summary>
public sealed class HardwareInputTests
{
    [Fact]
    public async Task Unplugging_during_a_fault_reports_the_fault_state_and_clearing_restores_not_plugged_in()
    {
        using var bed = new EvseTestBed();
        await bed.BasicAsync();
        await bed.PlugInAsync();
        await bed.EnableChargingAsync(null, 6000, 16000);
        await bed.DemandAsync();
        Assert.Equal(MatterStatus.Success, bed.Controller.RaiseFault(Fault.GroundFault));
        await bed.NextEVConnectedAsync();
        await bed.NextEnergyTransferStartedAsync();
        await bed.NextFaultAsync();

        Assert.Equal(MatterStatus.Success, bed.Controller.SetHardwareState(Evse.Device.HardwareState.NotPluggedIn));
        Assert.Equal(State.Fault, (await bed.NextEVNotDetectedAsync()).State);
        Assert.Equal(State.Fault, await bed.Client.ReadStateAsync());

        Assert.Equal(MatterStatus.Success, bed.Controller.ClearFault());
        Assert.Equal(State.NotPluggedIn, await bed.Client.ReadStateAsync());
        Assert.Equal(Supply.ChargingEnabled, await bed.Client.ReadSupplyStateAsync());
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

    [Fact]
    public async Task A_vehicle_id_over_32_bytes_is_refused_and_an_empty_one_clears_it()
    {
        using var bed = new EvseTestBed();
        Assert.Equal(MatterStatus.Success, bed.Controller.SetVehicleId("EV-1"));
        Assert.Equal(MatterStatus.Failure, bed.Controller.SetVehicleId(new string('x', 33)));
        Assert.Equal("EV-1", await bed.Client.ReadVehicleIDAsync());
        Assert.Equal(MatterStatus.Success, bed.Controller.SetVehicleId(string.Empty));
        Assert.Null(await bed.Client.ReadVehicleIDAsync());
    }

    [Fact]
    public async Task A_card_uid_over_10_bytes_is_refused_without_an_event()
    {
        using var bed = new EvseTestBed(bidirectional: false);
        Assert.Equal(MatterStatus.Failure, bed.Controller.ReadRfid(new byte[11]));
        await bed.AssertNoQueuedEventsAsync();
    }
}
