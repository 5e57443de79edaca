using MatterGen.Evse.Clusters;
using MatterGen.Evse.Hardware.Control;

namespace MatterGen.Evse.Hardware.Station;

/// <summary>Charge-point fault kinds as the Energy EVSE cluster's FaultState.</summary>
internal static class FaultMapping
{
    /// <summary>The FaultState that reports <paramref name="kind"/>; unknown kinds are Other.</summary>
    /// <param name="kind">The charge point's fault kind.</param>
    public static EnergyEVSE.FaultStateEnum ToFaultState(FaultKind kind) => kind switch
    {
        FaultKind.GroundFault => EnergyEVSE.FaultStateEnum.GroundFault,
        FaultKind.OverCurrent => EnergyEVSE.FaultStateEnum.OverCurrent,
        FaultKind.ContactWetFailure => EnergyEVSE.FaultStateEnum.ContactWetFailure,
        FaultKind.ContactDryFailure => EnergyEVSE.FaultStateEnum.ContactDryFailure,
        FaultKind.PilotShortCircuit => EnergyEVSE.FaultStateEnum.PilotShortCircuit,
        FaultKind.MeterFailure => EnergyEVSE.FaultStateEnum.MeterFailure,
        FaultKind.OverTemperature => EnergyEVSE.FaultStateEnum.OverTemperature,
        FaultKind.EmergencyStop => EnergyEVSE.FaultStateEnum.EmergencyStop,
        FaultKind.EVDisconnected => EnergyEVSE.FaultStateEnum.EVDisconnected,
        _ => EnergyEVSE.FaultStateEnum.Other,
    };
}
