using System;
using System.Threading;
using System.Threading.Tasks;
using MatterGen.Evse.Hardware.Station;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MatterGen.Evse.Hardware.Hosting;

/// <summary>
/// Runs an <see cref="EvseStation"/>'s control loop every <see cref="EvseStationOptions.LoopInterval"/> on the
/// injected <see cref="TimeProvider"/>, and opens the contactor when the host stops.
/// </summary>
public sealed class EvseStationService : BackgroundService
{
    private readonly EvseStation hostedStation;
    private readonly TimeProvider clock;
    private readonly ILogger log;

    /// <summary>Creates the service.</summary>
    /// <param name="station">The station to run.</param>
    /// <param name="time">The loop's clock.</param>
    /// <param name="logger">Optional logger.</param>
    public EvseStationService(EvseStation station, TimeProvider time, ILogger<EvseStationService>? logger = null)
    {
        hostedStation = station ?? throw new ArgumentNullException(nameof(station));
        clock = time ?? throw new ArgumentNullException(nameof(time));
        log = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>How many loop steps have run.</summary>
    public long Steps => Interlocked.Read(ref steps);

    private long steps;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        log.LogInformation("EVSE station running ({Mode}, {Device} device on endpoint {Endpoint}, a step every {Interval} ms)",
            hostedStation.Options.Simulated ? "simulated" : "hardware", hostedStation.Options.DeviceKind, hostedStation.Options.Endpoint, hostedStation.Options.LoopInterval.TotalMilliseconds);
        using var timer = new PeriodicTimer(hostedStation.Options.LoopInterval, clock);
        try
        {
            do
            {
                await hostedStation.TickAsync(stoppingToken).ConfigureAwait(false);
                Interlocked.Increment(ref steps);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }

        hostedStation.ChargePoint.DisableSupply();
        log.LogInformation("EVSE station stopped after {Steps} steps", Steps);
    }
}
