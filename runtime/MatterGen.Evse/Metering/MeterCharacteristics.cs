namespace MatterGen.Evse.Metering;

/// <summary>
/// What the charger's meter can measure and how exactly: the extent and accuracy the Accuracy attributes publish.
/// Percentages are in hundredths of a percent (100 = 1 %) of the reading, as MeasurementAccuracyRangeStruct has them.
/// </summary>
/// <param name="MaximumVoltageMillivolts">Highest voltage the meter measures.</param>
/// <param name="MaximumCurrentMilliamps">Highest current the meter measures (its maximum current rating).</param>
/// <param name="MaximumPowerMilliwatts">Highest active power the meter measures, in either direction.</param>
/// <param name="VoltagePercent100ths">Voltage accuracy.</param>
/// <param name="CurrentPercent100ths">Current accuracy.</param>
/// <param name="PowerPercent100ths">Active power accuracy.</param>
/// <param name="EnergyPercent100ths">Active energy accuracy (the meter's class: class 1 is 100).</param>
/// <param name="Measured">True for a meter that measures; false for values the charger derives (an integrating meter).</param>
public sealed record MeterCharacteristics(
    long MaximumVoltageMillivolts,
    long MaximumCurrentMilliamps,
    long MaximumPowerMilliwatts,
    ushort VoltagePercent100ths,
    ushort CurrentPercent100ths,
    ushort PowerPercent100ths,
    ushort EnergyPercent100ths,
    bool Measured)
{
    /// <summary>
    /// Eastron SDM630 (three-phase, 10(100) A, 230 V L-N): voltage and current ±0.5 %, active power ±1 %, active
    /// energy class 1 (±1 %), from its data sheet.
    /// </summary>
    public static MeterCharacteristics Sdm630 { get; } = new(276_000, 100_000, 3 * 276 * 100 * 1000L, 50, 50, 100, 100, Measured: true);

    /// <summary>Eastron SDM120 (single-phase, 5(45) A, 230 V): voltage and current ±0.5 %, active power ±1 %, energy class 1.</summary>
    public static MeterCharacteristics Sdm120 { get; } = new(276_000, 45_000, 276 * 45 * 1000L, 50, 50, 100, 100, Measured: true);

    /// <summary>
    /// The integrating meter: energy derived from the pilot-side current and voltage sensors, not measured by a meter.
    /// Its accuracy is the sensors' (taken as ±2 % for current and voltage, ±4 % for their product), published as estimated.
    /// </summary>
    public static MeterCharacteristics Integrating { get; } = new(276_000, 80_000, 276 * 80 * 1000L, 200, 200, 400, 400, Measured: false);
}
