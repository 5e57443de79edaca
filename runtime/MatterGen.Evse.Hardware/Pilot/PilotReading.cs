namespace MatterGen.Evse.Hardware.Pilot;

/// <summary>A classified pilot sample.</summary>
/// <param name="State">The state read from the high plateau.</param>
/// <param name="PwmOn">True when the EVSE was driving 1 kHz PWM (subscript 2), false for a DC level (subscript 1).</param>
/// <param name="DiodeCheck">The result of the diode check on the low plateau; only meaningful with PWM on.</param>
internal readonly record struct PilotReading(PilotState State, bool PwmOn, DiodeCheckResult DiodeCheck)
{
    /// <summary>The IEC name of the reading, e.g. "B2" or "C1"; states A, E, F and Invalid carry no subscript.</summary>
    public override string ToString() => State switch
    {
        PilotState.B or PilotState.C or PilotState.D => $"{State}{(PwmOn ? 2 : 1)}",
        _ => State.ToString(),
    };
}

/// <summary>Outcome of checking the negative plateau for the EV's diode.</summary>
internal enum DiodeCheckResult
{
    /// <summary>No check possible: PWM off, or no EV load on the pilot.</summary>
    NotApplicable,

    /// <summary>The low plateau is near −12 V: the EV diode blocks as it should.</summary>
    Passed,

    /// <summary>The low plateau is not near −12 V: the diode is shorted or missing.</summary>
    Failed,
}
