using System;
using System.Threading;
using System.Threading.Tasks;
using MatterGen.Evse.Hardware.Station;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MatterGen.Samples.RaspberryPiEvse;

/// <summary>
/// Logs the station's snapshot and what the node's electrical sensor and Device Energy Management show, at a fixed
/// interval (<c>StatusReport:Interval</c>), so a headless Pi shows what it does.
/// </summary>
internal sealed class StatusReporter : BackgroundService
{
    private readonly EvseStation station;
    private readonly StationNode node;
    private readonly TimeProvider time;
    private readonly ILogger<StatusReporter> logger;
    private readonly TimeSpan interval;

    /// <summary>Creates the reporter.</summary>
    public StatusReporter(EvseStation station, StationNode node, TimeProvider time, IConfiguration configuration, ILogger<StatusReporter> logger)
    {
        this.station = station;
        this.node = node;
        this.time = time;
        this.logger = logger;
        var configured = configuration.GetValue<TimeSpan?>("StatusReport:Interval") ?? TimeSpan.FromSeconds(10);
        interval = configured < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : configured;
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var s = station.Snapshot;
            logger.LogInformation(
                "Pilot {Pilot}, contactor {Contactor}, offered {Offered:0.0} A, measured {Measured:0.0} A, {Energy:0.00} kWh, SoC {Soc}, {State} / {Supply} / {Fault}",
                s.PilotState, s.ContactorClosed ? "closed" : "open", s.OfferedCurrentMilliamps / 1000.0, s.MeasuredCurrentMilliamps / 1000.0,
                s.SessionEnergyMilliwattHours / 1e6, s.StateOfCharge is { } soc ? $"{soc} %" : "-", s.State, s.SupplyState, s.FaultState);
            var charger = node.Charger;
            logger.LogInformation(
                "Sensor {Power:0.00} kW, {Energy:0.000} kWh imported; energy management {EsaState}, adjustment cap {Cap}",
                (charger.Sensor.Power.ActivePower ?? 0) / 1e6, charger.Sensor.ImportedEnergy / 1e6, charger.EnergyManagement.Server.ESAState,
                charger.Evse.Controller.EnergyManagementLimit is { } cap ? $"{cap / 1000.0:0.0} A" : "none");
        }
    }
}
