using System;
using MatterGen.DataModel;
using Dem = MatterGen.Evse.Clusters.DeviceEnergyManagement;

namespace MatterGen.Evse.EnergyManagement;

/// <summary>
/// The live fields of a Device Energy Management forecast: each slot's ElapsedSlotTime and RemainingSlotTime at a given
/// moment, the slots following one another from StartTime by their DefaultDuration. A slot not yet started has 0 elapsed
/// and its whole DefaultDuration remaining; a completed one shows the time it took and nothing remaining.
/// </summary>
public static class ForecastSlotTimes
{
    /// <summary>The forecast with every slot's elapsed and remaining time as of <paramref name="now"/>; null stays null.</summary>
    public static Dem.ForecastStruct? AsOf(Dem.ForecastStruct? forecast, EpochSeconds now)
    {
        if (forecast?.Slots is not { Count: > 0 } slots)
        {
            return forecast;
        }

        var slotStart = (long)forecast.StartTime.Value;
        var changed = false;
        var updated = new Dem.SlotStruct[slots.Count];
        for (var i = 0; i < slots.Count; i++)
        {
            var slot = slots[i];
            var length = (long)slot.DefaultDuration.Value;
            var elapsed = Math.Clamp(now.Value - slotStart, 0, length);
            var elapsedTime = new ElapsedSeconds((uint)elapsed);
            var remainingTime = new ElapsedSeconds((uint)(length - elapsed));
            changed |= slot.ElapsedSlotTime != elapsedTime || slot.RemainingSlotTime != remainingTime;
            updated[i] = slot with { ElapsedSlotTime = elapsedTime, RemainingSlotTime = remainingTime };
            slotStart += length;
        }

        return changed ? forecast with { Slots = updated } : forecast;
    }
}
