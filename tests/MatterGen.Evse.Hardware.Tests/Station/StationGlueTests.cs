using System;
using System.Threading.Tasks;
using MatterGen.Evse.Device;
using MatterGen.Evse.Hardware.Control;
using MatterGen.Evse.Hardware.Station;
using MatterGen.Evse.Simulation;
using Xunit;
using Fault = MatterGen.Evse.Clusters.EnergyEVSE.FaultStateEnum;
using State = MatterGen.Evse.Clusters.EnergyEVSE.StateEnum;
using Supply = MatterGen.Evse.Clusters.EnergyEVSE.SupplyStateEnum;

namespace MatterGen.Evse.Hardware.Tests.Station;

public class StationGlueTests
{
    private static async Task<StationRig> ChargingAsync(EvseStationOptions? options = null)
    {
        var rig = new StationRig(options);
        rig.Ev.Plugged = true;
        rig.Ev.WantsCharge = true;
        await rig.EnableChargingAsync(16_000);
        rig.Run(TimeSpan.FromSeconds(5));
        Assert.True(rig.Snapshot.ContactorClosed);
        Assert.Equal(State.PluggedInCharging, rig.Snapshot.State);
        return rig;
    }

    [Theory]
    [InlineData(false, false, State.NotPluggedIn)]
    [InlineData(true, false, State.PluggedInNoDemand)]
    [InlineData(true, true, State.PluggedInDemand)]
    public void Pilot_states_become_the_hardware_state(bool plugged, bool wantsCharge, State expected)
    {
        using var rig = new StationRig();
        rig.Ev.Plugged = plugged;
        rig.Ev.WantsCharge = wantsCharge;
        rig.Run(TimeSpan.FromSeconds(1));
        Assert.Equal(expected, rig.Snapshot.State);
        Assert.Equal(expected switch
        {
            State.NotPluggedIn => HardwareState.NotPluggedIn,
            State.PluggedInNoDemand => HardwareState.PluggedInNoDemand,
            _ => HardwareState.PluggedInDemand,
        }, rig.Station.Device.Controller.HardwareState);
        Assert.False(rig.Snapshot.ContactorClosed); // supply never enabled
    }

    [Fact]
    public async Task State_D_with_ventilation_charges_and_without_it_is_a_fault()
    {
        var vented = new EvseStationOptions();
        vented.ChargePoint.VentilationAvailable = true;
        using (var rig = new StationRig(vented))
        {
            rig.Ev.Plugged = rig.Ev.WantsCharge = rig.Ev.RequiresVentilation = true;
            await rig.EnableChargingAsync();
            rig.Run(TimeSpan.FromSeconds(5));
            Assert.True(rig.Snapshot.ContactorClosed);
            Assert.Equal(State.PluggedInCharging, rig.Snapshot.State);
        }

        using (var rig = new StationRig())
        {
            rig.Ev.Plugged = rig.Ev.WantsCharge = rig.Ev.RequiresVentilation = true;
            await rig.EnableChargingAsync();
            rig.Run(TimeSpan.FromSeconds(5));
            Assert.False(rig.Snapshot.ContactorClosed);
            Assert.Equal(Fault.Other, rig.Snapshot.FaultState);
        }
    }

