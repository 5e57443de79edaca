using MatterGen.DataModel;
using MatterGen.Evse.Clusters;
using MatterGen.Interaction;

namespace MatterGen.Evse.Device;

// What the controller needs of a generated Energy EVSE server, one interface per feature. A generated server
// implements a facet simply by having the members, so a server whose features leave an attribute out cannot
// claim the facet: the compiler checks the feature set against what the controller uses.

/// <summary>The attributes and events every Energy EVSE server of this package has (PREF is mandatory).</summary>
public interface IEnergyEvseCore
{
    /// <summary>State.</summary>
    EnergyEVSE.StateEnum? State { get; set; }

    /// <summary>SupplyState.</summary>
    EnergyEVSE.SupplyStateEnum SupplyState { get; set; }

    /// <summary>FaultState.</summary>
    EnergyEVSE.FaultStateEnum FaultState { get; set; }

    /// <summary>ChargingEnabledUntil.</summary>
    EpochSeconds? ChargingEnabledUntil { get; set; }

    /// <summary>CircuitCapacity in mA.</summary>
    long CircuitCapacity { get; set; }

    /// <summary>MinimumChargeCurrent in mA.</summary>
    long MinimumChargeCurrent { get; set; }

    /// <summary>MaximumChargeCurrent in mA.</summary>
    long MaximumChargeCurrent { get; set; }

    /// <summary>UserMaximumChargeCurrent in mA (optional; enabled on this package's servers).</summary>
    long UserMaximumChargeCurrent { get; set; }

    /// <summary>RandomizationDelayWindow (optional; enabled on this package's servers).</summary>
    ElapsedSeconds RandomizationDelayWindow { get; set; }

    /// <summary>NextChargeStartTime.</summary>
    EpochSeconds? NextChargeStartTime { get; set; }

    /// <summary>NextChargeTargetTime.</summary>
    EpochSeconds? NextChargeTargetTime { get; set; }

    /// <summary>NextChargeRequiredEnergy in mWh.</summary>
    long? NextChargeRequiredEnergy { get; set; }

    /// <summary>NextChargeTargetSoC in percent.</summary>
    byte? NextChargeTargetSoC { get; set; }

    /// <summary>ApproximateEVEfficiency (optional; enabled on this package's servers).</summary>
    ushort? ApproximateEVEfficiency { get; set; }

    /// <summary>SessionID.</summary>
    uint? SessionID { get; set; }

    /// <summary>SessionDuration.</summary>
    ElapsedSeconds? SessionDuration { get; set; }

    /// <summary>SessionEnergyCharged in mWh.</summary>
    long? SessionEnergyCharged { get; set; }

    /// <summary>Records an EVConnected event.</summary>
    EventRecord EmitEVConnected(EnergyEVSE.EVConnectedEvent payload);

    /// <summary>Records an EVNotDetected event.</summary>
    EventRecord EmitEVNotDetected(EnergyEVSE.EVNotDetectedEvent payload);

    /// <summary>Records an EnergyTransferStarted event.</summary>
    EventRecord EmitEnergyTransferStarted(EnergyEVSE.EnergyTransferStartedEvent payload);

    /// <summary>Records an EnergyTransferStopped event.</summary>
    EventRecord EmitEnergyTransferStopped(EnergyEVSE.EnergyTransferStoppedEvent payload);

    /// <summary>Records a Fault event.</summary>
    EventRecord EmitFault(EnergyEVSE.FaultEvent payload);
}

/// <summary>The SoCReporting feature's attributes.</summary>
public interface IEnergyEvseSocReporting
{
    /// <summary>StateOfCharge in percent.</summary>
    byte? StateOfCharge { get; set; }

    /// <summary>BatteryCapacity in mWh.</summary>
    long? BatteryCapacity { get; set; }
}

/// <summary>The PlugAndCharge feature's attribute.</summary>
public interface IEnergyEvsePlugAndCharge
{
    /// <summary>VehicleID.</summary>
    string? VehicleID { get; set; }
}

/// <summary>The RFID feature's event.</summary>
public interface IEnergyEvseRfid
{
    /// <summary>Records an RFID event.</summary>
    EventRecord EmitRFID(EnergyEVSE.RFIDEvent payload);
}

/// <summary>The V2X feature's attributes.</summary>
public interface IEnergyEvseV2X
{
    /// <summary>DischargingEnabledUntil.</summary>
    EpochSeconds? DischargingEnabledUntil { get; set; }

    /// <summary>MaximumDischargeCurrent in mA.</summary>
    long MaximumDischargeCurrent { get; set; }

    /// <summary>SessionEnergyDischarged in mWh.</summary>
    long? SessionEnergyDischarged { get; set; }
}
