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
    private readonly EvseStation _station;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the service.</summary>
    /// <param name="station">The station to run.</param>
    /// <param name="time">The loop's clock.</param>
    /// <param name="logger">Optional logger.</param>
    public EvseStationService(EvseStation station, TimeProvider time, ILogger<EvseStationService>? logger = null)
    {
        _station = station ?? throw new ArgumentNullException(nameof(station));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>How many loop steps have run.</summary>
    public long Steps => Interlocked.Read(ref _steps);

    private long _steps;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _logger.LogInformation("EVSE station running ({Mode}, {Device} device on endpoint {Endpoint}, a step every {Interval} ms)",
            _station.Options.Simulated ? "simulated" : "hardware", _station.Options.DeviceKind, _station.Options.Endpoint, _station.Options.LoopInterval.TotalMilliseconds);
        using var timer = new PeriodicTimer(_station.Options.LoopInterval, _time);
        try
        {
            do
            {
                await _station.TickAsync(stoppingToken).ConfigureAwait(false);
                Interlocked.Increment(ref _steps);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }

        _station.ChargePoint.DisableSupply();
        _logger.LogInformation("EVSE station stopped after {Steps} steps", Steps);
    }
}
