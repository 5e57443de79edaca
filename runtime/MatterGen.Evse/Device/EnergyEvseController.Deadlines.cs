using System;
using System.Threading;
using MatterGen.DataModel;
using MatterGen.Evse.Clusters;
using MatterGen.Evse.Scheduling;
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
        deadlineTimer?.Dispose();
        deadlineTimer = null;
        var deadline = ApplicableDeadline();
        if (deadline is not { } until)
        {
            return;
        }

        var wait = options.IsTimeSynchronized()
            ? until.ToDateTimeOffset() - Time.GetUtcNow()
            : options.UnsynchronizedRecheckInterval;
        deadlineTimer = Time.CreateTimer(_ => CheckDeadlines(), null, wait < TimeSpan.Zero ? TimeSpan.Zero : wait, Timeout.InfiniteTimeSpan);
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
