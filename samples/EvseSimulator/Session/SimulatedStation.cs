using System;
using System.Threading.Tasks;
using MatterGen.Evse.Device;
using MatterGen.Evse.Hardware.Station;
using MatterGen.Evse.Simulation;
using MatterGen.Samples.EvseSimulator.Scenarios;
using Microsoft.Extensions.Time.Testing;

namespace MatterGen.Samples.EvseSimulator.Session;

/// <summary>The runtime's <see cref="EvseStation"/> on simulated hardware, seen through <see cref="IChargingStation"/>.</summary>
internal sealed class SimulatedStation : IChargingStation
{
    private readonly EvseStation station;
    private readonly StationSimulation simulation;

    private SimulatedStation(EvseStation station)
    {
        this.station = station;
        simulation = station.Simulation ?? throw new ArgumentException("The station must be simulated.", nameof(station));
    }

    /// <inheritdoc/>
    public EnergyEvseDevice Device => station.Device;

    /// <inheritdoc/>
    public SimulatedEv Ev => simulation.Ev;

    /// <summary>A simulated station with the scenario's vehicle on the given clock.</summary>
    public static IChargingStation Create(Scenario scenario, bool bidirectional, FakeTimeProvider time)
    {
        var ev = new SimulatedEv(time, new SimulatedEvOptions { BatteryCapacityKilowattHours = scenario.BatteryKilowattHours }, scenario.InitialStateOfCharge);
        var options = new EvseStationOptions
        {
            Simulated = true,
            DeviceKind = bidirectional ? EvseDeviceKind.Bidirectional : EvseDeviceKind.Standard,
        };
        return new SimulatedStation(EvseStation.CreateSimulated(options, time, ev));
    }

    /// <inheritdoc/>
    public ValueTask TickAsync() => station.TickAsync();

    /// <inheritdoc/>
    public HardwareReading Read()
    {
        var snapshot = station.Snapshot;
        return new HardwareReading(snapshot.PilotState.ToString(), snapshot.ContactorClosed, snapshot.OfferedCurrentMilliamps, snapshot.MeasuredCurrentMilliamps, Ev.StateOfCharge);
    }

    /// <inheritdoc/>
    public void SetGroundFault(bool tripped) => simulation.FaultSensors.ResidualCurrentTripped = tripped;

    /// <inheritdoc/>
    public void Dispose() => station.Dispose();
}
