using System;
using System.Threading;
using MatterGen.Evse.Metering;
using MatterGen.Interaction;
using MatterGen.TestEvents;

namespace MatterGen.Evse.TestEvents;

/// <summary>
/// The energy reporting test event triggers (0x0091_0000_0000_000x) that TC-EPM-2.2 and TC-EEM-2.2 to 2.5 send, with
/// the reference application's effects: fake meter readings of a 1 kW load every 2 s or a 3 kW generator every 5 s,
/// varying slightly from reading to reading (the scripts check that consecutive readings differ), until Stop.
/// Each fake reading also ends a measurement period, so the periodic counters change as the scripts expect.
/// </summary>
public static class EnergyReportingTestEventTriggers
{
    /// <summary>Stops the fake readings; the hardware's readings take over again.</summary>
    public const ulong StopFakeReadings = 0x0091_0000_0000_0000;

    /// <summary>Fake readings of a 1 kW load (230 V, about 4.35 A), every 2 s.</summary>
    public const ulong StartFakeLoad1kW = 0x0091_0000_0000_0001;

    /// <summary>Fake readings of a 3 kW generator (power flowing out, negative), every 5 s.</summary>
    public const ulong StartFakeGenerator3kW = 0x0091_0000_0000_0002;

    /// <summary>The interval of the fake load's readings.</summary>
    public static readonly TimeSpan LoadInterval = TimeSpan.FromSeconds(2);

    /// <summary>The interval of the fake generator's readings.</summary>
    public static readonly TimeSpan GeneratorInterval = TimeSpan.FromSeconds(5);

    /// <summary>Registers the codes for one sensor; disposing the result stops any fake readings and removes them.</summary>
    /// <param name="registry">The node's registry.</param>
    /// <param name="sensor">The charger's electrical sensor.</param>
    /// <param name="options">The sensor's options (its measurement period is restored on Stop).</param>
    /// <param name="time">The clock the fake readings run on.</param>
    public static IDisposable Register(TestEventTriggerRegistry registry, ElectricalSensorDevice sensor, ElectricalSensorOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(sensor);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var feed = new FakeFeed(sensor, options.MeasurementPeriod, time);
        return TriggerRegistrations.Register(
            registry,
            [
                (StopFakeReadings, feed.Stop),
                (StartFakeLoad1kW, () => feed.Start(1_000_000, LoadInterval)),
                (StartFakeGenerator3kW, () => feed.Start(-3_000_000, GeneratorInterval)),
            ],
            feed);
    }

    /// <summary>The fake meter: registers that grow by power × interval, with readings that vary a little each time.</summary>
    private sealed class FakeFeed(ElectricalSensorDevice sensor, TimeSpan normalPeriod, TimeProvider time) : IDisposable
    {
        private const long Volts230 = 230_000;
        private readonly object gate = new();

        // Deterministic variation: the same test run sees the same readings.
        private readonly Random jitter = new(0x0091);
        private ITimer? timer;
        private long powerMilliwatts;
        private TimeSpan interval;
        private long importRegister;
        private long exportRegister;

        public MatterStatus Start(long power, TimeSpan every)
        {
            lock (gate)
            {
                timer?.Dispose();
                powerMilliwatts = power;
                interval = every;
                importRegister = 0;
                exportRegister = 0;
                sensor.SetTestFeed(every, normalPeriod);
                timer = time.CreateTimer(_ => Tick(), null, every, every);
                return MatterStatus.Success;
            }
        }

        public MatterStatus Stop()
        {
            lock (gate)
            {
                timer?.Dispose();
                timer = null;
                sensor.SetTestFeed(null, normalPeriod);
                return MatterStatus.Success;
            }
        }

        public void Dispose() => Stop();

        private void Tick()
        {
            lock (gate)
            {
                if (timer is null)
                {
                    return;
                }

                // ±0.5 V and ±10 W around the nominal values: inside the scripts' tolerances (±1 V, ±20 W), never equal twice in a row.
                var volts = Volts230 + jitter.Next(-500, 501);
                var power = powerMilliwatts + (jitter.Next(0, 2) == 0 ? -1 : 1) * jitter.Next(1, 10_001);
                var energy = Math.Abs(power) * (long)interval.TotalMilliseconds / 3_600_000;
                if (power >= 0)
                {
                    importRegister += energy;
                }
                else
                {
                    exportRegister += energy;
                }

                sensor.ApplyTestReading(new ElectricalReading(volts, power * 1000 / volts, power, importRegister, exportRegister));
            }
        }
    }
}
