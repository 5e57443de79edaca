using System;

namespace MatterGen.Evse.Scheduling;

/// <summary>What the planner needs to know about the charger and the vehicle now.</summary>
/// <param name="Now">The current time.</param>
/// <param name="LocalZone">The time zone the targets' minutes past midnight are in.</param>
/// <param name="PluggedIn">A vehicle is connected.</param>
/// <param name="ChargingEnabled">SupplyState is ChargingEnabled (plans are made only then).</param>
/// <param name="MaximumChargeCurrent">MaximumChargeCurrent in mA.</param>
/// <param name="NominalVoltage">Nominal mains voltage in mV.</param>
/// <param name="SocReporting">The server has the SoCReporting feature.</param>
/// <param name="StateOfCharge">The vehicle's state of charge in percent, when known.</param>
/// <param name="BatteryCapacity">The vehicle's battery capacity in mWh, when known.</param>
public sealed record ChargePlanInputs(
    DateTimeOffset Now,
    TimeZoneInfo LocalZone,
    bool PluggedIn,
    bool ChargingEnabled,
    long MaximumChargeCurrent,
    long NominalVoltage,
    bool SocReporting,
    byte? StateOfCharge,
    long? BatteryCapacity);
