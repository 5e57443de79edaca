using System;
using Fault = MatterGen.Evse.Clusters.EnergyEVSE.FaultStateEnum;
using State = MatterGen.Evse.Clusters.EnergyEVSE.StateEnum;
using Supply = MatterGen.Evse.Clusters.EnergyEVSE.SupplyStateEnum;

namespace MatterGen.Samples.EvseSimulator.Session;

/// <summary>The Energy EVSE attributes as the energy manager last read them over TLV.</summary>
/// <param name="State">State (null: unknown).</param>
/// <param name="Supply">SupplyState.</param>
/// <param name="Fault">FaultState.</param>
/// <param name="SessionId">SessionID, null before the first session.</param>
/// <param name="SessionEnergyCharged">SessionEnergyCharged, mWh.</param>
/// <param name="SessionEnergyDischarged">SessionEnergyDischarged, mWh (V2X only).</param>
/// <param name="StateOfCharge">StateOfCharge, percent (SoC reporting only).</param>
/// <param name="MaximumChargeCurrent">MaximumChargeCurrent, mA.</param>
/// <param name="NextChargeStartTime">NextChargeStartTime from the charger's planner.</param>
/// <param name="NextChargeTargetTime">NextChargeTargetTime.</param>
internal sealed record ClusterView(
    State? State,
    Supply Supply,
    Fault Fault,
    uint? SessionId,
    long? SessionEnergyCharged,
    long? SessionEnergyDischarged,
    byte? StateOfCharge,
    long MaximumChargeCurrent,
    DateTimeOffset? NextChargeStartTime,
    DateTimeOffset? NextChargeTargetTime)
{
    /// <summary>Before the first read.</summary>
    public static ClusterView Unknown { get; } = new(null, Supply.Disabled, Fault.NoError, null, null, null, null, 0, null, null);
}