    public static TheoryData<string, Fault> Faults => new()
    {
        { "rcd", Fault.GroundFault },
        { "earth", Fault.GroundFault },
        { "estop", Fault.EmergencyStop },
        { "hot", Fault.OverTemperature },
        { "meter", Fault.MeterFailure },
        { "pilot-short", Fault.PilotShortCircuit },
        { "diode", Fault.Other },
        { "overdraw", Fault.OverCurrent },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Every_fault_source_opens_the_contactor_within_100_ms_and_shows_its_FaultState(string source, Fault expected)
    {
        using var rig = await ChargingAsync();
        var writesBefore = rig.Sim.Contactor.CoilWrites;
        var start = rig.Time.GetUtcNow();
        var allowed = TimeSpan.FromMilliseconds(100);
        switch (source)
        {
            case "rcd": rig.Sim.FaultSensors.ResidualCurrentTripped = true; break;
            case "earth": rig.Sim.FaultSensors.ProtectiveEarthMissing = true; break;
            case "estop": rig.Sim.FaultSensors.EmergencyStopPressed = true; break;
            case "hot": rig.Sim.FaultSensors.TemperatureCelsius = 85; break;
            case "meter":
                // Detected at the next read (1 s): the fault itself then opens at once.
                rig.Sim.Meter.Responding = false;
                allowed = rig.Options.MeterInterval + allowed;
                break;
            case "pilot-short": rig.Ev.PilotShortedToEarth = true; break;
            case "diode": rig.Ev.DiodeShorted = true; break;
            case "overdraw":
                rig.Ev.OverdrawMilliamps = 5_000;
                allowed = rig.Options.ChargePoint.OverCurrentTime + rig.Options.MeterInterval + allowed;
                break;
        }

        while (rig.Snapshot.ContactorClosed && rig.Time.GetUtcNow() - start <= allowed)
        {
            rig.Run(rig.Options.LoopInterval);
        }

        Assert.False(rig.Snapshot.ContactorClosed, $"still closed after {rig.Time.GetUtcNow() - start}");
        rig.Run(TimeSpan.FromMilliseconds(600)); // the cause may need its debounce before it is named (pilot short: 500 ms)
        Assert.False(rig.Sim.Contactor.CoilEnergised);
        Assert.True(rig.Sim.Contactor.CoilWrites > writesBefore);
        Assert.Equal(expected, rig.Snapshot.FaultState);
        Assert.Equal(State.Fault, rig.Snapshot.State);
        Assert.Equal(Supply.DisabledError, rig.Snapshot.SupplyState);
    }

    [Fact]
    public async Task Sensor_and_meter_faults_clear_when_their_cause_goes_and_charging_resumes()
    {
        using var rig = await ChargingAsync();
        rig.Sim.FaultSensors.EmergencyStopPressed = true;
        rig.Sim.Meter.Responding = false;
        rig.Run(TimeSpan.FromSeconds(2));
        Assert.Equal(Fault.EmergencyStop, rig.Snapshot.FaultState); // the first still shows
        Assert.False(rig.Snapshot.MeterResponding);
        Assert.Equal(2, rig.Snapshot.ActiveFaults.Count);

        rig.Sim.FaultSensors.EmergencyStopPressed = false;
        rig.Run(TimeSpan.FromMilliseconds(100));
        Assert.Equal(Fault.MeterFailure, rig.Snapshot.FaultState); // the remaining one takes over
        rig.Sim.Meter.Responding = true;
        rig.Run(TimeSpan.FromSeconds(5));
        Assert.Equal(Fault.NoError, rig.Snapshot.FaultState);
        Assert.Equal(Supply.ChargingEnabled, rig.Snapshot.SupplyState);
        Assert.True(rig.Snapshot.ContactorClosed);
        Assert.Equal(State.PluggedInCharging, rig.Snapshot.State);
    }

    [Fact]
    public async Task Over_temperature_has_hysteresis()
    {
        using var rig = await ChargingAsync();
        rig.Sim.FaultSensors.TemperatureCelsius = 80;
        rig.Run(TimeSpan.FromMilliseconds(40));
        Assert.Equal(Fault.OverTemperature, rig.Snapshot.FaultState);
        rig.Sim.FaultSensors.TemperatureCelsius = 75;
        rig.Run(TimeSpan.FromSeconds(1));
        Assert.Equal(Fault.OverTemperature, rig.Snapshot.FaultState);
        rig.Sim.FaultSensors.TemperatureCelsius = 69.5;
        rig.Run(TimeSpan.FromMilliseconds(40));
        Assert.Equal(Fault.NoError, rig.Snapshot.FaultState);
    }

    [Fact]
    public async Task A_welded_contactor_latches_ContactWetFailure_until_reset()
    {
        using var rig = await ChargingAsync();
        rig.Sim.Contactor.Welded = true;
        rig.Ev.WantsCharge = false;
        rig.Run(TimeSpan.FromSeconds(2));
        Assert.False(rig.Sim.Contactor.CoilEnergised);
        Assert.True(rig.Sim.Contactor.ContactsClosed);
        Assert.Equal(Fault.ContactWetFailure, rig.Snapshot.FaultState);

        rig.Sim.Contactor.Welded = false; // repaired
        rig.Run(TimeSpan.FromSeconds(5));
        Assert.Equal(Fault.ContactWetFailure, rig.Snapshot.FaultState);
        rig.Station.ResetLatchedFaults();
        rig.Run(TimeSpan.FromMilliseconds(100));
        Assert.Equal(Fault.NoError, rig.Snapshot.FaultState);
    }

    [Fact]
    public async Task A_contactor_that_fails_to_close_is_ContactDryFailure_and_the_coil_is_released()
    {
        var rig = new StationRig();
        using (rig)
        {
            rig.Sim.Contactor.FailsToClose = true;
            rig.Ev.Plugged = rig.Ev.WantsCharge = true;
            await rig.EnableChargingAsync();
            rig.Run(TimeSpan.FromSeconds(3));
            Assert.Equal(Fault.ContactDryFailure, rig.Snapshot.FaultState);
            Assert.False(rig.Sim.Contactor.CoilEnergised);
            Assert.Equal(0, rig.Ev.CurrentMilliamps);
        }
    }

    [Fact]
    public async Task The_offer_follows_MaximumChargeCurrent_from_commands_user_limit_and_cable()
    {
        using var rig = await ChargingAsync(new EvseStationOptions { CableAssemblyLimitMilliamps = 20_000 });
        Assert.Equal(16_000, rig.Snapshot.OfferedCurrentMilliamps);

        await rig.Client.WriteUserMaximumChargeCurrentAsync(10_000);
        rig.Run(TimeSpan.FromMilliseconds(20));
        Assert.Equal(10_000, rig.Snapshot.MaximumChargeCurrentMilliamps);
        Assert.Equal(10_000, rig.Snapshot.OfferedCurrentMilliamps); // lowering is immediate

        await rig.Client.WriteUserMaximumChargeCurrentAsync(80_000);
        await rig.EnableChargingAsync(32_000);
        rig.Run(TimeSpan.FromSeconds(6)); // raising waits for the 5 s duty rule
        Assert.Equal(20_000, rig.Snapshot.MaximumChargeCurrentMilliamps); // the cable limits
        Assert.Equal(20_000, rig.Snapshot.OfferedCurrentMilliamps);
    }

    [Fact]
    public async Task Disable_withdraws_PWM_and_the_contactor_opens_when_the_EV_stops()
    {
        using var rig = await ChargingAsync();
        await rig.Client.DisableAsync(new());
        rig.Run(TimeSpan.FromMilliseconds(20));
        Assert.Equal(0, rig.Snapshot.OfferedCurrentMilliamps);
        Assert.Equal(PilotOutputMode.Standby, rig.Snapshot.Pilot.Mode);
        rig.Run(TimeSpan.FromSeconds(3)); // the EV follows within its response delay and stops drawing; C1 ends at 6 s
        rig.Run(TimeSpan.FromSeconds(4));
        Assert.False(rig.Snapshot.ContactorClosed);
        Assert.Equal(Supply.Disabled, rig.Snapshot.SupplyState);
        Assert.Equal(State.PluggedInDemand, rig.Snapshot.State);
    }

    [Fact]
    public async Task A_standard_device_has_no_state_of_charge_and_still_charges()
    {
        using var rig = await ChargingAsync(new EvseStationOptions { DeviceKind = EvseDeviceKind.Standard });
        Assert.IsType<StandardEvseServer>(rig.Station.Device.Server);
        rig.Run(TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(1));
        Assert.Null(rig.Snapshot.StateOfCharge);
        Assert.True(rig.Snapshot.SessionEnergyMilliwattHours > 0);
    }

    [Fact]
    public async Task Session_energy_never_decreases_and_restarts_with_a_new_session()
    {
        using var rig = await ChargingAsync();
        long last = 0;
        for (var i = 0; i < 60; i++)
        {
            rig.Run(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1));
            Assert.True(rig.Snapshot.SessionEnergyMilliwattHours >= last);
            last = rig.Snapshot.SessionEnergyMilliwattHours;
        }

        Assert.True(last > 0);
        rig.Ev.Plugged = false;
        rig.Run(TimeSpan.FromSeconds(1));
        Assert.Equal(State.NotPluggedIn, rig.Snapshot.State);
        Assert.Equal(last, rig.Snapshot.SessionEnergyMilliwattHours); // the ended session's total stays readable
        rig.Ev.WantsCharge = false;
        rig.Ev.Plugged = true;
        rig.Run(TimeSpan.FromMilliseconds(300));
        Assert.Equal(State.PluggedInNoDemand, rig.Snapshot.State);
        Assert.Equal(0, rig.Snapshot.SessionEnergyMilliwattHours);
    }

