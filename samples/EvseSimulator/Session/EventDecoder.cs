using System;
using MatterGen.Evse.Clusters;
using MatterGen.Interaction;
using MatterGen.Tlv;

namespace MatterGen.Samples.EvseSimulator.Session;

/// <summary>Turns Energy EVSE event records (TLV payloads) into log lines with the generated decoders.</summary>
internal static class EventDecoder
{
    /// <summary>Decodes one record; an unknown event or a malformed payload is reported, not thrown.</summary>
    public static SessionEvent Decode(EventRecord record)
    {
        try
        {
            var (name, detail) = Describe(record);
            return new SessionEvent(record.Timestamp.ToLocalTime(), EventSource.Cluster, name, detail);
        }
        catch (TlvException error)
        {
            return new SessionEvent(record.Timestamp.ToLocalTime(), EventSource.Cluster, $"Event 0x{record.EventId:X2}", $"malformed payload: {error.Message}");
        }
    }

    private static (string Name, string Detail) Describe(EventRecord record)
    {
        if (record.EventId == EnergyEVSE.Events.EVConnected.Id)
        {
            var e = EnergyEVSE.Client.DecodeEVConnected(record);
            return ("EVConnected", $"session {e.SessionID}");
        }

        if (record.EventId == EnergyEVSE.Events.EVNotDetected.Id)
        {
            var e = EnergyEVSE.Client.DecodeEVNotDetected(record);
            var discharged = e.SessionEnergyDischarged is { } d ? $", discharged {Units.KilowattHours(d):0.00} kWh" : string.Empty;
            return ("EVNotDetected", $"session {e.SessionID} was {e.State}, lasted {Units.Duration(e.SessionDuration.ToTimeSpan())}, charged {Units.KilowattHours(e.SessionEnergyCharged):0.00} kWh{discharged}");
        }

        if (record.EventId == EnergyEVSE.Events.EnergyTransferStarted.Id)
        {
            var e = EnergyEVSE.Client.DecodeEnergyTransferStarted(record);
            var discharge = e.MaximumDischargeCurrent is { } d && d > 0 ? $", discharge up to {d / 1000.0:0.#} A" : string.Empty;
            return ("EnergyTransferStarted", $"{e.State}, up to {e.MaximumCurrent / 1000.0:0.#} A{discharge}");
        }

        if (record.EventId == EnergyEVSE.Events.EnergyTransferStopped.Id)
        {
            var e = EnergyEVSE.Client.DecodeEnergyTransferStopped(record);
            var discharged = e.EnergyDischarged is { } d && d > 0 ? $", discharged {Units.KilowattHours(d):0.00} kWh" : string.Empty;
            return ("EnergyTransferStopped", $"{e.Reason} while {e.State}, transferred {Units.KilowattHours(e.EnergyTransferred):0.00} kWh{discharged}");
        }

        if (record.EventId == EnergyEVSE.Events.Fault.Id)
        {
            var e = EnergyEVSE.Client.DecodeFault(record);
            return ("Fault", $"{e.FaultStatePreviousState} → {e.FaultStateCurrentState} while {e.State}");
        }

        if (record.EventId == EnergyEVSE.Events.RFID.Id)
        {
            var e = EnergyEVSE.Client.DecodeRFID(record);
            return ("RFID", $"card {Convert.ToHexString(e.UID.Span)}");
        }

        return ($"Event 0x{record.EventId:X2}", $"{record.Payload.Length} bytes");
    }
}
