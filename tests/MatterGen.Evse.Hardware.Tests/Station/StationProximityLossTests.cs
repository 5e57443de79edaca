using System;
using System.Threading.Tasks;
using MatterGen.Evse.Device;
using MatterGen.Evse.Hardware.Control;
using MatterGen.Evse.Hardware.Station;
using Xunit;
using Fault = MatterGen.Evse.Clusters.EnergyEVSE.FaultStateEnum;
using State = MatterGen.Evse.Clusters.EnergyEVSE.StateEnum;
using Supply = MatterGen.Evse.Clusters.EnergyEVSE.SupplyStateEnum;

namespace MatterGen.Evse.Hardware.Tests.Station;

/// <summary>Proximity-pilot loss mid-session (plug pulled, PP wire cut) on the simulated socket.</summary>
public class StationProximityLossTests
{
    private const double Cable32A = 220;

    private static async Task<StationRig> ChargingAsync()
    {
        var rig = new StationRig();
        rig.Sim.Cable.ResistanceOhms = Cable32A;
        rig.Ev.Plugged = rig.Ev.WantsCharge = true;
        await rig.EnableChargingAsync(16_000);
        rig.Run(TimeSpan.FromSeconds(5));
        Assert.True(rig.Snapshot.ContactorClosed);
        Assert.True(rig.Sim.Contactor.CoilEnergised);
        Assert.Equal(State.PluggedInCharging, rig.Snapshot.State);
        return rig;
    }

    private static void AssertEvDisconnectedFault(StationRig rig)
    {
        Assert.False(rig.Snapshot.ContactorClosed);
        Assert.False(rig.Sim.Contactor.CoilEnergised);
        Assert.Equal(Fault.EVDisconnected, rig.Snapshot.FaultState);
        Assert.Equal(State.Fault, rig.Snapshot.State);
        Assert.Equal(Supply.DisabledError, rig.Snapshot.SupplyState);
        Assert.Single(rig.Snapshot.ActiveFaults, f => f.Kind == FaultKind.EVDisconnected);
    }

    [Theory]
    [InlineData(double.PositiveInfinity)] // PP open: plug being pulled, PP wire cut
    [InlineData(5_000)] // between a cable and open: bad contact
    [InlineData(10)] // PP shorted to PE
    public async Task PP_lost_while_charging_opens_the_contactor_within_two_steps_and_shows_EVDisconnected(double ohms)
    {
        using var rig = await ChargingAsync();
        var writesBefore = rig.Sim.Contactor.CoilWrites;
        rig.Sim.Cable.ResistanceOhms = ohms;

        rig.Run(rig.Options.LoopInterval);
        Assert.True(rig.Snapshot.ContactorClosed); // one reading is not enough
        rig.Run(rig.Options.LoopInterval);
        Assert.False(rig.Snapshot.ContactorClosed, "still closed after two loop steps with PP lost");
        Assert.True(rig.Sim.Contactor.CoilWrites > writesBefore);
        AssertEvDisconnectedFault(rig);
        Assert.Equal(HardwareState.PluggedInDemand, rig.Station.Device.Controller.HardwareState); // the control pilot still shows the EV
    }

    [Fact]
    public async Task One_open_reading_followed_by_a_valid_one_does_not_trip()
    {
        using var rig = await ChargingAsync();
        for (var glitch = 0; glitch < 5; glitch++)
        {
            rig.Sim.Cable.ResistanceOhms = double.PositiveInfinity;
            rig.Run(rig.Options.LoopInterval);
            rig.Sim.Cable.ResistanceOhms = Cable32A;
            rig.Run(rig.Options.LoopInterval);
            Assert.True(rig.Snapshot.ContactorClosed, $"tripped on glitch {glitch}");
        }

        rig.Run(TimeSpan.FromSeconds(1));
        Assert.True(rig.Snapshot.ContactorClosed);
        Assert.Equal(Fault.NoError, rig.Snapshot.FaultState);
        Assert.Empty(rig.Snapshot.ActiveFaults);
    }

    [Fact]
    public async Task The_loss_latches_until_the_EV_is_unplugged_and_the_next_good_cable_charges_again()
    {
        using var rig = await ChargingAsync();
        rig.Sim.Cable.ResistanceOhms = double.PositiveInfinity;
        rig.Run(TimeSpan.FromMilliseconds(40));
        AssertEvDisconnectedFault(rig);

        // PP reading valid again (the plug pushed back in) does not clear it: only unplugging the EV does.
        rig.Sim.Cable.ResistanceOhms = Cable32A;
        rig.Run(TimeSpan.FromSeconds(3));
        AssertEvDisconnectedFault(rig);

        rig.Ev.Plugged = false;
        rig.Run(TimeSpan.FromSeconds(1));
        Assert.Equal(Fault.NoError, rig.Snapshot.FaultState);
        Assert.Empty(rig.Snapshot.ActiveFaults);
        Assert.Equal(State.NotPluggedIn, rig.Snapshot.State);

        rig.Ev.Plugged = true;
        rig.Run(TimeSpan.FromSeconds(5));
        Assert.True(rig.Snapshot.ContactorClosed);
        Assert.Equal(State.PluggedInCharging, rig.Snapshot.State);
        Assert.Equal(Supply.ChargingEnabled, rig.Snapshot.SupplyState);
        Assert.Equal(16_000, rig.Snapshot.OfferedCurrentMilliamps);
    }

