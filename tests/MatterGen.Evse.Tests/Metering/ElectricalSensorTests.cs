using System;
using System.Collections.Generic;
using System.Linq;
using MatterGen.Evse.Clusters;
using MatterGen.Evse.Metering;
using MatterGen.Interaction;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace MatterGen.Evse.Tests.Metering;

/// <summary>The electrical sensor's rules: signed readings, counters from the meter's registers, periods and their events, Q reporting, restart.</summary>
public sealed class ElectricalSensorTests
{
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(15);

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 1, 5, 20, 0, 0, TimeSpan.Zero));
    private readonly InMemoryAttributeStore store = new();

    [Fact]
    public void Power_and_current_are_signed_negative_while_the_vehicle_discharges()
    {
        var sensor = Create(bidirectional: true);

        sensor.Update(new ElectricalReading(230_000, -16_000, -3_680_000, 0, 0));

        Assert.Equal(-3_680_000, sensor.Power.ActivePower);
        Assert.Equal(-16_000, sensor.Power.ActiveCurrent);
        Assert.Equal(230_000, sensor.Power.Voltage);
        sensor.MarkUnavailable();
        Assert.Null(sensor.Power.ActivePower);
        Assert.Null(sensor.Power.Voltage);
    }

    [Fact]
    public void Accuracy_describes_the_meter_and_a_charge_only_meter_starts_at_zero()
    {
        var sensor = Create(bidirectional: false, MeterCharacteristics.Sdm120);

        var power = sensor.Power.Accuracy.Single(a => a.MeasurementType == ElectricalPowerMeasurement.MeasurementTypeEnum.ActivePower);
        Assert.Equal(0, power.MinMeasuredValue);
        Assert.Equal(MeterCharacteristics.Sdm120.MaximumPowerMilliwatts, power.MaxMeasuredValue);
        Assert.Equal((ushort)100, power.AccuracyRanges.Single().PercentMax);
        Assert.IsType<ImportEnergyMeasurementServer>(sensor.Energy);
    }

    [Fact]
    public void The_counter_grows_by_what_the_register_grows_and_a_register_that_goes_down_is_a_new_baseline()
    {
        var sensor = Create(bidirectional: true);
        var energy = (BidirectionalEnergyMeasurementServer)sensor.Energy;

        sensor.Update(new ElectricalReading(230_000, 0, 0, 9_000_000, 0));
        sensor.Update(new ElectricalReading(230_000, 16_000, 3_680_000, 9_500_000, 0));
        Assert.Equal(500_000, energy.CumulativeEnergyImported!.Energy);

        // The meter was replaced: its register starts again at 10 Wh; nothing is lost or invented.
        sensor.Update(new ElectricalReading(230_000, 16_000, 3_680_000, 10_000, 0));
        sensor.Update(new ElectricalReading(230_000, 16_000, 3_680_000, 30_000, 2_000));
        Assert.Equal(520_000, energy.CumulativeEnergyImported!.Energy);
        Assert.Equal(2_000, energy.CumulativeEnergyExported!.Energy);
    }

    [Fact]
    public void A_period_ends_with_the_periodic_counters_and_both_events()
    {
        var log = new EventLog();
        var sensor = Create(bidirectional: true, eventLog: log);
        var energy = (BidirectionalEnergyMeasurementServer)sensor.Energy;
        sensor.Update(new ElectricalReading(230_000, 0, 0, 1_000_000, 0));
        time.Advance(TimeSpan.FromMinutes(5));
        sensor.Update(new ElectricalReading(230_000, 16_000, 3_680_000, 1_300_000, 0));
        Assert.Null(energy.PeriodicEnergyImported);
        Assert.Empty(log.ReadFrom(0));

        time.Advance(TimeSpan.FromMinutes(10));
        sensor.Update(new ElectricalReading(230_000, 16_000, 3_680_000, 1_900_000, 0));

        Assert.Equal(900_000, energy.PeriodicEnergyImported!.Energy);
        Assert.Equal(0, energy.PeriodicEnergyExported!.Energy);
        Assert.Equal(Period, energy.PeriodicEnergyImported.EndTimestamp!.Value.ToDateTimeOffset() - energy.PeriodicEnergyImported.StartTimestamp!.Value.ToDateTimeOffset());
        var events = log.ReadFrom(0);
        Assert.Equal(new uint[] { ElectricalEnergyMeasurement.Events.PeriodicEnergyMeasured.Id, ElectricalEnergyMeasurement.Events.CumulativeEnergyMeasured.Id }, events.Select(e => e.EventId));
        var snapshot = ElectricalEnergyMeasurement.Client.DecodeCumulativeEnergyMeasured(events[1]);
        Assert.Equal(900_000, snapshot.EnergyImported!.Energy);
        Assert.Equal(0, snapshot.EnergyExported!.Energy);
    }

    [Fact]
    public void Readings_every_second_are_reported_at_most_once_per_reporting_interval()
    {
        var sensor = Create(bidirectional: false);
        var reports = new List<uint>();
        sensor.Power.AttributeReported += change => reports.Add(change.AttributeId);

        for (var second = 0; second < 30; second++)
        {
            sensor.Update(new ElectricalReading(230_000 + second, 16_000 + second, 3_680_000 + second, 0, 0));
            time.Advance(TimeSpan.FromSeconds(1));
        }

        // 30 readings, 10 s interval: at most 3 or 4 reports of each value, not 30.
        Assert.InRange(reports.Count(id => id == ElectricalPowerMeasurement.Attributes.ActivePower.Id), 1, 4);
    }

    [Fact]
    public void The_cumulative_counters_survive_a_restart_and_continue_from_the_stored_value()
    {
        var first = Create(bidirectional: true);
        first.Update(new ElectricalReading(230_000, 0, 0, 0, 0));
        first.Update(new ElectricalReading(230_000, 16_000, 3_680_000, 7_000_000, 300));
        first.ResetCumulativeEnergy();
        first.Update(new ElectricalReading(230_000, 16_000, 3_680_000, 7_250_000, 300));

        // A restart: new servers on the same store; the meter kept counting while the charger was off.
        var second = Create(bidirectional: true);
        var energy = (BidirectionalEnergyMeasurementServer)second.Energy;
        Assert.Equal(250_000, energy.CumulativeEnergyImported!.Energy);
        Assert.NotNull(energy.CumulativeEnergyReset!.ImportedResetTimestamp.Value);
        second.Update(new ElectricalReading(230_000, 16_000, 3_680_000, 8_000_000, 300));
        second.Update(new ElectricalReading(230_000, 16_000, 3_680_000, 8_100_000, 300));
        Assert.Equal(350_000, energy.CumulativeEnergyImported!.Energy);
    }

    private ElectricalSensorDevice Create(bool bidirectional, MeterCharacteristics? meter = null, EventLog? eventLog = null) =>
        ElectricalSensorDevice.Create(
            bidirectional,
            new ElectricalSensorOptions { Meter = meter ?? MeterCharacteristics.Sdm630, MeasurementPeriod = Period },
            new ClusterServerOptions { Time = time, Store = store, EventLog = eventLog });
}
