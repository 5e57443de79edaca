using System;
using System.Threading;
using System.Threading.Tasks;
using MatterGen.Evse.Clusters;
using MatterGen.Evse.Hardware.Station;
using MatterGen.Evse.Simulation;
using MatterGen.Interaction;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MatterGen.Samples.RaspberryPiEvse;

/// <summary>
/// With <c>--simulated</c> only: plugs the simulated EV in and enables charging through the generated client
/// over TLV, as a controller would, so the charger has something to do on a PC.
/// </summary>
internal sealed class SimulatedDriver : BackgroundService
{
    private readonly EvseStation station;
    private readonly SimulatedEv ev;
    private readonly ILogger<SimulatedDriver> logger;

    /// <summary>Creates the driver.</summary>
    public SimulatedDriver(EvseStation station, SimulatedEv ev, ILogger<SimulatedDriver> logger)
    {
        this.station = station;
        this.ev = ev;
        this.logger = logger;
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var server = station.Device.Server;
        var client = new EnergyEVSE.Client(new InProcessTransport(MatterGen.DataModel.Privilege.Operate).Add(server), server.Endpoint);
        await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
        ev.Plugged = true;
        ev.WantsCharge = true;
        logger.LogInformation("Simulated EV plugged in; enabling charging at up to 16 A over the cluster client");
        await client.EnableChargingAsync(new EnergyEVSE.EnableChargingRequest { ChargingEnabledUntil = null, MinimumChargeCurrent = 6_000, MaximumChargeCurrent = 16_000 }, cancellationToken: stoppingToken);
    }
}
