namespace MatterGen.Evse.Hardware.Station;

/// <summary>
/// What lies beyond the station's pins when it is not the real world: a simulated vehicle, contactor contacts and
/// meter, which the control loop advances once per step before it samples the pilot. On real hardware there is none:
/// physics runs by itself. MatterGen.Evse.Simulation provides one.
/// </summary>
public interface IStationPlant
{
    /// <summary>Advances the plant to now, with what the pins carried since the last step. Called on the loop's thread.</summary>
    void Step();

    /// <summary>The vehicle's battery as the vehicle tells it, or null when no vehicle reports one (SoCReporting).</summary>
    VehicleBattery? Battery { get; }
}
