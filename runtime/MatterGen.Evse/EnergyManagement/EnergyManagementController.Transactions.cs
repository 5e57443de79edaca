using System;
using System.Collections.Generic;
using System.Threading;
using MatterGen.DataModel;
using Dem = MatterGen.Evse.Clusters.DeviceEnergyManagement;

namespace MatterGen.Evse.EnergyManagement;

// The commands' all-or-nothing (PowerAdjustRequest, CancelPowerAdjustRequest). A command's change runs under the lock
// both clusters share, inside an Energy EVSE transaction: if it throws, that transaction puts the Energy EVSE side back
// (the cap and the offered current), this file puts back what the controller keeps (the adjustment in force, its
// expiry, the opt-outs, the forecast's basis and its timer), and the exception goes on to the command's own
// transaction, which puts this cluster's attributes back and drops its events. A timer the change stops is only
// retired until the change stands, so a failure can keep it; an expiry callback checks that its timer is still the
// current one. Nothing can fail after the change: this cluster has no non-volatile attribute to save at commit.
public sealed partial class EnergyManagementController
{
    private readonly List<ITimer> retired = [];
    private bool changing;

    // Under Gate.
    private void AllOrNothing(Action change)
    {
        var saved = new Snapshot(active, expiry, slotStart, modeOptOut, userOptOut, forecastId, forecastBasis, testForecastStart);
        changing = true;
        try
        {
            evse.Server.Atomically(change);
        }
        catch
        {
            changing = false;
            Restore(saved);
            throw;
        }

        changing = false;
        foreach (var timer in retired)
        {
            timer.Dispose();
        }

        retired.Clear();
    }

    private void Restore(Snapshot saved)
    {
        // Timers the failed change armed go; those it retired are the current ones again.
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

    // Stops a timer: at once, or when the command's change stands. Under Gate.
    private void Retire(ITimer? timer)
    {
        if (timer is null)
        {
            return;
        }

        if (changing)
        {
            retired.Add(timer);
        }
        else
        {
            timer.Dispose();
        }
    }

    // The expiry of the adjustment in force, replacing any earlier one. Under Gate.
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
