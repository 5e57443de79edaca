namespace MatterGen.Evse.Hardware.Station;

/// <summary>A vehicle's battery as the vehicle reports it: what the station passes on as StateOfCharge and BatteryCapacity.</summary>
/// <param name="StateOfChargePercent">State of charge, 0–100 %.</param>
/// <param name="CapacityMilliwattHours">Usable capacity in mWh.</param>
public readonly record struct VehicleBattery(byte StateOfChargePercent, long CapacityMilliwattHours);
