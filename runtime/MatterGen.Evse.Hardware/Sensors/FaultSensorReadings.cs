namespace MatterGen.Evse.Hardware.Sensors;

/// <summary>One reading of the charger's protective inputs.</summary>
/// <param name="ResidualCurrentTripped">The RCD/GFCI reports residual current (or failed its self-test).</param>
/// <param name="ProtectiveEarthMissing">The protective-earth check finds no earth.</param>
/// <param name="EmergencyStopPressed">The emergency stop is pressed.</param>
/// <param name="TemperatureCelsius">The charger's internal temperature, or null without a sensor.</param>
public readonly record struct FaultSensorReadings(bool ResidualCurrentTripped, bool ProtectiveEarthMissing, bool EmergencyStopPressed, double? TemperatureCelsius);
