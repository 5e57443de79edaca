using System;
using System.Threading.Tasks;
using MatterGen.Evse.Hardware.Sensors;
using MatterGen.Evse.Hardware.Station;
using MatterGen.Evse.Simulation;
using Xunit;
using Fault = MatterGen.Evse.Clusters.EnergyEVSE.FaultStateEnum;
using State = MatterGen.Evse.Clusters.EnergyEVSE.StateEnum;

namespace MatterGen.Evse.Hardware.Tests.Station;

/// <summary>The RCD self-test in the station: at start-up, before each session's first close, failure handling.</summary>
public class StationSelfTestTests
{
    [Fact]
    public void The_start_up_test_runs_in_the_first_steps_and_its_trip_is_no_fault()
    {
        using var rig = new StationRig();
        rig.Tick();
        Assert.Equal(ResidualCurrentSelfTestState.Running, rig.Station.ResidualCurrentSelfTest);
        Assert.True(rig.Sim.FaultSensors.TestCurrentInjected);
        rig.Run(TimeSpan.FromMilliseconds(100));
        Assert.Equal(ResidualCurrentSelfTestState.Passed, rig.Station.ResidualCurrentSelfTest);
        Assert.Equal(1, rig.Sim.FaultSensors.SelfTestCount);
        Assert.Equal(Fault.NoError, rig.Snapshot.FaultState);
        Assert.False(rig.Station.ChargePoint.ContactorHeldOpen);
    }

    [Fact]
    public async Task Every_plug_in_tests_the_RCD_before_the_contactor_first_closes()
    {
        var options = new EvseStationOptions();
        options.ResidualCurrentSelfTest.TripTimeout = TimeSpan.FromSeconds(2);
        using var rig = new StationRig(options);
        rig.Run(TimeSpan.FromSeconds(1));
        await rig.EnableChargingAsync();
        // A slow but healthy RCD: without the test the contactor would close well before it trips.
        rig.Sim.FaultSensors.TestTripDelay = TimeSpan.FromSeconds(1.5);
        rig.Ev.Plugged = rig.Ev.WantsCharge = true;
        var closedWhileTesting = false;
        for (var i = 0; i < 250; i++)
        {
            rig.Run(TimeSpan.FromMilliseconds(20));
            closedWhileTesting |= rig.Sim.Contactor.CoilEnergised && rig.Station.ResidualCurrentSelfTest != ResidualCurrentSelfTestState.Passed;
        }

        Assert.False(closedWhileTesting);
        Assert.Equal(2, rig.Sim.FaultSensors.SelfTestCount); // start-up and this plug-in
        Assert.True(rig.Snapshot.ContactorClosed);
        Assert.Equal(State.PluggedInCharging, rig.Snapshot.State);
    }

    [Theory]
    [InlineData(SimulatedRcdBehaviour.DoesNotTrip)]
    [InlineData(SimulatedRcdBehaviour.DoesNotClear)]
    public async Task A_failed_test_is_a_GroundFault_and_keeps_the_contactor_open_until_a_later_test_passes(SimulatedRcdBehaviour broken)
    {
        var options = new EvseStationOptions();
        options.ResidualCurrentSelfTest.RetryInterval = TimeSpan.FromMinutes(1);
        using var rig = new StationRig(options);
        rig.Sim.FaultSensors.RcdBehaviour = broken;
        await rig.EnableChargingAsync(); // before the fault: a faulted device refuses EnableCharging
        rig.Run(TimeSpan.FromSeconds(3));
        Assert.Equal(ResidualCurrentSelfTestState.Failed, rig.Station.ResidualCurrentSelfTest);
        Assert.NotNull(rig.Station.ResidualCurrentSelfTestFailure);
        Assert.Equal(Fault.GroundFault, rig.Snapshot.FaultState);

        rig.Ev.Plugged = rig.Ev.WantsCharge = true;
        rig.Run(TimeSpan.FromSeconds(10));
        Assert.False(rig.Sim.Contactor.CoilEnergised);
        Assert.Equal(State.Fault, rig.Snapshot.State);

        rig.Sim.FaultSensors.RcdBehaviour = SimulatedRcdBehaviour.Healthy; // repaired; the retry finds out
        rig.Run(TimeSpan.FromMinutes(1), TimeSpan.FromMilliseconds(100));
        Assert.Equal(ResidualCurrentSelfTestState.Passed, rig.Station.ResidualCurrentSelfTest);
        Assert.Equal(Fault.NoError, rig.Snapshot.FaultState);
        rig.Run(TimeSpan.FromSeconds(5));
        Assert.True(rig.Snapshot.ContactorClosed);
    }

