using System;

namespace MatterGen.Evse.Hardware.Metering;

/// <summary>One reading of an energy meter: voltage of phase L1, current of the most loaded phase.</summary>
/// <param name="VoltageVolts">RMS voltage, L1 to neutral.</param>
/// <param name="CurrentAmps">RMS current of the most loaded phase (L1 on a single-phase meter).</param>
/// <param name="PowerWatts">Active power (total over all phases where the meter has several); negative while exporting.</param>
/// <param name="ImportedEnergyKilowattHours">Imported active energy counter.</param>
/// <param name="Timestamp">When the reading was taken.</param>
/// <param name="ExportedEnergyKilowattHours">Exported active energy counter (energy from the vehicle, V2X); 0 for a meter that does not count it.</param>
public readonly record struct MeterReading(double VoltageVolts, double CurrentAmps, double PowerWatts, double ImportedEnergyKilowattHours, DateTimeOffset Timestamp, double ExportedEnergyKilowattHours = 0);
