using System;
using System.Collections.Generic;
using MatterGen.Samples.EvseSimulator.Session;

namespace MatterGen.Samples.EvseSimulator.Scenarios;

/// <summary>A scripted charging session: the vehicle, what happens to the hardware and when, and what must follow.</summary>
/// <param name="Name">The name given to <c>--scenario</c>.</param>
/// <param name="Description">One line for the help text and the summary.</param>
/// <param name="Start">Simulated wall-clock time at which the session starts (in the machine's zone, as the charger's targets are).</param>
/// <param name="Duration">How much simulated time the session covers.</param>
/// <param name="InitialStateOfCharge">The vehicle's state of charge on arrival, 0.0–1.0.</param>
/// <param name="BatteryKilowattHours">The vehicle's battery capacity.</param>
/// <param name="Plan">What the energy manager asks of the charger.</param>
/// <param name="Script">Hardware happenings, in time order.</param>
/// <param name="ExpectedEvents">Energy EVSE event names that must appear in this order (others may come between).</param>
/// <param name="Checks">Conditions on the whole session that must hold at the end.</param>
/// <param name="RequiresBidirectional">True when the scenario needs the V2X feature.</param>
/// <param name="House">The rest of the house under its grid limit, which the manager keeps the charger within by Device Energy Management power adjustments; null for none.</param>
internal sealed record Scenario(
    string Name,
    string Description,
    DateTimeOffset Start,
    TimeSpan Duration,
    double InitialStateOfCharge,
    double BatteryKilowattHours,
    ChargingPlan Plan,
    IReadOnlyList<ScriptedAction> Script,
    IReadOnlyList<string> ExpectedEvents,
    IReadOnlyList<SessionCheck> Checks,
    bool RequiresBidirectional = false,
    HouseLoad? House = null);

/// <summary>Something done to the hardware at a point of the session.</summary>
/// <param name="At">Time since the session start.</param>
/// <param name="Description">What happens, for the log.</param>
/// <param name="Act">Does it.</param>
internal sealed record ScriptedAction(TimeSpan At, string Description, Action<IChargingStation> Act);

/// <summary>A condition on the finished session.</summary>
/// <param name="Description">What is checked, for the summary.</param>
/// <param name="Passes">The check itself.</param>
internal sealed record SessionCheck(string Description, Func<SessionOutcome, bool> Passes);

/// <summary>What the energy manager (the Matter client) is told to do once a card is presented.</summary>
/// <param name="TargetSoC">The state of charge to reach, percent; null to charge until the vehicle stops.</param>
/// <param name="TargetTime">The local time by which to reach it; null to charge at once.</param>
/// <param name="AddedEnergyMilliwattHours">The same target as energy, for chargers without state-of-charge reporting.</param>
/// <param name="MaximumChargeMilliamps">The most the manager allows the charger to offer.</param>
/// <param name="Discharge">A window of vehicle-to-grid discharge before charging, or null.</param>
internal sealed record ChargingPlan(byte? TargetSoC, TimeOnly? TargetTime, long AddedEnergyMilliwattHours, long MaximumChargeMilliamps, DischargeWindow? Discharge = null);

/// <summary>A period in which the manager lets the vehicle feed the grid (V2X).</summary>
/// <param name="From">Time since the session start.</param>
/// <param name="Until">Time since the session start.</param>
/// <param name="MaximumDischargeMilliamps">The most the vehicle may feed back.</param>
internal sealed record DischargeWindow(TimeSpan From, TimeSpan Until, long MaximumDischargeMilliamps);
