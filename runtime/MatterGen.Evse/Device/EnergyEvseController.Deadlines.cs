using System;
using MatterGen.DataModel;
using MatterGen.Evse.Clusters;
using MatterGen.Evse.Scheduling;
using Microsoft.Extensions.Logging;
using Reason = MatterGen.Evse.Clusters.EnergyEVSE.EnergyTransferStoppedReasonEnum;
using State = MatterGen.Evse.Clusters.EnergyEVSE.StateEnum;
using Supply = MatterGen.Evse.Clusters.EnergyEVSE.SupplyStateEnum;

namespace MatterGen.Evse.Device;

public sealed partial class EnergyEvseController
{
    /// <summary>
    /// Sets the one timer that ends charging or discharging permission: at the deadline that applies to the
    /// SupplyState (the earlier one when both are enabled), or every 30 s while the clock is not synchronized.
    /// Null deadlines mean "indefinitely": no timer.
    /// </summary>
    private void ScheduleDeadlineCheck()
    {
        var timer = deadlineTimer;
        var deadline = ApplicableDeadline();
        if (deadline is not { } until)
        {
            timer.Cancel();
            return;
        }

        // Any epoch-s value a peer sends is a valid deadline: the timer waits in steps past its due-time limit.
        if (options.IsTimeSynchronized())
        {
            timer.At(until.ToDateTimeOffset());
        }
        else
        {
            timer.After(options.UnsynchronizedRecheckInterval);
        }
    }

    /// <summary>The deadline timer fired (on a timer thread): the check is one transaction, and a failure is a fault, never a crash.</summary>
    private void OnDeadline() => Server.Atomically(CheckDeadlines);

    /// <summary>
    /// Something failed on a timer thread (a deadline check, re-arming): the device cannot vouch for its
    /// deadlines any more, so it stops supplying energy with FaultState Other until the fault is cleared.
    /// </summary>
    private void OnBackgroundFailure(Exception exception)
    {
        logger.LogError(exception, "A deadline check failed; raising FaultState Other");
        try
        {
            Server.Atomically(() => RaiseFault(EnergyEVSE.FaultStateEnum.Other));
        }
        catch (Exception inner)
        {
            logger.LogCritical(inner, "Raising the fault after a failed deadline check failed too");
        }
    }

    private EpochSeconds? ApplicableDeadline()
    {
        var charging = Core.ChargingEnabledUntil;
        var discharging = v2x?.DischargingEnabledUntil;
        return Core.SupplyState switch
        {
            Supply.ChargingEnabled => charging,
            Supply.DischargingEnabled => discharging,
            Supply.Enabled => charging is { } c && discharging is { } d ? (c.Value <= d.Value ? c : d) : charging ?? discharging,
            _ => null,
        };
    }

    private void CheckDeadlines()
    {
        lock (Server.SyncRoot)
        {
            if (!options.IsTimeSynchronized())
            {
                ScheduleDeadlineCheck();
                return;
            }

            var now = NowEpoch().Value;
            var chargingExpired = Core.ChargingEnabledUntil is { } c && c.Value <= now;
            var dischargingExpired = v2x?.DischargingEnabledUntil is { } d && d.Value <= now;
            switch (Core.SupplyState)
            {
                case Supply.ChargingEnabled when chargingExpired:
                case Supply.DischargingEnabled when dischargingExpired:
                case Supply.Enabled when chargingExpired && dischargingExpired:
                    Disable(Reason.EVSEStopped);
                    return;
                case Supply.Enabled when chargingExpired:
                    // Only the charging side lapses; discharging carries on.
                    Core.ChargingEnabledUntil = new EpochSeconds(0);
                    Core.MinimumChargeCurrent = 0;
                    commandedMaximumCharge = 0;
                    RecomputeLimits();
                    Core.SupplyState = Supply.DischargingEnabled;
                    if (Core.State == State.PluggedInCharging)
                    {
                        UpdateSession();
                        StopTransfer(Reason.EVSEStopped);
                    }

                    break;
                case Supply.Enabled when dischargingExpired:
                    v2x!.DischargingEnabledUntil = new EpochSeconds(0);
                    commandedMaximumDischarge = 0;
                    RecomputeLimits();
                    Core.SupplyState = Supply.ChargingEnabled;
                    break;
            }

            ScheduleDeadlineCheck();
            Replan();
        }
    }

    /// <summary>Recomputes the four NextCharge attributes from the targets and the present state.</summary>
    private void Replan()
    {
        var inputs = new ChargePlanInputs(
            Time.GetUtcNow(),
            options.LocalTimeZone,
            PluggedIn: hardwareState != HardwareState.NotPluggedIn,
            ChargingEnabled: Core.SupplyState == Supply.ChargingEnabled,
            Core.MaximumChargeCurrent,
            options.NominalVoltage,
            SocReporting: soc is not null,
            soc?.StateOfCharge,
            soc?.BatteryCapacity);
        var plan = ChargePlanner.Plan(inputs, targets);
        Core.NextChargeStartTime = plan.StartTime;
        Core.NextChargeTargetTime = plan.TargetTime;
        Core.NextChargeRequiredEnergy = plan.RequiredEnergy;
        Core.NextChargeTargetSoC = plan.TargetSoC;
    }
}
