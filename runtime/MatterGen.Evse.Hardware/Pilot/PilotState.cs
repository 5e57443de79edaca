namespace MatterGen.Evse.Hardware.Pilot;

/// <summary>
/// IEC 61851-1 control pilot state, classified from the high plateau of the pilot signal.
/// The x1/x2 subscript (PWM off/on) is carried separately by <see cref="PilotReading.PwmOn"/>.
/// </summary>
public enum PilotState
{
    /// <summary>+12 V: no EV connected.</summary>
    A,

    /// <summary>+9 V: EV connected, not requesting energy.</summary>
    B,

    /// <summary>+6 V: EV requests energy, no ventilation needed.</summary>
    C,

    /// <summary>+3 V: EV requests energy and needs ventilation.</summary>
    D,

    /// <summary>0 V: pilot shorted to protective earth, or EVSE unpowered.</summary>
    E,

    /// <summary>−12 V: EVSE not available (driven by the EVSE itself).</summary>
    F,

    /// <summary>The high plateau lies outside every band: a wiring or measurement fault.</summary>
    Invalid,
}
