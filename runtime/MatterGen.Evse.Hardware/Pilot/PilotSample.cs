namespace MatterGen.Evse.Hardware.Pilot;

/// <summary>
/// One measurement of the control pilot: the high and low plateau voltages seen over at least one PWM period.
/// With PWM off both plateaus are the same DC level.
/// </summary>
/// <param name="HighVolts">The positive plateau (or the DC level), in volts at the pilot.</param>
/// <param name="LowVolts">The negative plateau, in volts at the pilot; about −12 V when the EV diode is intact.</param>
public readonly record struct PilotSample(double HighVolts, double LowVolts);
