using System;
using System.Device.Gpio;
using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using MatterGen.Evse.Hardware.Control;
using MatterGen.Evse.Hardware.Devices;
using MatterGen.Evse.Hardware.Pilot;
using Microsoft.Extensions.Time.Testing;

namespace MatterGen.Benchmarks.Hardware;

/// <summary>
/// The control loop's reaction time: from a pilot level change at the (fake) MCP3008 to the contactor coil pin
/// written through a (fake) GpioDriver. One invocation is one reaction: the EV's pilot alternates between C
/// (6 V, the contactor closes) and B (9 V, it opens), and one <see cref="ChargePointHardware.Poll"/> takes the
/// 100-conversion ADC burst, classifies it, runs the state machine and applies the outputs to the pins.
/// </summary>
/// <remarks>
/// BenchmarkDotNet's P50/P95/P99 columns are percentiles of iteration means. The per-trial distribution (each
/// reaction timed on its own with <see cref="Stopwatch"/>, from the level change to the pin write) is printed to
/// the log by <see cref="Report"/>. The charge-request debounce is 0 here so closing reacts on the first sample
/// too; with the default 500 ms, only opening is immediate, which is the safety-relevant direction. Not included:
/// the wait for the next loop step (up to one LoopInterval, 20 ms by default) and real SPI transfer time.
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(PercentilesConfig))]
public class ControlLoopReactionBenchmarks
{
    private const int CoilPin = 17;
    private const int PlusSixVolts = 767;   // (6 + 12) / 24 × 1023
    private const int PlusNineVolts = 895;  // (9 + 12) / 24 × 1023
    private const int MinusTwelveVolts = 0;

    private readonly long[] _trials = new long[1 << 22];
    private long _trialCount;
    private FakeTimeProvider _time = null!;
    private PilotAdcSpi _spi = null!;
    private TimestampingGpioDriver _driver = null!;
    private GpioController _gpio = null!;
    private ChargePointController _controller = null!;
    private ChargePointHardware _hardware = null!;
    private bool _close;

    private sealed class PercentilesConfig : ManualConfig
    {
        public PercentilesConfig() => AddColumn(StatisticColumn.P50, StatisticColumn.P95, new PercentileColumn(99));
    }

    [GlobalSetup]
    public void Setup()
    {
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        _spi = new PilotAdcSpi { HighCounts = PlusNineVolts, LowCounts = PlusNineVolts };
        _driver = new TimestampingGpioDriver(CoilPin);
        _gpio = new GpioController(_driver);
        var options = new ChargePointOptions { Debounce = new PilotDebounceOptions { ToChargeRequest = TimeSpan.Zero } };
        _controller = new ChargePointController(options, _time);
        var adc = new Mcp3008(_spi);
        var sampler = new AdcPilotSampler(() => adc.Read(0), new PilotCalibration(0, 1023));
        _hardware = new ChargePointHardware(_controller, new PwmControlPilot(new NullPwmChannel()), new GpioContactor(_gpio, new GpioContactorOptions { CoilPin = CoilPin }), sampler.Sample);

        // Plug in (B1), enable the supply (B2), then ask for charge (C2): the contactor closes.
        for (int i = 0; i < 20; i++)
        {
            _hardware.Poll();
            _time.Advance(TimeSpan.FromMilliseconds(20));
        }

        _controller.EnableSupply(16_000);
        _spi.LowCounts = MinusTwelveVolts;
        _spi.HighCounts = PlusSixVolts;
        _hardware.Poll();
        if (!_driver.CoilHigh) throw new InvalidOperationException("The benchmark rig did not close the contactor: " + _controller.Outputs);
        _close = true;
        _trialCount = 0;
    }

    [Benchmark(Description = "pilot level change → contactor pin")]
    public bool PilotChangeToContactorPin()
    {
        _close = !_close;
        _spi.HighCounts = _close ? PlusSixVolts : PlusNineVolts;
        long start = Stopwatch.GetTimestamp();
        _hardware.Poll();
        if (_driver.CoilHigh != _close) throw new InvalidOperationException("The contactor did not follow the pilot.");
        _trials[_trialCount++ & (_trials.Length - 1)] = _driver.LastCoilWrite - start;
        return _driver.CoilHigh;
    }

    [GlobalCleanup]
    public void Report()
    {
        int n = (int)Math.Min(_trialCount, _trials.Length);
        if (n == 0) return;
        long[] sorted = _trials[..n];
        Array.Sort(sorted);
        double Nanoseconds(double percentile) => sorted[Math.Min(n - 1, (int)(percentile * n))] * 1e9 / Stopwatch.Frequency;
        Console.WriteLine($"// Per-trial reaction (last {n} of {_trialCount} trials): p50 {Nanoseconds(0.50):F0} ns, p99 {Nanoseconds(0.99):F0} ns, p99.9 {Nanoseconds(0.999):F0} ns, max {Nanoseconds(1.0):F0} ns");
        _hardware.Dispose();
        _controller.Dispose();
        _gpio.Dispose();
    }
}
