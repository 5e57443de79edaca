using System;
using System.Collections.Generic;
using MatterGen.Evse.Clusters;
using MatterGen.Evse.Hardware.Control;
using MatterGen.Evse.Hardware.Pilot;

namespace MatterGen.Evse.Hardware.Station;

/// <summary>What a UI shows of a station at one moment: the IEC 61851 side and the Matter side together.</summary>
/// <param name="Timestamp">When the snapshot was taken, on the station's clock.</param>
/// <param name="PilotState">The debounced pilot state (A–F).</param>
/// <param name="Pilot">What the EVSE drives on the pilot.</param>
/// <param name="ContactorClosed">Whether the contactor is commanded closed.</param>
/// <param name="OfferedCurrentMilliamps">The current the pilot offers.</param>
/// <param name="MeasuredCurrentMilliamps">The current the meter last measured.</param>
/// <param name="MeterResponding">False while the meter does not answer.</param>
/// <param name="SessionEnergyMilliwattHours">The cluster's SessionEnergyCharged (0 without a session).</param>
/// <param name="StateOfCharge">The EV's state of charge in percent, when known.</param>
/// <param name="State">The cluster's State.</param>
/// <param name="SupplyState">The cluster's SupplyState.</param>
/// <param name="FaultState">The cluster's FaultState.</param>
/// <param name="MaximumChargeCurrentMilliamps">The cluster's MaximumChargeCurrent.</param>
/// <param name="ActiveFaults">Every fault the charge point holds, in the order raised.</param>
public sealed record EvseStationSnapshot(
    DateTimeOffset Timestamp,
    PilotState PilotState,
    PilotOutput Pilot,
    bool ContactorClosed,
    int OfferedCurrentMilliamps,
    int MeasuredCurrentMilliamps,
    bool MeterResponding,
    long SessionEnergyMilliwattHours,
    byte? StateOfCharge,
    EnergyEVSE.StateEnum? State,
    EnergyEVSE.SupplyStateEnum SupplyState,
    EnergyEVSE.FaultStateEnum FaultState,
    long MaximumChargeCurrentMilliamps,
    IReadOnlyList<ChargePointFault> ActiveFaults);
