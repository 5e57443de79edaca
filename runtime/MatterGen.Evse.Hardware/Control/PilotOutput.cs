namespace MatterGen.Evse.Hardware.Control;

/// <summary>What the EVSE drives on the control pilot.</summary>
public enum PilotOutputMode
{
    /// <summary>Constant +12 V, no PWM (x1): no current offered.</summary>
    Standby,

    /// <summary>1 kHz PWM (x2) offering a current.</summary>
    Pwm,

    /// <summary>Constant −12 V (state F): EVSE not available; used for the wake-up pulse.</summary>
    NotAvailable,
}

/// <summary>The pilot output, with the duty cycle a <c>PwmChannel</c> should be set to.</summary>
/// <param name="Mode">The kind of signal.</param>
/// <param name="DutyCycle">Fraction of the period at +12 V: 1.0 for standby, 0.0 for state F, the offer's duty for PWM.</param>
public readonly record struct PilotOutput(PilotOutputMode Mode, double DutyCycle)
{
    /// <summary>Constant +12 V.</summary>
    public static PilotOutput Standby => new(PilotOutputMode.Standby, 1.0);

    /// <summary>Constant −12 V.</summary>
    public static PilotOutput NotAvailable => new(PilotOutputMode.NotAvailable, 0.0);

    /// <summary>True when PWM is being driven (subscript 2).</summary>
    public bool PwmOn => Mode == PilotOutputMode.Pwm;
}
