namespace MatterGen.Evse.Hardware.Station;

/// <summary>Which Energy EVSE server the station exposes.</summary>
public enum EvseDeviceKind
{
    /// <summary>Every feature: SoC reporting, plug and charge, RFID and V2X (<c>BidirectionalEvseServer</c>).</summary>
    Bidirectional,

    /// <summary>Charging preferences and RFID (<c>StandardEvseServer</c>).</summary>
    Standard,
}
