using System;
using MatterGen.Evse.Hardware.Metering;
using MatterGen.Evse.Metering;

namespace MatterGen.Evse.Hardware.Station;

// The meter's readings for the charger's electrical sensor (Electrical Power and Energy Measurement): the station
// reads the meter anyway, so the sensor is fed from the same readings the Energy EVSE session counters use.
public sealed partial class EvseStation
{
    /// <summary>Raised after each good meter reading, in the clusters' units.</summary>
    public event Action<ElectricalReading>? MeterRead;

    /// <summary>Raised when the meter cannot be read (the readings are unknown until it answers again).</summary>
    public event Action? MeterUnavailable;

    /// <summary>Feeds the charger's electrical sensor from this station's meter; disposing the result stops it.</summary>
    public IDisposable FeedElectricalSensor(ElectricalSensorDevice sensor)
    {
        ArgumentNullException.ThrowIfNull(sensor);
        Action<ElectricalReading> read = sensor.Update;
        Action unavailable = sensor.MarkUnavailable;
        MeterRead += read;
        MeterUnavailable += unavailable;
        return new Unsubscriber(() =>
        {
            MeterRead -= read;
            MeterUnavailable -= unavailable;
        });
    }

    private void PublishMeterReading(MeterReading reading) => MeterRead?.Invoke(reading.ToElectricalReading());

    private void PublishMeterUnavailable() => MeterUnavailable?.Invoke();

    private sealed class Unsubscriber(Action unsubscribe) : IDisposable
    {
        public void Dispose() => unsubscribe();
    }
}