    [Fact]
    public void Invalid_options_are_refused_with_a_message()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var ev = new SimulatedEv(time);
        var error = Assert.Throws<ArgumentException>(() => EvseStation.CreateSimulated(new EvseStationOptions { LoopInterval = TimeSpan.Zero }, time, ev));
        Assert.Contains("LoopInterval", error.Message);
        Assert.Throws<ArgumentException>(() => EvseStation.CreateSimulated(new EvseStationOptions { NominalVolts = double.NaN }, time, ev));
        Assert.Throws<ArgumentException>(() => new EvseStationOptions { Simulated = false }.Validate()); // no coil pin
    }

    [Fact]
    public async Task Faults_from_the_charge_point_map_one_to_one()
    {
        foreach (var kind in Enum.GetValues<FaultKind>())
        {
            Assert.Equal(kind.ToString(), FaultMapping.ToFaultState(kind).ToString());
        }

        using var rig = await ChargingAsync();
        rig.Station.ChargePoint.RaiseFault(FaultKind.ContactDryFailure);
        Assert.False(rig.Snapshot.ContactorClosed); // at once, not at the next step
        Assert.Equal(Fault.ContactDryFailure, rig.Snapshot.FaultState);
        Assert.Single(rig.Snapshot.ActiveFaults, f => f.Kind == FaultKind.ContactDryFailure);
    }
}
