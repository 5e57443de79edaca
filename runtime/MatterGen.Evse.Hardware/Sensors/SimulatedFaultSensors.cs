namespace MatterGen.Evse.Hardware.Sensors;

/// <summary>Fault inputs set by a test or a simulator UI. Thread-safe (each input is a single volatile value).</summary>
public sealed class SimulatedFaultSensors : IFaultSensors
{
    private volatile bool _residualCurrent;
    private volatile bool _earthMissing;
    private volatile bool _emergencyStop;
    private double _temperature = 25.0;

    /// <summary>The RCD trips.</summary>
    public bool ResidualCurrentTripped { get => _residualCurrent; set => _residualCurrent = value; }

    /// <summary>The protective earth goes missing.</summary>
    public bool ProtectiveEarthMissing { get => _earthMissing; set => _earthMissing = value; }

    /// <summary>The emergency stop is pressed.</summary>
    public bool EmergencyStopPressed { get => _emergencyStop; set => _emergencyStop = value; }

    /// <summary>The charger's temperature, °C.</summary>
    public double TemperatureCelsius
    {
        get => System.Threading.Volatile.Read(ref _temperature);
        set => System.Threading.Volatile.Write(ref _temperature, value);
    }

    /// <inheritdoc />
    public FaultSensorReadings Read() => new(ResidualCurrentTripped, ProtectiveEarthMissing, EmergencyStopPressed, TemperatureCelsius);
}