    [Fact]
    public async Task PP_loss_is_detected_again_in_the_next_session()
    {
        using var rig = await ChargingAsync();
        rig.Sim.Cable.ResistanceOhms = double.PositiveInfinity;
        rig.Run(TimeSpan.FromMilliseconds(40));
        AssertEvDisconnectedFault(rig);
        rig.Ev.Plugged = false;
        rig.Run(TimeSpan.FromSeconds(1));
        rig.Sim.Cable.ResistanceOhms = Cable32A;
        rig.Ev.Plugged = true;
        rig.Run(TimeSpan.FromSeconds(5));
        Assert.True(rig.Snapshot.ContactorClosed);

        rig.Sim.Cable.ResistanceOhms = double.PositiveInfinity;
        rig.Run(TimeSpan.FromMilliseconds(40));
        AssertEvDisconnectedFault(rig);
    }

    [Fact]
    public async Task An_EV_waiting_in_B_with_PP_lost_is_also_a_fault()
    {
        using var rig = new StationRig();
        rig.Ev.Plugged = true;
        await rig.EnableChargingAsync(16_000);
        rig.Run(TimeSpan.FromSeconds(2));
        Assert.Equal(State.PluggedInNoDemand, rig.Snapshot.State);
        rig.Sim.Cable.ResistanceOhms = double.PositiveInfinity;
        rig.Run(TimeSpan.FromMilliseconds(40));
        Assert.Equal(Fault.EVDisconnected, rig.Snapshot.FaultState);
        Assert.Equal(0, rig.Snapshot.OfferedCurrentMilliamps);

        // The EV then asks to charge: the latched fault keeps the contactor open.
        rig.Ev.WantsCharge = true;
        rig.Run(TimeSpan.FromSeconds(5));
        Assert.False(rig.Snapshot.ContactorClosed);
        Assert.Equal(Fault.EVDisconnected, rig.Snapshot.FaultState);
    }

    [Fact]
    public async Task An_open_PP_already_at_plug_in_offers_nothing_and_is_no_fault()
    {
        using var rig = new StationRig();
        rig.Sim.Cable.ResistanceOhms = double.PositiveInfinity;
        await rig.EnableChargingAsync(16_000);
        rig.Ev.Plugged = rig.Ev.WantsCharge = true;
        rig.Run(TimeSpan.FromSeconds(10));
        Assert.Equal(0, rig.Snapshot.MaximumChargeCurrentMilliamps);
        Assert.Equal(0, rig.Snapshot.OfferedCurrentMilliamps);
        Assert.False(rig.Snapshot.ContactorClosed);
        Assert.Equal(Fault.NoError, rig.Snapshot.FaultState);
        Assert.Empty(rig.Snapshot.ActiveFaults);
        Assert.NotEqual(State.Fault, rig.Snapshot.State);
        Assert.Equal(1, rig.Sim.Cable.Reads); // read at plug-in only: an unusable cable is not supervised
    }

    [Fact]
    public async Task PP_is_read_every_step_only_while_an_EV_is_connected_with_a_valid_cable()
    {
        using var rig = new StationRig();
        rig.Run(TimeSpan.FromSeconds(1));
        Assert.Equal(0, rig.Sim.Cable.Reads); // no EV: nothing to supervise

        using var charging = await ChargingAsync();
        var before = charging.Sim.Cable.Reads;
        charging.Run(TimeSpan.FromMilliseconds(200));
        Assert.Equal(before + 10, charging.Sim.Cable.Reads);

        charging.Ev.Plugged = false;
        charging.Run(TimeSpan.FromSeconds(1));
        var unplugged = charging.Sim.Cable.Reads;
        charging.Run(TimeSpan.FromSeconds(1));
        Assert.Equal(unplugged, charging.Sim.Cable.Reads);
    }

    [Fact]
    public async Task A_tethered_cable_is_never_supervised_through_PP()
    {
        using var rig = new StationRig(new EvseStationOptions { CableAssemblyLimitMilliamps = 16_000 });
        await rig.EnableChargingAsync(16_000);
        rig.Ev.Plugged = rig.Ev.WantsCharge = true;
        rig.Run(TimeSpan.FromSeconds(5));
        rig.Sim.Cable.ResistanceOhms = double.PositiveInfinity;
        rig.Run(TimeSpan.FromSeconds(1));
        Assert.True(rig.Snapshot.ContactorClosed);
        Assert.Equal(0, rig.Sim.Cable.Reads);
        Assert.DoesNotContain(rig.Snapshot.ActiveFaults, f => f.Kind == FaultKind.EVDisconnected);
        Assert.Equal(Fault.NoError, rig.Snapshot.FaultState);
    }
}
