using System;
using System.Threading.Tasks;
using MatterGen.Evse.Charger;
using MatterGen.Evse.Device;
using MatterGen.Evse.Simulation;

namespace MatterGen.Samples.EvseSimulator.Session;

/// <summary>
/// What the simulator needs from a charger: the Matter node to serve, the simulated vehicle to act on, one
/// control-loop step and a hardware reading. The runtime's station implements it through a thin adapter.
/// </summary>
internal interface IChargingStation : IDisposable
{
    /// <summary>The Energy EVSE device on the charger's endpoint 1 (the script taps cards on it).</summary>
    EnergyEvseDevice Device { get; }

    /// <summary>The charger node (EVSE, Device Energy Management, electrical sensor) the energy manager reaches over the Interaction Model.</summary>
    ChargerNode Charger { get; }

    /// <summary>The vehicle on the cable.</summary>
    SimulatedEv Ev { get; }

    /// <summary>One control-loop step at the clock's present time: pilot, EV, meter, cluster inputs.</summary>
    ValueTask TickAsync();

    /// <summary>What the hardware shows now.</summary>
    HardwareReading Read();

    /// <summary>The residual-current device trips (true) or is reset (false).</summary>
    void SetGroundFault(bool tripped);
}

/// <summary>The hardware side of one instant: what a multimeter and the pilot scope would show.</summary>
/// <param name="Pilot">The debounced pilot state letter (A–F).</param>
/// <param name="ContactorClosed">Whether the contactor is closed.</param>
/// <param name="OfferedMilliamps">The current the pilot PWM offers.</param>
/// <param name="MeasuredMilliamps">The current the meter measures.</param>
/// <param name="MeasuredMilliwatts">The active power the meter measures (what Electrical Power Measurement reports).</param>
/// <param name="StateOfCharge">The vehicle's state of charge, 0.0–1.0.</param>
internal readonly record struct HardwareReading(string Pilot, bool ContactorClosed, int OfferedMilliamps, int MeasuredMilliamps, long MeasuredMilliwatts, double StateOfCharge);
