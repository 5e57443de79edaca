using MatterGen.Evse.Clusters;

namespace MatterGen.Evse.Device;

/// <summary>The Energy EVSE device's state at one moment, read as one (for a UI or a log line).</summary>
/// <param name="State">State.</param>
/// <param name="SupplyState">SupplyState.</param>
/// <param name="FaultState">FaultState.</param>
/// <param name="MaximumChargeCurrentMilliamps">MaximumChargeCurrent.</param>
/// <param name="SessionEnergyChargedMilliwattHours">SessionEnergyCharged; 0 without a session.</param>
/// <param name="StateOfCharge">StateOfCharge in percent, when the device reports it and knows it.</param>
public sealed record EnergyEvseStatus(
    EnergyEVSE.StateEnum? State,
    EnergyEVSE.SupplyStateEnum SupplyState,
    EnergyEVSE.FaultStateEnum FaultState,
    long MaximumChargeCurrentMilliamps,
    long SessionEnergyChargedMilliwattHours,
    byte? StateOfCharge);
