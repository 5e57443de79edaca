using System;
using System.Threading;
using MatterGen.DataModel;
using MatterGen.Evse.Clusters;
using MatterGen.Evse.Device;
using Dem = MatterGen.Evse.Clusters.DeviceEnergyManagement;

namespace MatterGen.Evse.EnergyManagement;

// Power Forecast Reporting: the Energy EVSE charging plan (NextChargeStartTime, NextChargeTargetTime,
// NextChargeRequiredEnergy) as a one-slot forecast. The stored value changes (and is reported, Q) when the plan, the
// offered current or the adjustment in force changes, each time with a new ForecastID, and when the slot starts
// (ActiveSlotNumber null → 0, same ForecastID: the plan is the same, the sequence has begun). ElapsedSlotTime and
// RemainingSlotTime change every second, so the spec keeps them out of reports ("a change in this field value shall
// NOT cause the Forecast attribute to be updated") yet wants them current on every read: the server brings them up
// to date as it writes the value out (ForecastSlotTimes), the stored value keeps those of its last change.
public sealed partial class EnergyManagementController
{
    private uint forecastId;
    private (EpochSeconds Start, EpochSeconds End, long? Energy, byte? TargetSoC, long MaxPower, bool Adjusted)? forecastBasis;
    private ITimer? slotStart;

    private DateTimeOffset? testForecastStart;

    /// <summary>
    /// The Forecast test event (TC-DEM-2.9): a one-slot forecast from now, an hour at the hardware's full power, as
    /// the reference application simulates one whatever its plan; false returns to the charging plan's forecast.
    /// </summary>
    public void SetTestForecast(bool simulated)
    {
        lock (Gate)
        {
            testForecastStart = simulated ? time.GetUtcNow() : null;
            UpdateForecast();
        }
    }

    private void UpdateForecast()
    {
        var now = EpochSeconds.FromDateTimeOffset(time.GetUtcNow());
        if (testForecastStart is { } test)
        {
            var testStart = EpochSeconds.FromDateTimeOffset(test);
            var fullPower = options.PowerOf(evse.HardwareMaximumChargeCurrent);
            Publish((testStart, new EpochSeconds(testStart.Value + 3600), fullPower, null, fullPower, active is not null), fullPower, now);
            return;
        }

        var plugged = core.State is EnergyEVSE.StateEnum.PluggedInNoDemand or EnergyEVSE.StateEnum.PluggedInDemand or EnergyEVSE.StateEnum.PluggedInCharging or EnergyEVSE.StateEnum.PluggedInDischarging;
        if (!plugged || core.NextChargeStartTime is not { } start || core.NextChargeTargetTime is not { } end
            || (core.NextChargeRequiredEnergy ?? EnergyToTargetSoC()) is not { } energy || end.Value <= start.Value)
        {
            // No vehicle or no plan: nothing to forecast.
            forecastBasis = null;
            DisarmSlotStart();
            Server.Forecast = null;
            return;
        }

        // A state-of-charge target is one plan however far charging has come: keyed by the target, not the energy left.
        Publish((start, end, core.NextChargeRequiredEnergy, core.NextChargeTargetSoC, options.PowerOf(core.MaximumChargeCurrent), active is not null), energy, now);
    }

    // A new forecast (new ForecastID) when the basis changed; otherwise only the slot may have started since.
    private void Publish((EpochSeconds Start, EpochSeconds End, long? Energy, byte? TargetSoC, long MaxPower, bool Adjusted) basis, long energy, EpochSeconds now)
    {
        var (start, end, _, _, maxPower, _) = basis;
        var activeSlot = ActiveSlot(start, end, now);
        if (forecastBasis == basis)
        {
            if (Server.Forecast is { } same && same.ActiveSlotNumber != activeSlot)
            {
                Server.Forecast = ForecastSlotTimes.AsOf(same with { ActiveSlotNumber = activeSlot }, now);
            }

            return;
        }

        forecastBasis = basis;
        var length = end.Value - start.Value;

        // Energy over the slot's length gives its average power: mWh × 3600 / s = mW.
        var nominal = Math.Min(maxPower, energy * 3600 / length);
        var forecast = new Dem.ForecastStruct
        {
            ForecastID = ++forecastId,
            ActiveSlotNumber = activeSlot,
            StartTime = start,
            EndTime = end,
            IsPausable = false,
            Slots =
            [
                new Dem.SlotStruct
                {
                    MinDuration = new ElapsedSeconds(length),
                    MaxDuration = new ElapsedSeconds(length),
                    DefaultDuration = new ElapsedSeconds(length),
                    ElapsedSlotTime = new ElapsedSeconds(0),
                    RemainingSlotTime = new ElapsedSeconds(length),
                    NominalPower = nominal,
                    MinPower = options.PowerOf(options.MinimumChargeCurrent),
                    MaxPower = maxPower,
                    NominalEnergy = energy,
                },
            ],
            ForecastUpdateReason = active?.Cause switch
            {
                Dem.AdjustmentCauseEnum.LocalOptimization => Dem.ForecastUpdateReasonEnum.LocalOptimization,
                Dem.AdjustmentCauseEnum.GridOptimization => Dem.ForecastUpdateReasonEnum.GridOptimization,
                _ => Dem.ForecastUpdateReasonEnum.InternalOptimization,
            },
        };
        Server.Forecast = ForecastSlotTimes.AsOf(forecast, now);
        ArmSlotStart(start, now);
    }

    // A state-of-charge target leaves NextChargeRequiredEnergy null; the energy is what the battery still lacks.
    private long? EnergyToTargetSoC() =>
        core.NextChargeTargetSoC is { } target && evse.Server is IEnergyEvseSocReporting { StateOfCharge: { } soc, BatteryCapacity: { } capacity }
            ? Math.Max(0, (target - soc) * capacity / 100)
            : null;

    // The slot is active from the plan's start until its end; null before (the sequence has not started) and after.
    private static ushort? ActiveSlot(EpochSeconds start, EpochSeconds end, EpochSeconds now) =>
        now.Value >= start.Value && now.Value < end.Value ? (ushort)0 : null;

    // Nothing in the charger changes at the planned start by itself (the energy manager or the device's own start
    // may come a moment later), so a timer marks the slot active on time.
    private void ArmSlotStart(EpochSeconds start, EpochSeconds now)
    {
        DisarmSlotStart();
        if (start.Value > now.Value)
        {
            slotStart = time.CreateTimer(_ => OnSlotStart(), null, TimeSpan.FromSeconds(start.Value - now.Value), Timeout.InfiniteTimeSpan);
        }
    }

    private void DisarmSlotStart()
    {
        Retire(slotStart);
        slotStart = null;
    }

    private void OnSlotStart()
    {
        lock (Gate)
        {
            UpdateForecast();
        }
    }
}
