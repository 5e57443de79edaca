using MatterGen.Evse.Hardware.Pilot;

namespace MatterGen.Evse.Hardware.Devices;

/// <summary>Reads the cable assembly's proximity-pilot resistor (a socketed charger; a tethered one has a fixed rating).</summary>
public interface IProximityPilot
{
    /// <summary>Measures the PP resistor once; called on each plug-in and, while a valid cable has an EV connected, every loop step (to detect PP loss).</summary>
    ProximityReading Read();
}
