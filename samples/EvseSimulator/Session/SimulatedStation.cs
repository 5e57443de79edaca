using System;
using System.Threading;
using System.Threading.Tasks;
using MatterGen.Evse.Charger;
using MatterGen.Evse.Device;
using MatterGen.Evse.Hardware.Station;
using MatterGen.Evse.Metering;
using MatterGen.Evse.Simulation;
using MatterGen.Node;
using MatterGen.Node.Information;
using MatterGen.Samples.EvseSimulator.Scenarios;
using Microsoft.Extensions.Time.Testing;

namespace MatterGen.Samples.EvseSimulator.Session;

/// <summary>
/// The runtime's <see cref="EvseStation"/> on simulated hardware, with the charger node around its Energy EVSE device
/// (Device Energy Management and the electrical sensor the station's meter feeds), seen through <see cref="IChargingStation"/>.
/// </summary>
internal sealed class SimulatedStation : IChargingStation
{
    private readonly EvseStation station;
    private readonly StationSimulation simulation;
    private readonly IDisposable sensorFeed;
    private long measuredMilliwatts;

    private SimulatedStation(EvseStation station, ChargerNode charger)
    {
        this.station = station;
        Charger = charger;
        simulation = station.Simulation ?? throw new ArgumentException("The station must be simulated.", nameof(station));
        sensorFeed = station.FeedElectricalSensor(charger.Sensor);
        station.MeterRead += OnMeterRead;
    }

    /// <summary>The node's Basic Information.</summary>
    public static BasicInformationOptions Information { get; } = new()
    {
        VendorName = "MatterGen",
        VendorId = 0xFFF1,
        ProductName = "Simulated charger",
        ProductId = 0x8001,
        UniqueId = "evse-simulator",
        SerialNumber = "SIM-0001",
    };

    /// <inheritdoc/>
    public EnergyEvseDevice Device => station.Device;

    /// <inheritdoc/>
    public ChargerNode Charger { get; }

    /// <inheritdoc/>
    public SimulatedEv Ev => simulation.Ev;

    /// <summary>A simulated station with the scenario's vehicle on the given clock.</summary>
    public static IChargingStation Create(Scenario scenario, bool bidirectional, FakeTimeProvider time) => Create(scenario, bidirectional, time, null);

    /// <summary>The same with the vehicle's parameters changed by <paramref name="configureEv"/> (a test's sluggish vehicle).</summary>
    public static IChargingStation Create(Scenario scenario, bool bidirectional, FakeTimeProvider time, Action<SimulatedEvOptions>? configureEv)
    {
        var evOptions = new SimulatedEvOptions { BatteryCapacityKilowattHours = scenario.BatteryKilowattHours };
        configureEv?.Invoke(evOptions);
        var ev = new SimulatedEv(time, evOptions, scenario.InitialStateOfCharge);
        var options = new EvseStationOptions
        {
            Simulated = true,
            DeviceKind = bidirectional ? EvseDeviceKind.Bidirectional : EvseDeviceKind.Standard,
        };
        var station = EvseStation.CreateSimulated(options, time, ev);
        try
        {
            // The simulated meter is an SDM630's stand-in; the sensor describes that meter.
            var charger = ChargerNode.Create(new MatterNodeOptions { Information = Information, Time = time }, station.Device, sensorOptions: new ElectricalSensorOptions());
            return new SimulatedStation(station, charger);
        }
        catch
        {
            station.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public ValueTask TickAsync() => station.TickAsync();

    /// <inheritdoc/>
    public HardwareReading Read()
    {
        var snapshot = station.Snapshot;
        return new HardwareReading(snapshot.PilotState.ToString(), snapshot.ContactorClosed, snapshot.OfferedCurrentMilliamps, snapshot.MeasuredCurrentMilliamps, Interlocked.Read(ref measuredMilliwatts), Ev.StateOfCharge);
    }

    /// <inheritdoc/>
    public void SetGroundFault(bool tripped) => simulation.FaultSensors.ResidualCurrentTripped = tripped;

    /// <inheritdoc/>
    public void Dispose()
    {
        station.MeterRead -= OnMeterRead;
        sensorFeed.Dispose();
        Charger.Dispose();
        station.Dispose();
    }

    private void OnMeterRead(ElectricalReading reading) => Interlocked.Exchange(ref measuredMilliwatts, reading.ActivePowerMilliwatts);
}
