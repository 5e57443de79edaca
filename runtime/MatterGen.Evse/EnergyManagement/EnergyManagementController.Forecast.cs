using System;
using MatterGen.DataModel;
using MatterGen.Evse.Clusters;
using Dem = MatterGen.Evse.Clusters.DeviceEnergyManagement;

namespace MatterGen.Evse.EnergyManagement;

// Power Forecast Reporting: the Energy EVSE charging plan (NextChargeStartTime, NextChargeTargetTime,
// NextChargeRequiredEnergy) as a one-slot forecast, rebuilt whenever the plan or the offered current changes.
public sealed partial class EnergyManagementController
{
    private uint forecastId;
    private (EpochSeconds Start, EpochSeconds End, long Energy, long MaxPower, bool Adjusted)? forecastBasis;

    private void UpdateForecast()
    {
        var plugged = core.State is EnergyEVSE.StateEnum.PluggedInNoDemand or EnergyEVSE.StateEnum.PluggedInDemand or EnergyEVSE.StateEnum.PluggedInCharging or EnergyEVSE.StateEnum.PluggedInDischarging;
        if (!plugged || core.NextChargeStartTime is not { } start || core.NextChargeTargetTime is not { } end
            || core.NextChargeRequiredEnergy is not { } energy || end.Value <= start.Value)
        {
            // No vehicle or no plan: nothing to forecast.
            forecastBasis = null;
            Server.Forecast = null;
            return;
        }

        var maxPower = options.PowerOf(core.MaximumChargeCurrent);
        var basis = (start, end, energy, maxPower, active is not null);
        if (forecastBasis == basis)
        {
            return;
        }

        forecastBasis = basis;
        var now = EpochSeconds.FromDateTimeOffset(time.GetUtcNow());
        var length = end.Value - start.Value;
        var elapsed = now.Value <= start.Value ? 0u : Math.Min(length, now.Value - start.Value);

        // Energy over the slot's length gives its average power: mWh × 3600 / s = mW.
        var nominal = Math.Min(maxPower, energy * 3600 / length);
        Server.Forecast = new Dem.ForecastStruct
        {
            ForecastID = ++forecastId,
            ActiveSlotNumber = now.Value >= start.Value && now.Value < end.Value ? (ushort)0 : null,
            StartTime = start,
            EndTime = end,
            EarliestStartTime = start,
            LatestEndTime = end,
            IsPausable = false,
            Slots =
            [
                new Dem.SlotStruct
                {
                    MinDuration = new ElapsedSeconds(length),
                    MaxDuration = new ElapsedSeconds(length),
                    DefaultDuration = new ElapsedSeconds(length),
                    ElapsedSlotTime = new ElapsedSeconds(elapsed),
                    RemainingSlotTime = new ElapsedSeconds(length - elapsed),
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
    }
}
