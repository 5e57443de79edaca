using MatterGen.Evse.Hardware.Pilot;

namespace MatterGen.Evse.Hardware.Devices;

/// <summary>Reads the cable assembly's proximity-pilot resistor (a socketed charger; a tethered one has a fixed rating).</summary>
public interface IProximityPilot
{
    /// <summary>Measures the PP resistor once; called on each plug-in from the control loop.</summary>
    ProximityReading Read();
}
