namespace MatterGen.Evse.Simulation;

/// <summary>How the simulated RCD answers its self-test current.</summary>
public enum SimulatedRcdBehaviour
{
    /// <summary>Trips after <see cref="SimulatedFaultSensors.TestTripDelay"/> and clears when the test current is removed.</summary>
    Healthy,

    /// <summary>Never trips on the test current (a dead sensing coil).</summary>
    DoesNotTrip,

    /// <summary>Trips on the test current and stays tripped after it is removed (a stuck comparator).</summary>
    DoesNotClear,
}
