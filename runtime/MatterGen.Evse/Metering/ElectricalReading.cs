namespace MatterGen.Evse.Metering;

/// <summary>
/// One reading of the charger's meter in the clusters' units, as the hardware hands it to the device: the feed that
/// keeps Electrical Power Measurement and Electrical Energy Measurement current without the device knowing the meter.
/// </summary>
/// <param name="VoltageMillivolts">RMS voltage (L1 to neutral); null when the meter does not give it.</param>
/// <param name="ActiveCurrentMilliamps">Current of the most loaded phase, signed like the power (negative while the vehicle discharges); null when not given.</param>
/// <param name="ActivePowerMilliwatts">Active power, total over the phases; negative while energy flows back to the supply (V2X).</param>
/// <param name="ImportedEnergyMilliwattHours">The meter's imported-energy register (it only grows, unless the meter is replaced or reset).</param>
/// <param name="ExportedEnergyMilliwattHours">The meter's exported-energy register; 0 for a meter that does not count it.</param>
public readonly record struct ElectricalReading(
    long? VoltageMillivolts,
    long? ActiveCurrentMilliamps,
    long ActivePowerMilliwatts,
    long ImportedEnergyMilliwattHours,
    long ExportedEnergyMilliwattHours);
