using System;
using System.Collections.Generic;
using MatterGen.DataModel;
using MatterGen.Evse.Clusters;
using MatterGen.Interaction;
using Epm = MatterGen.Evse.Clusters.ElectricalPowerMeasurement;

namespace MatterGen.Evse.Metering;

/// <summary>
/// The charger's electrical sensor: Electrical Power Measurement, Electrical Energy Measurement and Power Topology
/// (NodeTopology), kept current by the meter readings the hardware feeds to <see cref="Update"/>. Thread-safe.
/// </summary>
public sealed class ElectricalSensorDevice
{
    /// <summary>The attributes' extent: ±2^62, the clusters' bound on every 64-bit measurement.</summary>
    private const long Extent = 4_611_686_018_427_387_904;

    private readonly object gate = new();
    private readonly TimeProvider time;
    private readonly IEnergyMeasurementImport imports;
    private readonly IEnergyMeasurementExport? exports;
    private readonly EnergyRegister imported;
    private readonly EnergyRegister exported;
    private TimeSpan period;
    private DateTimeOffset periodStart;
    private bool testFeed;

    private ElectricalSensorDevice(ElectricalSensorOptions options, ClusterServerOptions serverOptions, ClusterServer energy, IEnergyMeasurementImport imports, IEnergyMeasurementExport? exports)
    {
        time = serverOptions.Time;
        Meter = options.Meter;
        period = options.MeasurementPeriod;
        periodStart = time.GetUtcNow();
        Energy = energy;
        this.imports = imports;
        this.exports = exports;
        Power = new ChargerPowerMeasurementServer(serverOptions)
        {
            PowerMode = Epm.PowerModeEnum.AC,
            Accuracy = PowerAccuracy(options.Meter, exports is not null),
            NumberOfMeasurementTypes = 3,
        };
        Topology = new ChargerPowerTopologyServer(serverOptions);
        imports.Accuracy = EnergyAccuracy(options.Meter);

        // The counters continue from what the store restored (N quality).
        imported = new EnergyRegister(imports.CumulativeEnergyImported?.Energy ?? 0);
        exported = new EnergyRegister(exports?.CumulativeEnergyExported?.Energy ?? 0);
    }

    /// <summary>The meter the readings come from.</summary>
    public MeterCharacteristics Meter { get; }

    /// <summary>Electrical Power Measurement: voltage, active current and signed active power.</summary>
    public ChargerPowerMeasurementServer Power { get; }

    /// <summary>Electrical Energy Measurement: imported (and, for V2X, exported) energy, cumulative and periodic.</summary>
    public ClusterServer Energy { get; }

    /// <summary>Power Topology: the meter measures the whole node.</summary>
    public ChargerPowerTopologyServer Topology { get; }

    /// <summary>The cumulative imported energy counter (mWh).</summary>
    public long ImportedEnergy
    {
        get
        {
            lock (gate)
            {
                return imported.Cumulative;
            }
        }
    }

    /// <summary>The three servers, for an endpoint.</summary>
    public IReadOnlyList<ClusterServer> Servers => [Power, Energy, Topology];

    /// <summary>Creates the sensor of a charger that only draws energy, or with <paramref name="bidirectional"/> of a V2X charger.</summary>
    public static ElectricalSensorDevice Create(bool bidirectional, ElectricalSensorOptions? options = null, ClusterServerOptions? serverOptions = null)
    {
        options ??= new ElectricalSensorOptions();
        var withReporting = WithReporting(serverOptions, options.ReportingInterval);
        if (bidirectional)
        {
            var server = new BidirectionalEnergyMeasurementServer(withReporting);
            return new ElectricalSensorDevice(options, withReporting, server, server, server);
        }

        var importOnly = new ImportEnergyMeasurementServer(withReporting);
        return new ElectricalSensorDevice(options, withReporting, importOnly, importOnly, null);
    }

