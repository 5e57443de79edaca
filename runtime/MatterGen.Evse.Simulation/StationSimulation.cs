using System;
using MatterGen.Evse.Hardware.Station;

namespace MatterGen.Evse.Simulation;

/// <summary>
/// The simulated parts of a station, for tests and a simulator UI to act on, and the plant the station's loop steps:
/// each step the EV charges at what flowed through the real contacts and the meter counts it.
/// </summary>
public sealed class StationSimulation : IStationPlant
{
    private readonly double mainsVolts;

    /// <summary>Gathers the parts.</summary>
    /// <param name="ev">The EV on the cable.</param>
    /// <param name="contactor">The contactor's GPIO chip.</param>
    /// <param name="pilot">The pilot's PWM channel.</param>
    /// <param name="meter">The meter.</param>
    /// <param name="faultSensors">The fault inputs.</param>
    /// <param name="cable">The cable in the socket.</param>
    /// <param name="nominalVolts">The mains voltage the meter counts energy at.</param>
    public StationSimulation(SimulatedEv ev, SimulatedContactorDriver contactor, SimulatedPwmChannel pilot, SimulatedMeter meter, SimulatedFaultSensors faultSensors, SimulatedCable cable, double nominalVolts)
    {
        Ev = ev ?? throw new ArgumentNullException(nameof(ev));
        Contactor = contactor ?? throw new ArgumentNullException(nameof(contactor));
        Pilot = pilot ?? throw new ArgumentNullException(nameof(pilot));
        Meter = meter ?? throw new ArgumentNullException(nameof(meter));
        FaultSensors = faultSensors ?? throw new ArgumentNullException(nameof(faultSensors));
        Cable = cable ?? throw new ArgumentNullException(nameof(cable));
        mainsVolts = nominalVolts;
    }

    /// <summary>The EV on the cable.</summary>
    public SimulatedEv Ev { get; }

    /// <summary>The contactor's GPIO chip: weld it, make it fail to close, watch its coil.</summary>
    public SimulatedContactorDriver Contactor { get; }

    /// <summary>The pilot's PWM channel.</summary>
    public SimulatedPwmChannel Pilot { get; }

    /// <summary>The meter: stop it answering.</summary>
    public SimulatedMeter Meter { get; }

    /// <summary>RCD (with its self-test), protective earth, emergency stop and temperature.</summary>
    public SimulatedFaultSensors FaultSensors { get; }

    /// <summary>The cable in the socket: its PP resistor is read on plug-in and supervised during the session unless a fixed cable rating is configured.</summary>
    public SimulatedCable Cable { get; }

    /// <inheritdoc />
    public VehicleBattery? Battery => Ev.Plugged
        ? new VehicleBattery((byte)Math.Clamp(Math.Round(Ev.StateOfCharge * 100), 0, 100), (long)(Ev.Options.BatteryCapacityKilowattHours * 1e6))
        : null;

    /// <inheritdoc />
    public void Step()
    {
        // Physics up to now: the EV charges at what flowed through the real contacts.
        Ev.Step(Pilot.PilotOutput, Contactor.ContactsClosed);
        Meter.Update(mainsVolts, Ev.CurrentMilliamps / 1000.0);
    }
}
