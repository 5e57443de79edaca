using MatterGen.DataModel;
using MatterGen.Evse.Clusters;
using MatterGen.Interaction;
using MatterGen.Tlv;

namespace MatterGen.Evse.EnergyManagement;

/// <summary>
/// Device Energy Management of the charger: Power Adjustment (an energy manager may cap the charging power for a
/// while) and Power Forecast Reporting (the charging plan as a power forecast). State Forecast Reporting is not
/// allowed together with Power Adjustment; Forecast Adjustment, Start Time Adjustment, Pausable and Constraint-Based
/// Adjustment are left out (see EnergyManagementController).
/// </summary>
[MatterServer("Device Energy Management", Features = "PowerAdjustment, PowerForecastReporting")]
public partial class ChargerEnergyManagementServer
{
    /// <summary>
    /// Writes the Forecast with its slots' ElapsedSlotTime and RemainingSlotTime as of now (the spec wants them current
    /// on every read, and never the cause of a report); every other attribute as stored.
    /// </summary>
    protected override void WriteAttributeValue(uint attributeId, ref TlvWriter writer, RequestContext context)
    {
        if (attributeId != DeviceEnergyManagement.Attributes.Forecast.Id)
        {
            base.WriteAttributeValue(attributeId, ref writer, context);
            return;
        }

        if (ForecastSlotTimes.AsOf(Forecast, EpochSeconds.FromDateTimeOffset(Time.GetUtcNow())) is { } forecast)
        {
            forecast.Encode(ref writer, TlvTag.Anonymous);
        }
        else
        {
            writer.WriteNull(TlvTag.Anonymous);
        }
    }
}

/// <summary>Device Energy Management Mode: whom the charger lets optimize its energy use.</summary>
[MatterServer("Device Energy Management Mode")]
public partial class EnergyManagementModeServer;