    /// <summary>
    /// A new reading from the meter: the power attributes take it, the counters grow by what the registers grew, and a
    /// measurement period that has run its length ends (PeriodicEnergy attributes and both events). Ignored while the
    /// test event triggers feed fake readings.
    /// </summary>
    public void Update(ElectricalReading reading)
    {
        lock (gate)
        {
            if (!testFeed)
            {
                Apply(reading);
            }
        }
    }

    /// <summary>The meter cannot be read: the power attributes become null (unknown); the counters keep their values.</summary>
    public void MarkUnavailable()
    {
        lock (gate)
        {
            Power.Voltage = null;
            Power.ActiveCurrent = null;
            Power.ActivePower = null;
        }
    }

    /// <summary>Sets the cumulative counters back to zero (for example when the meter is replaced) and records when in CumulativeEnergyReset.</summary>
    public void ResetCumulativeEnergy()
    {
        lock (gate)
        {
            var now = EpochSeconds.FromDateTimeOffset(time.GetUtcNow());
            imported.Reset();
            exported.Reset();
            imports.CumulativeEnergyImported = new ElectricalEnergyMeasurement.EnergyMeasurementStruct { Energy = 0, EndTimestamp = now };
            if (exports is not null)
            {
                exports.CumulativeEnergyExported = new ElectricalEnergyMeasurement.EnergyMeasurementStruct { Energy = 0, EndTimestamp = now };
            }

            imports.CumulativeEnergyReset = new ElectricalEnergyMeasurement.CumulativeEnergyResetStruct
            {
                ImportedResetTimestamp = new Optional<EpochSeconds?>(now),
                ExportedResetTimestamp = exports is null ? default : new Optional<EpochSeconds?>(now),
            };
        }
    }

    /// <summary>
    /// Starts (with a period) or stops (null) the test event triggers' fake readings: while they run, readings from
    /// the hardware are ignored and a measurement period lasts <paramref name="fakePeriod"/>.
    /// </summary>
    internal void SetTestFeed(TimeSpan? fakePeriod, TimeSpan normalPeriod)
    {
        lock (gate)
        {
            testFeed = fakePeriod is not null;
            period = fakePeriod ?? normalPeriod;
            periodStart = time.GetUtcNow();
            imported.StartPeriod();
            exported.StartPeriod();

            // The fake meter's registers start at zero; the hardware's next reading is a new baseline.
            imported.Rebase(testFeed ? 0 : null);
            exported.Rebase(testFeed ? 0 : null);
        }
    }

    /// <summary>A fake reading from the test event triggers.</summary>
    internal void ApplyTestReading(ElectricalReading reading)
    {
        lock (gate)
        {
            if (testFeed)
            {
                Apply(reading);
            }
        }
    }

    private void Apply(ElectricalReading reading)
    {
        Power.Voltage = Clamp(reading.VoltageMillivolts);
        Power.ActiveCurrent = Clamp(reading.ActiveCurrentMilliamps);
        Power.ActivePower = Clamp(reading.ActivePowerMilliwatts);

        var now = time.GetUtcNow();
        var stamp = EpochSeconds.FromDateTimeOffset(now);
        var addedImport = imported.Advance(Math.Max(0, reading.ImportedEnergyMilliwattHours));
        var addedExport = exported.Advance(Math.Max(0, reading.ExportedEnergyMilliwattHours));

        // A counter that exists is published from the first reading; after that only a change is news.
        if (addedImport > 0 || imports.CumulativeEnergyImported is null)
        {
            imports.CumulativeEnergyImported = Counter(imported.Cumulative, stamp);
        }

        if (exports is not null && (addedExport > 0 || exports.CumulativeEnergyExported is null))
        {
            exports.CumulativeEnergyExported = Counter(exported.Cumulative, stamp);
        }

        if (now - periodStart >= period)
        {
            EndPeriod(EpochSeconds.FromDateTimeOffset(periodStart), stamp);
            periodStart = now;
        }
    }

