using MatterGen.Evse.Clusters;

namespace MatterGen.Evse.Device;

/// <summary>
/// What the Energy EVSE device wants of the charging hardware: the controller's decision, taken from the cluster's
/// state once a change stands (a command that fails never shows here). The hardware side drives the pilot and the
/// contactor from it and never reads the cluster's attributes.
/// </summary>
/// <param name="SupplyEnabled">Energy may flow to the vehicle (SupplyState ChargingEnabled or Enabled): the contactor may close once the vehicle asks.</param>
/// <param name="OfferedCurrentMilliamps">The most the vehicle may draw, in mA (MaximumChargeCurrent): what the pilot advertises.</param>
/// <param name="DiagnosticsRequested">A client started self-diagnostics (SupplyState DisabledDiagnostics): run them, then call <see cref="EnergyEvseController.DiagnosticsComplete"/>.</param>
/// <param name="Fault">The fault the device shows (FaultState); <see cref="EnergyEVSE.FaultStateEnum.NoError"/> when none.</param>
public sealed record EvseSupplyDecision(bool SupplyEnabled, long OfferedCurrentMilliamps, bool DiagnosticsRequested, EnergyEVSE.FaultStateEnum Fault);
