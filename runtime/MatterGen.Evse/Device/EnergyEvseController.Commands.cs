using System.Threading;
using System.Threading.Tasks;
using MatterGen.DataModel;
using MatterGen.Evse.Clusters;
using MatterGen.Evse.Targets;
using MatterGen.Interaction;
using Reason = MatterGen.Evse.Clusters.EnergyEVSE.EnergyTransferStoppedReasonEnum;
using State = MatterGen.Evse.Clusters.EnergyEVSE.StateEnum;
using Supply = MatterGen.Evse.Clusters.EnergyEVSE.SupplyStateEnum;

namespace MatterGen.Evse.Device;

// The cluster's commands. Each one checks everything before it changes anything, so a rejected command
// leaves the device exactly as it was, and reports its status by throwing MatterStatusException.
public sealed partial class EnergyEvseController : IStandardEvseServerDriver, IBidirectionalEvseServerDriver
{
    /// <summary>Disable: no charging or discharging; deadlines and limits go to 0.</summary>
    public ValueTask DisableAsync(EnergyEVSE.DisableRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        lock (Server.SyncRoot)
        {
            ThrowIfFaultedOrDiagnosing();
            Disable(Reason.EVSEStopped);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>EnableCharging: allow charging until a deadline (null: indefinitely) within the given currents.</summary>
    public ValueTask EnableChargingAsync(EnergyEVSE.EnableChargingRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        System.ArgumentNullException.ThrowIfNull(request);
        if (request.MinimumChargeCurrent < 0 || request.MaximumChargeCurrent < 0 || request.MinimumChargeCurrent > request.MaximumChargeCurrent)
        {
            throw new MatterStatusException(MatterStatus.ConstraintError, "Charge currents must be 0 or more with minimum ≤ maximum.");
        }

        lock (Server.SyncRoot)
        {
            ThrowIfFaultedOrDiagnosing();
            Core.ChargingEnabledUntil = request.ChargingEnabledUntil;
            Core.MinimumChargeCurrent = request.MinimumChargeCurrent;
            commandedMaximumCharge = request.MaximumChargeCurrent;
            RecomputeLimits();
            Core.SupplyState = Core.SupplyState switch
            {
                Supply.Disabled => Supply.ChargingEnabled,
                Supply.DischargingEnabled => Supply.Enabled,
                var unchanged => unchanged,
            };
            if (Core.State == State.PluggedInDemand)
            {
                StartTransfer(State.PluggedInCharging);
            }

            ScheduleDeadlineCheck();
            Replan();
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>EnableDischarging (V2X): allow discharging until a deadline within the given current.</summary>
    public ValueTask EnableDischargingAsync(EnergyEVSE.EnableDischargingRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        System.ArgumentNullException.ThrowIfNull(request);
        if (request.MaximumDischargeCurrent < 0)
        {
            throw new MatterStatusException(MatterStatus.ConstraintError, "The discharge current must be 0 or more.");
        }

        if (v2x is null)
        {
            throw new MatterStatusException(MatterStatus.UnsupportedCommand);
        }

        lock (Server.SyncRoot)
        {
            ThrowIfFaultedOrDiagnosing();
            v2x.DischargingEnabledUntil = request.DischargingEnabledUntil;
            commandedMaximumDischarge = request.MaximumDischargeCurrent;
            RecomputeLimits();
            Core.SupplyState = Core.SupplyState switch
            {
                Supply.Disabled => Supply.DischargingEnabled,
                Supply.ChargingEnabled => Supply.Enabled,
                var unchanged => unchanged,
            };
            ScheduleDeadlineCheck();
            Replan();
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>StartDiagnostics: allowed only while Disabled; SupplyState becomes DisabledDiagnostics.</summary>
    public ValueTask StartDiagnosticsAsync(EnergyEVSE.StartDiagnosticsRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        lock (Server.SyncRoot)
        {
            if (Core.SupplyState != Supply.Disabled)
            {
                throw new MatterStatusException(MatterStatus.Failure, "Diagnostics start only while the supply is disabled.");
            }

            Core.SupplyState = Supply.DisabledDiagnostics;
            Replan();
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>SetTargets: validate the whole request, then merge it by day and store it.</summary>
    public ValueTask SetTargetsAsync(EnergyEVSE.SetTargetsRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        System.ArgumentNullException.ThrowIfNull(request);
        lock (Server.SyncRoot)
        {
            var status = ChargingTargetRules.Validate(request.ChargingTargetSchedules, socReporting: HasFeature(EnergyEVSE.Feature.SoCReporting));
            if (status != MatterStatus.Success)
            {
                throw new MatterStatusException(status);
            }

            ChangeTargets(() => targets.Apply(ChargingTargetRules.WithoutReservedDays(request.ChargingTargetSchedules)));
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>GetTargets: the stored schedules in their stored order.</summary>
    public ValueTask<EnergyEVSE.GetTargetsResponse> GetTargetsAsync(EnergyEVSE.GetTargetsRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        lock (Server.SyncRoot)
        {
            return ValueTask.FromResult(new EnergyEVSE.GetTargetsResponse { ChargingTargetSchedules = [.. targets.Entries] });
        }
    }

    /// <summary>ClearTargets: forget every target.</summary>
    public ValueTask ClearTargetsAsync(EnergyEVSE.ClearTargetsRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        lock (Server.SyncRoot)
        {
            ChangeTargets(targets.Clear);
        }

        return ValueTask.CompletedTask;
    }

    // In memory only: the transaction the command runs in saves the targets when it commits (Commit below),
    // and a failed save puts them back with everything else.
    private void ChangeTargets(System.Action change)
    {
        change();
        Replan();
    }

    private void ThrowIfFaultedOrDiagnosing()
    {
        if (Core.FaultState != EnergyEVSE.FaultStateEnum.NoError || Core.SupplyState == Supply.DisabledDiagnostics)
        {
            throw new MatterStatusException(MatterStatus.Failure, "Not while a fault is active or diagnostics run.");
        }
    }

    /// <summary>Everything off: the Disable command and an expired deadline in a one-sided state.</summary>
    private void Disable(Reason reason)
    {
        Core.ChargingEnabledUntil = new EpochSeconds(0);
        Core.MinimumChargeCurrent = 0;
        commandedMaximumCharge = 0;
        if (v2x is not null)
        {
            v2x.DischargingEnabledUntil = new EpochSeconds(0);
            commandedMaximumDischarge = 0;
        }

        RecomputeLimits();
        Core.SupplyState = Supply.Disabled;
        if (IsTransferring)
        {
            UpdateSession();
            StopTransfer(reason);
        }

        ScheduleDeadlineCheck();
        Replan();
    }
}
