namespace MatterGen.Evse.Hardware.Control;

/// <summary>What the controller commands the hardware to do.</summary>
/// <param name="Pilot">The pilot signal to drive.</param>
/// <param name="ContactorClosed">True when the contactor must be closed.</param>
/// <param name="OfferedCurrentMilliamps">The current the pilot offers (0 without PWM).</param>
public readonly record struct ChargePointOutputs(PilotOutput Pilot, bool ContactorClosed, int OfferedCurrentMilliamps);
