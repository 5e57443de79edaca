using System;

namespace MatterGen.Evse.Metering;

/// <summary>How the charger's electrical sensor measures and reports.</summary>
public sealed class ElectricalSensorOptions
{
    /// <summary>The meter the readings come from (default <see cref="MeterCharacteristics.Sdm630"/>).</summary>
    public MeterCharacteristics Meter { get; init; } = MeterCharacteristics.Sdm630;

    /// <summary>
    /// The length of a measurement period: PeriodicEnergyImported/Exported cover one period, and at each period's end
    /// the PeriodicEnergyMeasured and CumulativeEnergyMeasured events are emitted. Default 15 minutes, the settlement
    /// interval of most European grids.
    /// </summary>
    public TimeSpan MeasurementPeriod { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The least time between two reports of the readings and counters (quieter reporting, Q): a meter read
    /// every second must not flood a subscription. Default 10 s, like the Energy EVSE session counters.
    /// </summary>
    public TimeSpan ReportingInterval { get; init; } = TimeSpan.FromSeconds(10);
}
