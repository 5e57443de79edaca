using System;
using System.Threading;
using System.Threading.Tasks;
using MatterGen.Evse.Charger;
using MatterGen.Evse.Clusters;
using MatterGen.Evse.Simulation;
using MatterGen.Interaction;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MatterGen.Samples.RaspberryPiEvse;

/// <summary>
/// With <c>--simulated</c> only: plugs the simulated EV in and enables charging through the generated client
/// over TLV, as a controller would, then after a minute caps the charger at 2.3 kW for two minutes through Device
/// Energy Management, so the charger has something to do on a PC.
/// </summary>
internal sealed class SimulatedDriver : BackgroundService
{
    private readonly StationNode node;
    private readonly SimulatedEv ev;
    private readonly ILogger<SimulatedDriver> logger;

    /// <summary>Creates the driver.</summary>
    public SimulatedDriver(StationNode node, SimulatedEv ev, ILogger<SimulatedDriver> logger)
    {
        this.node = node;
        this.ev = ev;
        this.logger = logger;
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var transport = new InProcessTransport(MatterGen.DataModel.Privilege.Operate);
        foreach (var endpoint in node.Charger.Node.EndpointList)
        {
            foreach (var server in endpoint.Servers)
            {
                transport.Add(server);
            }
        }

        var client = new EnergyEVSE.Client(transport, ChargerNode.EvseEndpoint);
        var energyManagement = new DeviceEnergyManagement.Client(transport, ChargerNode.EvseEndpoint);
        await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
        ev.Plugged = true;
        ev.WantsCharge = true;
        logger.LogInformation("Simulated EV plugged in; enabling charging at up to 16 A over the cluster client");
        await client.EnableChargingAsync(new EnergyEVSE.EnableChargingRequest { ChargingEnabledUntil = null, MinimumChargeCurrent = 6_000, MaximumChargeCurrent = 16_000 }, cancellationToken: stoppingToken);
        await Task.Delay(TimeSpan.FromMinutes(1), stoppingToken);
        logger.LogInformation("Capping the charger at 2.3 kW (10 A) for two minutes through Device Energy Management");
        try
        {
            await energyManagement.PowerAdjustRequestAsync(new DeviceEnergyManagement.PowerAdjustRequest
            {
                Power = 2_300_000,
                Duration = new MatterGen.DataModel.ElapsedSeconds(120),
                Cause = DeviceEnergyManagement.AdjustmentCauseEnum.LocalOptimization,
            }, cancellationToken: stoppingToken);
        }
        catch (MatterStatusException refused)
        {
            // A faulted or opted-out charger refuses; that is its right, not a reason to stop the host.
            logger.LogWarning("The charger refused the power adjustment: {Status}", refused.Status);
        }
    }
}
