namespace MatterGen.Evse.Hardware.Control;

/// <summary>One active fault of the charge point.</summary>
/// <param name="Kind">The kind reported to the cluster.</param>
/// <param name="Cause">Why it was raised, which also decides how it clears.</param>
public readonly record struct ChargePointFault(FaultKind Kind, FaultCause Cause);
