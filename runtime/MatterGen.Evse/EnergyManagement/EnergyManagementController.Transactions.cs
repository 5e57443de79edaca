using System;
using System.Collections.Generic;
using System.Threading;
using MatterGen.DataModel;
using MatterGen.Interaction;
using Dem = MatterGen.Evse.Clusters.DeviceEnergyManagement;

namespace MatterGen.Evse.EnergyManagement;

// The controller's share of its server's transactions (PowerAdjustRequest, CancelPowerAdjustRequest): the adjustment
// in force, its expiry, the opt-outs and the forecast's basis are captured before a command and put back if it fails,
// with the timers it armed or stopped. A timer a command stops is only retired until it commits, so a failure can keep
// it; its callback checks that it is still the current one.
public sealed partial class EnergyManagementController : ITransactionalState
{
    private readonly List<ITimer> retired = [];
    private bool inTransaction;

    /// <inheritdoc/>
    object ITransactionalState.Capture()
    {
        inTransaction = true;
        retired.Clear();
        return new Snapshot(active, expiry, slotStart, modeOptOut, userOptOut, forecastId, forecastBasis, testForecastStart);
    }

    /// <inheritdoc/>
    void ITransactionalState.Commit(object snapshot)
    {
        inTransaction = false;
        foreach (var timer in retired)
        {
            timer.Dispose();
        }

        retired.Clear();
    }

    /// <inheritdoc/>
    void ITransactionalState.Restore(object snapshot)
    {
        inTransaction = false;
        var saved = (Snapshot)snapshot;

        // Timers the failed command armed go; those it retired are the current ones again.
        if (!ReferenceEquals(expiry, saved.Expiry))
        {
            expiry?.Dispose();
        }

        if (!ReferenceEquals(slotStart, saved.SlotStart))
        {
            slotStart?.Dispose();
        }

        retired.Clear();
        (active, expiry, slotStart, modeOptOut, userOptOut, forecastId, forecastBasis, testForecastStart) =
            (saved.Active, saved.Expiry, saved.SlotStart, saved.ModeOptOut, saved.UserOptOut, saved.ForecastId, saved.ForecastBasis, saved.TestForecastStart);
    }

    // Stops a timer: at once outside a command, at its commit inside one.
    private void Retire(ITimer? timer)
    {
        if (timer is null)
        {
            return;
        }

        if (inTransaction)
        {
            retired.Add(timer);
        }
        else
        {
            timer.Dispose();
        }
    }

    // The expiry of the adjustment in force, replacing any earlier one.
    private void ArmExpiry(TimeSpan duration)
    {
        Retire(expiry);
        ITimer? armed = null;
        armed = time.CreateTimer(_ => Expire(Volatile.Read(ref armed)), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        expiry = armed;
        armed.Change(duration, Timeout.InfiniteTimeSpan);
    }

    private sealed record Snapshot(
        Adjustment? Active,
        ITimer? Expiry,
        ITimer? SlotStart,
        Dem.OptOutStateEnum ModeOptOut,
        Dem.OptOutStateEnum UserOptOut,
        uint ForecastId,
        (EpochSeconds Start, EpochSeconds End, long? Energy, byte? TargetSoC, long MaxPower, bool Adjusted)? ForecastBasis,
        DateTimeOffset? TestForecastStart);
}
