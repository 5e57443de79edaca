using System;
using MatterGen.Evse.Clusters;
using MatterGen.Interaction;
using State = MatterGen.Evse.Clusters.EnergyEVSE.StateEnum;
using Supply = MatterGen.Evse.Clusters.EnergyEVSE.SupplyStateEnum;

namespace MatterGen.Evse.Device;

public sealed partial class EnergyEvseController
{
    /// <summary>
    /// The hardware's view of the vehicle changed. Plugging in starts a session (EVConnected); demand starts
    /// energy transfer where the supply allows it; losing demand or the vehicle stops it.
    /// </summary>
    /// <returns>Success, or Failure for a state the hardware cannot be in.</returns>
    public MatterStatus SetHardwareState(HardwareState state)
    {
        if (!Enum.IsDefined(state))
        {
            return MatterStatus.Failure;
        }

        using (HoldDecision())
        {
            var previous = hardwareState;
            hardwareState = state;
            if (previous == state)
            {
                return MatterStatus.Success;
            }

            if (previous == HardwareState.NotPluggedIn)
            {
                OnPluggedIn();
                if (state == HardwareState.PluggedInDemand)
                {
                    OnDemand();
                }
            }
            else if (state == HardwareState.NotPluggedIn)
            {
                OnUnplugged();
            }
            else if (state == HardwareState.PluggedInDemand)
            {
                OnDemand();
            }
            else
            {
                OnNoDemand();
            }

            return MatterStatus.Success;
        }
    }

    /// <summary>The cable assembly's current rating, as read on plug-in (mA).</summary>
    public void SetCableAssemblyLimit(long milliamps)
    {
        using (HoldDecision())
        {
            cableAssemblyLimit = milliamps < 0 ? 0 : milliamps;
            RecomputeLimits();
        }
    }

    /// <summary>The installer changed the supply circuit's rating (mA).</summary>
    public void SetCircuitCapacity(long milliamps)
    {
        using (HoldDecision())
        {
            Core.CircuitCapacity = Math.Max(0, milliamps);
            RecomputeLimits();
        }
    }

    /// <summary>
    /// A fault was detected: the Fault event is emitted, State becomes Fault and SupplyState DisabledError.
    /// <see cref="EnergyEVSE.FaultStateEnum.NoError"/> clears the fault and restores what was there before.
    /// </summary>
    /// <returns>Success, or Failure when the fault is already the current one.</returns>
    public MatterStatus RaiseFault(EnergyEVSE.FaultStateEnum fault)
    {
        using (HoldDecision())
        {
            var previousFault = Core.FaultState;
            if (fault == previousFault)
            {
                return MatterStatus.Failure;
            }

            Core.EmitFault(new EnergyEVSE.FaultEvent
            {
                SessionID = Core.SessionID,
                State = Core.State ?? State.NotPluggedIn,
                FaultStatePreviousState = previousFault,
                FaultStateCurrentState = fault,
            });
            Core.FaultState = fault;
            if (fault == EnergyEVSE.FaultStateEnum.NoError)
            {
                if (beforeFault is { } saved)
                {
                    Core.State = saved.State;
                    Core.SupplyState = saved.Supply;
                    beforeFault = null;
                }
            }
            else
            {
                beforeFault ??= (Core.State, Core.SupplyState);
                Core.State = State.Fault;
                Core.SupplyState = Supply.DisabledError;
            }

            ScheduleDeadlineCheck();
            Replan();
            return MatterStatus.Success;
        }
    }

    /// <summary>Clears the current fault.</summary>
    public MatterStatus ClearFault() => RaiseFault(EnergyEVSE.FaultStateEnum.NoError);

    /// <summary>Self-diagnostics finished: SupplyState returns to Disabled and the client must enable again.</summary>
    /// <returns>Success, or Failure when no diagnostics were running.</returns>
    public MatterStatus DiagnosticsComplete()
    {
        using (HoldDecision())
        {
            // Diagnostics that ended in a fault: the supply the fault will restore is Disabled, not DisabledDiagnostics.
            if (beforeFault is { Supply: Supply.DisabledDiagnostics } saved)
            {
                beforeFault = (saved.State, Supply.Disabled);
                return MatterStatus.Success;
            }

            if (Core.SupplyState != Supply.DisabledDiagnostics)
            {
                return MatterStatus.Failure;
            }

            Core.SupplyState = Supply.Disabled;
            Replan();
            return MatterStatus.Success;
        }
    }

    /// <summary>The vehicle reported its state of charge and battery capacity (SoCReporting); null when unknown.</summary>
    public void SetStateOfCharge(byte? percent, long? batteryCapacity)
    {
        using (HoldDecision())
        {
            if (soc is null)
            {
                return;
            }

            soc.StateOfCharge = percent is > 100 ? (byte)100 : percent;
            soc.BatteryCapacity = batteryCapacity is < 0 ? null : batteryCapacity;
            Replan();
        }
    }

    /// <summary>The vehicle identified itself (PlugAndCharge); empty or null clears it.</summary>
    /// <returns>Success, or Failure for an id longer than 32 bytes.</returns>
    public MatterStatus SetVehicleId(string? vehicleId)
    {
        if (vehicleId is not null && System.Text.Encoding.UTF8.GetByteCount(vehicleId) > 32)
        {
            return MatterStatus.Failure;
        }

        using (HoldDecision())
        {
            if (pnc is not null)
            {
                pnc.VehicleID = string.IsNullOrEmpty(vehicleId) ? null : vehicleId;
            }

            return MatterStatus.Success;
        }
    }

    /// <summary>A card was read (RFID): its UID (at most 10 bytes) is reported in an RFID event.</summary>
    /// <returns>Success, or Failure when the charger has no RFID feature or the UID is too long.</returns>
    public MatterStatus ReadRfid(ReadOnlySpan<byte> uid)
    {
        if (uid.Length > 10 || rfid is null)
        {
            return MatterStatus.Failure;
        }

        using (HoldDecision())
        {
            rfid.EmitRFID(new EnergyEVSE.RFIDEvent { UID = uid.ToArray() });
            return MatterStatus.Success;
        }
    }

    /// <summary>The energy meter's running totals (mWh imported into and exported from the vehicle); the session attributes follow.</summary>
    public void UpdateMeter(long importedEnergy, long exportedEnergy)
    {
        using (HoldDecision())
        {
            meterImported = Math.Max(meterImported, importedEnergy);
            meterExported = Math.Max(meterExported, exportedEnergy);

            // SessionEnergyCharged and SessionDuration follow the meter while a session runs, not only at its end.
            UpdateSession();
        }
    }
}
