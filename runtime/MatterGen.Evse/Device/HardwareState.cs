namespace MatterGen.Evse.Device;

/// <summary>What the hardware says about the vehicle: the only three states the pilot can tell the controller.</summary>
public enum HardwareState
{
    /// <summary>No vehicle (pilot state A).</summary>
    NotPluggedIn,

    /// <summary>A vehicle is connected and does not ask for energy (pilot state B).</summary>
    PluggedInNoDemand,

    /// <summary>A vehicle is connected and asks for energy (pilot state C or D).</summary>
    PluggedInDemand,
}
