using MatterGen.Evse.Hardware.Devices;
using MatterGen.Evse.Hardware.Pilot;

namespace MatterGen.Evse.Simulation;

/// <summary>The cable assembly in a simulated socket: its PP resistor, which a test may change between plug-ins or mid-session (a pulled plug or broken PP wire). Thread-safe.</summary>
public sealed class SimulatedCable : IProximityPilot
{
    private double ohms = 220;

    /// <summary>The PP resistor in ohms (default 220 Ω, a 32 A cable); positive infinity for no cable.</summary>
    public double ResistanceOhms
    {
        get => System.Threading.Volatile.Read(ref ohms);
        set => System.Threading.Volatile.Write(ref ohms, value);
    }

    private int reads;

    /// <summary>How many times the station read the PP.</summary>
    public int Reads => System.Threading.Volatile.Read(ref reads);

    /// <inheritdoc />
    public ProximityReading Read()
    {
        System.Threading.Interlocked.Increment(ref reads);
        return ProximityPilot.Classify(ResistanceOhms);
    }
}
