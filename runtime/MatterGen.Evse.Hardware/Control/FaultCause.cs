namespace MatterGen.Evse.Hardware.Control;

/// <summary>Why the controller holds a fault; finer than <see cref="FaultKind"/>, which the cluster reports.</summary>
public enum FaultCause
{
    /// <summary>Raised from outside through <see cref="ChargePointController.RaiseFault"/>; cleared the same way.</summary>
    External,

    /// <summary>The low plateau was not near −12 V with PWM on; latched until the EV is unplugged.</summary>
    DiodeCheckFailed,

    /// <summary>The EV asks for ventilation (state D) and none is configured; cleared when the EV leaves D.</summary>
    VentilationNotAvailable,

    /// <summary>The pilot reads 0 V (state E); cleared when the pilot reads a valid EV state again.</summary>
    PilotShort,

    /// <summary>The pilot reads no valid level, or −12 V the EVSE is not driving; cleared when it reads a valid EV state.</summary>
    PilotInvalid,

    /// <summary>Measured current stayed above the offer plus margin; latched until the EV is unplugged.</summary>
    CurrentAboveOffer,
}
