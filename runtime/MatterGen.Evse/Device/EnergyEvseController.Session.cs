using System;
using MatterGen.DataModel;
using MatterGen.Evse.Clusters;
using Reason = MatterGen.Evse.Clusters.EnergyEVSE.EnergyTransferStoppedReasonEnum;
using State = MatterGen.Evse.Clusters.EnergyEVSE.StateEnum;
using Supply = MatterGen.Evse.Clusters.EnergyEVSE.SupplyStateEnum;

namespace MatterGen.Evse.Device;

public sealed partial class EnergyEvseController
{
    private DateTimeOffset? sessionStart;
    private long meterImported;
    private long meterExported;
    private long sessionImportedBaseline;
    private long sessionExportedBaseline;
    private long transferImportedBaseline;
    private long transferExportedBaseline;

    private bool IsTransferring => Core.State is State.PluggedInCharging or State.PluggedInDischarging;

    private void OnPluggedIn()
    {
        if (Core.State is not (State.NotPluggedIn or null))
        {
            return;
        }

        // A new session: the id counts up from 0 and survives restarts (SessionID is non-volatile).
        Core.SessionID = Core.SessionID is { } id ? unchecked(id + 1) : 0;
        sessionStart = Time.GetUtcNow();
        sessionImportedBaseline = meterImported;
        sessionExportedBaseline = meterExported;
        Core.SessionDuration = new ElapsedSeconds(0);
        Core.SessionEnergyCharged = 0;
        if (v2x is not null)
        {
            v2x.SessionEnergyDischarged = 0;
        }

        ReportSessionTotals();
        Core.EmitEVConnected(new EnergyEVSE.EVConnectedEvent { SessionID = Core.SessionID.Value });
        SetStateUnlessFaulted(State.PluggedInNoDemand);
        Replan();
    }

    private void OnUnplugged()
    {
        // The state the EVSE was in when the vehicle left: Fault (6) if it left during a fault, as the reference reports.
        var stateBefore = Core.State;
        if (IsTransferring)
        {
            StopTransfer(Reason.Other);
        }

        UpdateSession();
        if (Core.SessionID is { } id)
        {
            Core.EmitEVNotDetected(new EnergyEVSE.EVNotDetectedEvent
            {
                SessionID = id,
                State = stateBefore ?? State.NotPluggedIn,
                SessionDuration = Core.SessionDuration ?? new ElapsedSeconds(0),
                SessionEnergyCharged = Core.SessionEnergyCharged ?? 0,
                SessionEnergyDischarged = v2x?.SessionEnergyDischarged ?? (meterExported - sessionExportedBaseline),
            });
        }

        sessionStart = null;
        ReportSessionTotals();

        // SupplyState stays as it was: permission to charge outlives the vehicle.
        SetStateUnlessFaulted(State.NotPluggedIn);
        Replan();
    }

    private void OnDemand()
    {
        if (Core.State == State.Fault)
        {
            beforeFault = beforeFault is { } saved ? (State.PluggedInDemand, saved.Supply) : null;
            return;
        }

        switch (Core.SupplyState)
        {
            case Supply.ChargingEnabled:
            case Supply.Enabled:
                StartTransfer(State.PluggedInCharging);
                break;
            case Supply.DischargingEnabled:
                StartTransfer(State.PluggedInDischarging);
                break;
            default:
                Core.State = State.PluggedInDemand;
                break;
        }
    }

    private void OnNoDemand()
    {
        if (Core.State == State.Fault)
        {
            beforeFault = beforeFault is { } saved ? (State.PluggedInNoDemand, saved.Supply) : null;
            return;
        }

        if (IsTransferring)
        {
            UpdateSession();
            StopTransfer(Reason.EVStopped);
        }

        Core.State = State.PluggedInNoDemand;
    }

    private void StartTransfer(State state)
    {
        Core.State = state;
        transferImportedBaseline = meterImported;
        transferExportedBaseline = meterExported;
        if (Core.SessionID is { } id)
        {
            Core.EmitEnergyTransferStarted(new EnergyEVSE.EnergyTransferStartedEvent
            {
                SessionID = id,
                State = state,
                MaximumCurrent = Core.MaximumChargeCurrent,
                MaximumDischargeCurrent = v2x?.MaximumDischargeCurrent,
            });
        }
    }

    private void StopTransfer(Reason reason)
    {
        var stateBefore = Core.State ?? State.NotPluggedIn;
        if (Core.SessionID is { } id)
        {
            Core.EmitEnergyTransferStopped(new EnergyEVSE.EnergyTransferStoppedEvent
            {
                SessionID = id,
                State = stateBefore,
                Reason = reason,
                EnergyTransferred = Math.Max(0, meterImported - transferImportedBaseline),
                EnergyDischarged = v2x is null ? null : Math.Max(0, meterExported - transferExportedBaseline),
            });
        }

        Core.State = HardwareStateAsClusterState();
        ReportSessionTotals();
    }

    /// <summary>
    /// At the end of a transfer or a session the totals are news: reported at once, not held back by quieter
    /// reporting (which only paces the updates while energy flows).
    /// </summary>
    private void ReportSessionTotals()
    {
        Server.ReportNow(EnergyEVSE.Attributes.SessionDuration.Id);
        Server.ReportNow(EnergyEVSE.Attributes.SessionEnergyCharged.Id);
        if (v2x is not null)
        {
            Server.ReportNow(EnergyEVSE.Attributes.SessionEnergyDischarged.Id);
        }
    }

    /// <summary>Brings the session attributes up to date from the clock and the meter.</summary>
    private void UpdateSession()
    {
        if (sessionStart is not { } start)
        {
            return;
        }

        var seconds = Math.Clamp((Time.GetUtcNow() - start).TotalSeconds, 0, uint.MaxValue);
        Core.SessionDuration = new ElapsedSeconds((uint)seconds);
        Core.SessionEnergyCharged = Math.Max(0, meterImported - sessionImportedBaseline);
        if (v2x is not null)
        {
            v2x.SessionEnergyDischarged = Math.Max(0, meterExported - sessionExportedBaseline);
        }
    }

    private State HardwareStateAsClusterState() => hardwareState switch
    {
        HardwareState.PluggedInDemand => State.PluggedInDemand,
        HardwareState.PluggedInNoDemand => State.PluggedInNoDemand,
        _ => State.NotPluggedIn,
    };

    // While a fault holds State at Fault, a hardware change only updates what the fault will restore.
    private void SetStateUnlessFaulted(State state)
    {
        if (Core.State == State.Fault && beforeFault is { } saved)
        {
            beforeFault = (state, saved.Supply);
        }
        else
        {
            Core.State = state;
        }
    }
}
