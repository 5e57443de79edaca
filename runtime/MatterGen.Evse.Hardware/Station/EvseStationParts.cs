using System;
using System.Collections.Generic;
using MatterGen.Evse.Hardware.Control;
using MatterGen.Evse.Hardware.Devices;
using MatterGen.Evse.Hardware.Metering;
using MatterGen.Evse.Hardware.Sensors;

namespace MatterGen.Evse.Hardware.Station;

/// <summary>The parts a station is made of, wired by the caller: what <see cref="EvseStation.Create(EvseStationOptions, System.TimeProvider, EvseStationParts, Microsoft.Extensions.Logging.ILoggerFactory?)"/> joins to the Matter device.</summary>
public sealed class EvseStationParts
{
    /// <summary>The charge point <see cref="Hardware"/> drives.</summary>
    public required ChargePointController ChargePoint { get; init; }

    /// <summary>Pilot, contactor and feedback wiring of <see cref="ChargePoint"/>.</summary>
    public required ChargePointHardware Hardware { get; init; }

    /// <summary>
    /// The energy meter. An <see cref="IntegratingEnergyMeter"/> without a <see cref="Plant"/> is fed the offered
    /// current while the contactor is closed (an estimate for chargers without a meter).
    /// </summary>
    public required IEnergyMeter Meter { get; init; }

    /// <summary>
    /// The protective inputs, or null when none are fitted. When they implement <see cref="IResidualCurrentSelfTestable"/>
    /// with a test output, the RCD self-test runs at start-up and on every plug-in.
    /// </summary>
    public IFaultSensors? FaultSensors { get; init; }

    /// <summary>The socket's PP reader, or null for a tethered cable or no PP sensing.</summary>
    public IProximityPilot? ProximityPilot { get; init; }

    /// <summary>A simulated world beyond the pins, stepped by the loop; null on real hardware.</summary>
    public IStationPlant? Plant { get; init; }

    /// <summary>Further parts the station disposes with itself, last first (GPIO controller, SPI device...).</summary>
    public IReadOnlyList<IDisposable> Owned { get; init; } = [];
}
