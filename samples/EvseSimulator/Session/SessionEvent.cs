using System;

namespace MatterGen.Samples.EvseSimulator.Session;

/// <summary>One line of the session log: a decoded Energy EVSE event, a scripted happening or a manager action.</summary>
/// <param name="At">Simulated time.</param>
/// <param name="Source">Who: <see cref="EventSource"/>.</param>
/// <param name="Name">The event's name (e.g. <c>EVConnected</c>) or a short action name.</param>
/// <param name="Detail">The decoded fields, for people.</param>
internal sealed record SessionEvent(DateTimeOffset At, EventSource Source, string Name, string Detail);

/// <summary>Where a <see cref="SessionEvent"/> comes from.</summary>
internal enum EventSource
{
    /// <summary>An event read from the charger over the cluster client.</summary>
    Cluster,

    /// <summary>Something the scenario did to the hardware (plug, card, fault).</summary>
    Script,

    /// <summary>A command the energy manager sent.</summary>
    Manager,
}
