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

    private readonly long[] trials = new long[1 << 22];
    private long trialCount;
    private FakeTimeProvider time = null!;
    private PilotAdcSpi spi = null!;
    private TimestampingGpioDriver driver = null!;
    private GpioController gpio = null!;
    private ChargePointController controller = null!;
    private ChargePointHardware hardware = null!;
    private bool close;

    private sealed class PercentilesConfig : ManualConfig
    {
        public PercentilesConfig() => AddColumn(StatisticColumn.P50, StatisticColumn.P95, new PercentileColumn(99));
    }

    [GlobalSetup]
    public void Setup()
    {
        time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        spi = new PilotAdcSpi { HighCounts = PlusNineVolts, LowCounts = PlusNineVolts };
        driver = new TimestampingGpioDriver(CoilPin);
        gpio = new GpioController(driver);
        var options = new ChargePointOptions { Debounce = new PilotDebounceOptions { ToChargeRequest = TimeSpan.Zero } };
        controller = new ChargePointController(options, time);
        var adc = new Mcp3008(spi);
        var sampler = new AdcPilotSampler(() => adc.Read(0), new PilotCalibration(0, 1023));
        hardware = new ChargePointHardware(controller, new PwmControlPilot(new NullPwmChannel()), new GpioContactor(gpio, new GpioContactorOptions { CoilPin = CoilPin }), sampler.Sample);

        // Plug in (B1), enable the supply (B2), then ask for charge (C2): the contactor closes.
        for (var i = 0; i < 20; i++)
        {
            hardware.Poll();
            time.Advance(TimeSpan.FromMilliseconds(20));
        }

        controller.EnableSupply(16_000);
        spi.LowCounts = MinusTwelveVolts;
        spi.HighCounts = PlusSixVolts;
        hardware.Poll();
        if (!driver.CoilHigh)
        {
            throw new InvalidOperationException("The benchmark rig did not close the contactor: " + controller.Outputs);
        }

        close = true;
        trialCount = 0;
    }

    [Benchmark(Description = "pilot level change → contactor pin")]
    public bool PilotChangeToContactorPin()
    {
        close = !close;
        spi.HighCounts = close ? PlusSixVolts : PlusNineVolts;
        var start = Stopwatch.GetTimestamp();
        hardware.Poll();
        if (driver.CoilHigh != close)
        {
            throw new InvalidOperationException("The contactor did not follow the pilot.");
        }

        trials[trialCount++ & (trials.Length - 1)] = driver.LastCoilWrite - start;
        return driver.CoilHigh;
    }

    [GlobalCleanup]
    public void Report()
    {
        var n = (int)Math.Min(trialCount, trials.Length);
        if (n == 0)
        {
            return;
        }

        var sorted = trials[..n];
        Array.Sort(sorted);
        double Nanoseconds(double percentile) => sorted[Math.Min(n - 1, (int)(percentile * n))] * 1e9 / Stopwatch.Frequency;
        Console.WriteLine($"// Per-trial reaction (last {n} of {trialCount} trials): p50 {Nanoseconds(0.50):F0} ns, p99 {Nanoseconds(0.99):F0} ns, p99.9 {Nanoseconds(0.999):F0} ns, max {Nanoseconds(1.0):F0} ns");
        hardware.Dispose();
        controller.Dispose();
        gpio.Dispose();
    }
}
