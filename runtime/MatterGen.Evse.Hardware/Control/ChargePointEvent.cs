using System;

namespace MatterGen.Evse.Hardware.Control;

/// <summary>What happened, for the cluster layer (which maps these to the Energy EVSE State and Fault attributes).</summary>
public enum ChargePointEventKind
{
    /// <summary>An EV is connected (pilot left A for B, C or D).</summary>
    PluggedIn,

    /// <summary>The EV requests energy (pilot entered C or D).</summary>
    Demand,

    /// <summary>The EV stopped requesting energy (pilot returned to B).</summary>
    NoDemand,

    /// <summary>The EV is disconnected (pilot returned to A).</summary>
    Unplugged,

    /// <summary>A fault became active; see <see cref="ChargePointEvent.Fault"/>.</summary>
    FaultRaised,

    /// <summary>A fault is no longer active; see <see cref="ChargePointEvent.Fault"/>.</summary>
    FaultCleared,
}

/// <summary>An event of the charge point.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="At">When, on the controller's clock.</param>
/// <param name="Fault">The fault for FaultRaised/FaultCleared, else null.</param>
public sealed record ChargePointEvent(ChargePointEventKind Kind, DateTimeOffset At, ChargePointFault? Fault = null);
