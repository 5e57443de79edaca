using MatterGen.Evse.Hardware.Sensors;
using MatterGen.Evse.Hardware.Simulation;

namespace MatterGen.Evse.Hardware.Station;

/// <summary>The simulated parts of a station, for tests and a simulator UI to act on.</summary>
/// <param name="Ev">The EV on the cable.</param>
/// <param name="Contactor">The contactor's GPIO chip: weld it, make it fail to close, watch its coil.</param>
/// <param name="Pilot">The pilot's PWM channel.</param>
/// <param name="Meter">The meter: stop it answering.</param>
/// <param name="FaultSensors">RCD (with its self-test), protective earth, emergency stop and temperature.</param>
/// <param name="Cable">The cable in the socket: its PP resistor is read on plug-in and supervised during the session unless a fixed cable rating is configured.</param>
public sealed record StationSimulation(SimulatedEv Ev, SimulatedContactorDriver Contactor, SimulatedPwmChannel Pilot, SimulatedMeter Meter, SimulatedFaultSensors FaultSensors, SimulatedCable Cable);
