namespace MatterGen.Evse.Hardware.Sensors;

/// <summary>
/// An RCD/GFCI with a test winding: <see cref="SetResidualCurrentTest"/> drives a test current through it, which a
/// healthy device answers by tripping (<see cref="FaultSensorReadings.ResidualCurrentTripped"/>).
/// </summary>
public interface IResidualCurrentSelfTestable
{
    /// <summary>True when both the trip input and the test output are fitted.</summary>
    bool CanSelfTestResidualCurrent { get; }

    /// <summary>Injects (true) or removes (false) the test current.</summary>
    /// <param name="inject">True to drive the test output.</param>
    void SetResidualCurrentTest(bool inject);
}