    // The end of a measurement period: the period's energy, then a snapshot of the counters, each as its event.
    private void EndPeriod(EpochSeconds start, EpochSeconds end)
    {
        var periodicImport = new ElectricalEnergyMeasurement.EnergyMeasurementStruct { Energy = imported.InPeriod, StartTimestamp = start, EndTimestamp = end };
        var periodicExport = exports is null ? null : new ElectricalEnergyMeasurement.EnergyMeasurementStruct { Energy = exported.InPeriod, StartTimestamp = start, EndTimestamp = end };
        imports.PeriodicEnergyImported = periodicImport;
        if (exports is not null)
        {
            exports.PeriodicEnergyExported = periodicExport;
        }

        imports.EmitPeriodicEnergyMeasured(new ElectricalEnergyMeasurement.PeriodicEnergyMeasuredEvent { EnergyImported = periodicImport, EnergyExported = periodicExport });
        imports.EmitCumulativeEnergyMeasured(new ElectricalEnergyMeasurement.CumulativeEnergyMeasuredEvent
        {
            EnergyImported = Counter(imported.Cumulative, end),
            EnergyExported = exports is null ? null : Counter(exported.Cumulative, end),
        });
        imported.StartPeriod();
        exported.StartPeriod();
    }

    private static ElectricalEnergyMeasurement.EnergyMeasurementStruct Counter(long energy, EpochSeconds at) =>
        new() { Energy = Math.Min(energy, Extent), EndTimestamp = at };

    private static long? Clamp(long? value) => value is { } v ? Math.Clamp(v, -Extent, Extent) : null;

    private static ClusterServerOptions WithReporting(ClusterServerOptions? options, TimeSpan interval) => new()
    {
        Endpoint = options?.Endpoint ?? 1,
        Time = options?.Time ?? TimeProvider.System,
        Store = options?.Store,
        EventLog = options?.EventLog,
        QuieterReportingInterval = interval,
    };

    private static List<Epm.MeasurementAccuracyStruct> PowerAccuracy(MeterCharacteristics meter, bool bidirectional)
    {
        // A charger that never gives energy back measures current and power from 0 up; a V2X one in both directions.
        var lowestCurrent = bidirectional ? -meter.MaximumCurrentMilliamps : 0;
        var lowestPower = bidirectional ? -meter.MaximumPowerMilliwatts : 0;
        return
        [
            PowerEntry(Epm.MeasurementTypeEnum.Voltage, meter.Measured, 0, meter.MaximumVoltageMillivolts, meter.VoltagePercent100ths),
            PowerEntry(Epm.MeasurementTypeEnum.ActiveCurrent, meter.Measured, lowestCurrent, meter.MaximumCurrentMilliamps, meter.CurrentPercent100ths),
            PowerEntry(Epm.MeasurementTypeEnum.ActivePower, meter.Measured, lowestPower, meter.MaximumPowerMilliwatts, meter.PowerPercent100ths),
        ];
    }

    private static Epm.MeasurementAccuracyStruct PowerEntry(Epm.MeasurementTypeEnum type, bool measured, long min, long max, ushort percent) => new()
    {
        MeasurementType = type,
        Measured = measured,
        MinMeasuredValue = min,
        MaxMeasuredValue = max,
        AccuracyRanges = [new Epm.MeasurementAccuracyRangeStruct { RangeMin = min, RangeMax = max, PercentMax = percent }],
    };

    private static ElectricalEnergyMeasurement.MeasurementAccuracyStruct EnergyAccuracy(MeterCharacteristics meter) => new()
    {
        MeasurementType = ElectricalEnergyMeasurement.MeasurementTypeEnum.ElectricalEnergy,
        Measured = meter.Measured,
        MinMeasuredValue = 0,
        MaxMeasuredValue = Extent,
        AccuracyRanges = [new ElectricalEnergyMeasurement.MeasurementAccuracyRangeStruct { RangeMin = 0, RangeMax = Extent, PercentMax = meter.EnergyPercent100ths }],
    };
}
