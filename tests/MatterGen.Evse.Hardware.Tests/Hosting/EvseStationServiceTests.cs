using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using MatterGen.Evse.Hardware.Hosting;
using MatterGen.Evse.Hardware.Station;
using MatterGen.Evse.Simulation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using State = MatterGen.Evse.Clusters.EnergyEVSE.StateEnum;

namespace MatterGen.Evse.Hardware.Tests.Hosting;

public class EvseStationServiceTests
{
    private static IHost BuildHost(FakeTimeProvider time, Dictionary<string, string?> settings, bool simulation = true)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddEvseStation(builder.Configuration);
        if (simulation)
        {
            builder.Services.AddEvseSimulation();
        }

        return builder.Build();
    }

    /// <summary>Advances fake time a loop interval at a time until <paramref name="done"/> holds (at most 10 real seconds).</summary>
    private static async Task AdvanceUntilAsync(FakeTimeProvider time, TimeSpan step, Func<bool> done)
    {
        var watch = Stopwatch.StartNew();
        while (!done())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), "the hosted loop did not get there");
            time.Advance(step);
            await Task.Delay(1);
        }
    }

    [Fact]
    public async Task The_hosted_service_binds_the_options_and_runs_the_loop_on_the_injected_clock()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        using var host = BuildHost(time, new()
        {
            ["EvseStation:LoopInterval"] = "00:00:00.050",
            ["EvseStation:DeviceKind"] = "Standard",
            ["EvseStation:Endpoint"] = "3",
            ["EvseStation:CableAssemblyLimitMilliamps"] = "20000",
            ["EvseStation:ChargePoint:VentilationAvailable"] = "true",
            ["EvseStation:ChargePoint:Thresholds:BcVolts"] = "7.4",
        });
        var station = host.Services.GetRequiredService<EvseStation>();
        Assert.Equal(TimeSpan.FromMilliseconds(50), station.Options.LoopInterval);
        Assert.Equal(EvseDeviceKind.Standard, station.Options.DeviceKind);
        Assert.Equal((ushort)3, station.Device.Server.Endpoint);
        Assert.Equal(20_000, station.Options.CableAssemblyLimitMilliamps);
        Assert.True(station.Options.ChargePoint.VentilationAvailable);
        Assert.Equal(7.4, station.Options.ChargePoint.Thresholds.BcVolts);

        await host.StartAsync();
        var service = host.Services.GetServices<IHostedService>().OfType<EvseStationService>().Single();
        var ev = host.Services.GetRequiredService<SimulatedEv>();
        Assert.Same(ev, station.Simulation!.Ev);
        ev.Plugged = true;
        await AdvanceUntilAsync(time, TimeSpan.FromMilliseconds(50), () => station.Snapshot.State == State.PluggedInNoDemand);
        Assert.True(service.Steps > 2);

        await host.StopAsync();
        var steps = service.Steps;
        time.Advance(TimeSpan.FromSeconds(1));
        await Task.Delay(20);
        Assert.Equal(steps, service.Steps); // stopped means stopped
    }

    [Fact]
    public async Task Invalid_configuration_fails_at_start_with_the_reason()
    {
        var time = new FakeTimeProvider();
        using var host = BuildHost(time, new() { ["EvseStation:LoopInterval"] = "00:00:00" });
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("LoopInterval", error.Message);
    }

    [Fact]
    public async Task Real_hardware_that_is_not_there_fails_at_start_with_a_typed_error_naming_the_part()
    {
        // This machine has no GPIO chip (or not the configured PWM): the error says what could not be opened.
        var time = new FakeTimeProvider();
        using var host = BuildHost(time, new()
        {
            ["EvseStation:Simulated"] = "false",
            ["EvseStation:Hardware:ContactorCoilPin"] = "17",
            ["EvseStation:Hardware:PilotPwmChip"] = "97",
        });
        var error = await Assert.ThrowsAsync<EvseHardwareException>(() => host.StartAsync());
        Assert.False(string.IsNullOrEmpty(error.Part));
        Assert.Contains(error.Part, error.Message);
    }

    [Fact]
    public void A_simulated_station_without_the_simulation_package_registered_is_refused_with_the_fix()
    {
        // Simulated is true by default; the hardware package alone cannot build a simulation and says what to add.
        using var host = BuildHost(new FakeTimeProvider(), new(), simulation: false);
        var error = Assert.Throws<InvalidOperationException>(() => host.Services.GetRequiredService<EvseStation>());
        Assert.Contains("AddEvseSimulation", error.Message);
    }
}
