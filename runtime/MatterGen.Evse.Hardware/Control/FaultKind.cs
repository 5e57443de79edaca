namespace MatterGen.Evse.Hardware.Control;

/// <summary>
/// The kind of a charge-point fault. Names mirror the Matter Energy EVSE cluster's FaultStateEnum so the cluster
/// layer can map them one to one; hardware reasons without a Matter code are <see cref="Other"/>.
/// </summary>
public enum FaultKind
{
    /// <summary>Residual current (RCD/GFCI) trip, failed self-test or missing protective earth.</summary>
    GroundFault,

    /// <summary>The EV draws more than offered for longer than allowed.</summary>
    OverCurrent,

    /// <summary>Voltage on the charging pins with the contactor commanded open (welded contactor).</summary>
    ContactWetFailure,

    /// <summary>No voltage on the charging pins with the contactor commanded closed.</summary>
    ContactDryFailure,

    /// <summary>The control pilot is shorted to protective earth (state E).</summary>
    PilotShortCircuit,

    /// <summary>The energy meter does not answer or answers with corrupt frames.</summary>
    MeterFailure,

    /// <summary>The charger is too hot.</summary>
    OverTemperature,

    /// <summary>The emergency stop is pressed.</summary>
    EmergencyStop,

    /// <summary>The cable's proximity pilot was lost while an EV was connected (plug pulled, PP wire broken).</summary>
    EVDisconnected,

    /// <summary>Any other fault: diode check failed, ventilation unavailable, pilot level invalid.</summary>
    Other,
}
