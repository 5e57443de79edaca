using System;

namespace MatterGen.Samples.EvseSimulator.Session;

/// <summary>One point of the session's curves.</summary>
/// <param name="At">Simulated time.</param>
/// <param name="OfferedAmps">The pilot's offer, A.</param>
/// <param name="MeasuredAmps">The metered current, A.</param>
/// <param name="StateOfChargePercent">The vehicle's state of charge, percent.</param>
/// <param name="SessionKilowattHours">Energy charged in this session so far, kWh (as the cluster reports it).</param>
/// <param name="MeasuredKilowatts">The charger's active power as its meter measures it, kW.</param>
/// <param name="HouseKilowatts">The rest of the house, kW; null when the scenario has no house load.</param>
/// <param name="RequestedLimitKilowatts">The power adjustment in force as the energy manager knows it, kW; null when none.</param>
internal readonly record struct SessionSample(
    DateTimeOffset At,
    double OfferedAmps,
    double MeasuredAmps,
    double StateOfChargePercent,
    double SessionKilowattHours,
    double MeasuredKilowatts = 0,
    double? HouseKilowatts = null,
    double? RequestedLimitKilowatts = null);
