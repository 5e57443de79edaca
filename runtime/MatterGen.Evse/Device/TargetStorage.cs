using System.Buffers;
using System.Collections.Generic;
using MatterGen.Evse.Clusters;
using MatterGen.Evse.Targets;
using MatterGen.Interaction;
using MatterGen.Tlv;
using Microsoft.Extensions.Logging;

namespace MatterGen.Evse.Device;

/// <summary>
/// Keeps the charging targets in the server's attribute store, encoded as the GetTargets response's TLV, under
/// a key outside the attribute id space (the store is a key–value store; no Matter attribute uses this id).
/// </summary>
internal static class TargetStorage
{
    /// <summary>The store key: a manufacturer-range id that no definition uses.</summary>
    internal const uint TargetsKey = 0xFFF1_0001;

    /// <summary>Saves the targets (one atomic store write).</summary>
    public static void Save(ClusterServer server, ChargingTargetSchedule targets)
    {
        if (server.Options.Store is not { } store)
        {
            return;
        }

        var output = new ArrayBufferWriter<byte>(128);
        var writer = new TlvWriter(output);
        new EnergyEVSE.GetTargetsResponse { ChargingTargetSchedules = [.. targets.Entries] }.Encode(ref writer, TlvTag.Anonymous);
        writer.Flush();
        store.Save(server.Endpoint, server.Description.ClusterId, TargetsKey, output.WrittenSpan);
    }

    /// <summary>Loads the stored targets; anything unreadable or breaking the SetTargets rules starts with none.</summary>
    public static void Restore(ClusterServer server, ChargingTargetSchedule targets, bool socReporting, ILogger logger)
    {
        if (server.Options.Store is not { } store || !store.TryLoad(server.Endpoint, server.Description.ClusterId, TargetsKey, out var saved))
        {
            return;
        }

        try
        {
            var reader = new TlvReader(saved.Span);
            var schedules = EnergyEVSE.GetTargetsResponse.Decode(ref reader).ChargingTargetSchedules;

            // A file edited by hand, or from an older build, must not bring in what no command could have stored.
            var status = ChargingTargetRules.Validate(schedules, socReporting);
            if (status != MatterStatus.Success)
            {
                logger.LogWarning("Stored charging targets break the SetTargets rules ({Status}); starting with none", status);
                targets.Replace(new List<EnergyEVSE.ChargingTargetScheduleStruct>());
                return;
            }

            targets.Replace(ChargingTargetRules.WithoutReservedDays(schedules));
        }
        catch (TlvException exception)
        {
            logger.LogWarning(exception, "Stored charging targets are unreadable; starting with none");
            targets.Replace(new List<EnergyEVSE.ChargingTargetScheduleStruct>());
        }
    }
}