    [Fact]
    public void A_real_trip_outside_the_test_is_still_a_GroundFault()
    {
        using var rig = new StationRig();
        rig.Run(TimeSpan.FromSeconds(1));
        rig.Sim.FaultSensors.ResidualCurrentTripped = true;
        rig.Run(TimeSpan.FromMilliseconds(20));
        Assert.Equal(Fault.GroundFault, rig.Snapshot.FaultState);
    }

    [Fact]
    public void Disabled_self_test_never_injects()
    {
        var options = new EvseStationOptions();
        options.ResidualCurrentSelfTest.Enabled = false;
        using var rig = new StationRig(options);
        rig.Ev.Plugged = true;
        rig.Run(TimeSpan.FromSeconds(1));
        Assert.Equal(0, rig.Sim.FaultSensors.SelfTestCount);
        Assert.Equal(ResidualCurrentSelfTestState.NotRun, rig.Station.ResidualCurrentSelfTest);
    }

    [Fact]
    public async Task StartDiagnostics_runs_the_RCD_self_test_and_then_returns_to_disabled()
    {
        using var rig = new StationRig();
        rig.Run(TimeSpan.FromSeconds(1));
        var testsBefore = rig.Sim.FaultSensors.SelfTestCount;

        await rig.Client.StartDiagnosticsAsync(new MatterGen.Evse.Clusters.EnergyEVSE.StartDiagnosticsRequest());
        Assert.Equal(MatterGen.Evse.Clusters.EnergyEVSE.SupplyStateEnum.DisabledDiagnostics, await rig.Client.ReadSupplyStateAsync());
        rig.Run(TimeSpan.FromSeconds(1));

        Assert.Equal(testsBefore + 1, rig.Sim.FaultSensors.SelfTestCount);
        Assert.Equal(ResidualCurrentSelfTestState.Passed, rig.Station.ResidualCurrentSelfTest);
        Assert.Equal(MatterGen.Evse.Clusters.EnergyEVSE.SupplyStateEnum.Disabled, await rig.Client.ReadSupplyStateAsync());
        Assert.Equal(Fault.NoError, rig.Snapshot.FaultState);
    }

    [Fact]
    public async Task A_failed_diagnostic_self_test_ends_diagnostics_with_a_GroundFault()
    {
        using var rig = new StationRig();
        rig.Run(TimeSpan.FromSeconds(1));
        rig.Sim.FaultSensors.RcdBehaviour = SimulatedRcdBehaviour.DoesNotTrip;

        await rig.Client.StartDiagnosticsAsync(new MatterGen.Evse.Clusters.EnergyEVSE.StartDiagnosticsRequest());
        rig.Run(TimeSpan.FromSeconds(3));

        Assert.Equal(ResidualCurrentSelfTestState.Failed, rig.Station.ResidualCurrentSelfTest);
        Assert.Equal(Fault.GroundFault, rig.Snapshot.FaultState);
        Assert.Equal(MatterGen.Evse.Clusters.EnergyEVSE.SupplyStateEnum.DisabledError, await rig.Client.ReadSupplyStateAsync());

        // Repaired: the retry passes, the fault clears, and the supply is Disabled (not back in diagnostics).
        rig.Sim.FaultSensors.RcdBehaviour = SimulatedRcdBehaviour.Healthy;
        rig.Run(TimeSpan.FromMinutes(6), TimeSpan.FromMilliseconds(100));
        Assert.Equal(Fault.NoError, rig.Snapshot.FaultState);
        Assert.Equal(MatterGen.Evse.Clusters.EnergyEVSE.SupplyStateEnum.Disabled, await rig.Client.ReadSupplyStateAsync());
    }
}
