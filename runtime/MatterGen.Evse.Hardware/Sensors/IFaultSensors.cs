namespace MatterGen.Evse.Hardware.Sensors;

/// <summary>The charger's protective inputs: residual current, protective earth, emergency stop, temperature.</summary>
public interface IFaultSensors
{
    /// <summary>Reads every input once; called from the control loop, so it must not block for long.</summary>
    FaultSensorReadings Read();
}
