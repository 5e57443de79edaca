using System;
using MatterGen.Evse.Metering;

namespace MatterGen.Evse.Hardware.Metering;

/// <summary>Turns a meter's reading (volts, amps, watts, kWh) into the device's feed (<see cref="ElectricalReading"/>, the clusters' units).</summary>
internal static class ElectricalReadingConversion
{
    /// <summary>
    /// The reading in mV, mA, mW and mWh. The meter gives the current as a magnitude and the power with its
    /// direction; the cluster's ActiveCurrent carries the direction too, so the current takes the power's sign.
    /// </summary>
    public static ElectricalReading ToElectricalReading(this MeterReading reading)
    {
        var milliamps = Scale(Math.Abs(reading.CurrentAmps), 1e3);
        return new ElectricalReading(
            Scale(reading.VoltageVolts, 1e3),
            reading.PowerWatts < 0 ? -milliamps : milliamps,
            Scale(reading.PowerWatts, 1e3),
            Scale(reading.ImportedEnergyKilowattHours, 1e6),
            Scale(reading.ExportedEnergyKilowattHours, 1e6));
    }

    private static long Scale(double value, double factor) =>
        double.IsFinite(value) ? (long)Math.Clamp(Math.Round(value * factor), -4.6e18, 4.6e18) : 0;
}
