namespace MatterGen.Evse.Hardware.Pilot;

/// <summary>What a pilot duty cycle tells the EV (IEC 61851-1 Table A.8 as cited by the Fluke FEV300 manual).</summary>
public enum DutyCycleMeaning
{
    /// <summary>Below 3 %: constant −12 V or 0 V, state F or E; no charging.</summary>
    NotAvailable,

    /// <summary>4.5–5.5 %: high-level digital communication (ISO 15118 / DIN 70121) required.</summary>
    DigitalCommunication,

    /// <summary>A duty outside every defined band (3–4.5 %, 5.5–8 %, above 97 % and below 100 %): no charging.</summary>
    Error,

    /// <summary>8–97 %: the maximum current in <see cref="DutyCycleInterpretation.CurrentMilliamps"/>.</summary>
    Current,

    /// <summary>100 %: constant +12 V, PWM off (x1); no charging.</summary>
    PwmOff,
}

/// <summary>The meaning of a duty cycle and, for <see cref="DutyCycleMeaning.Current"/>, the current it offers.</summary>
/// <param name="Meaning">The band the duty cycle falls into.</param>
/// <param name="CurrentMilliamps">The offered current; 0 unless <paramref name="Meaning"/> is Current.</param>
public readonly record struct DutyCycleInterpretation(DutyCycleMeaning Meaning, int CurrentMilliamps);
