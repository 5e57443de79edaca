using System;
using System.Threading.Tasks;
using MatterGen.DataModel;
using MatterGen.Evse.Clusters;
using MatterGen.Evse.Hardware.Station;
using MatterGen.Evse.Simulation;
using MatterGen.Interaction;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace MatterGen.Evse.Hardware.Tests.Station;

/// <summary>A simulated station on a fake clock, with a Matter client talking to it in process.</summary>
internal sealed class StationRig : IDisposable
{
    public StationRig(EvseStationOptions? options = null, double stateOfCharge = 0.2)
    {
        Options = options ?? new EvseStationOptions();
        Ev = new SimulatedEv(Time, stateOfCharge: stateOfCharge);
        Station = EvseStation.CreateSimulated(Options, Time, Ev);
        Transport = new InProcessTransport(Privilege.Manage).Add(Station.Device.Server);
        Client = new EnergyEVSE.Client(Transport, Options.Endpoint);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
    public EvseStationOptions Options { get; }
    public SimulatedEv Ev { get; }
    public EvseStation Station { get; }
    public StationSimulation Sim => Station.Simulation!;
    public InProcessTransport Transport { get; }
    public EnergyEVSE.Client Client { get; }
    public EvseStationSnapshot Snapshot => Station.Snapshot;

    /// <summary>One loop step; the simulated station never awaits, so the step completes at once.</summary>
    public void Tick()
    {
        var step = Station.TickAsync();
        Assert.True(step.IsCompletedSuccessfully, "a simulated step must complete synchronously");
        step.GetAwaiter().GetResult();
    }

    /// <summary>Runs the loop for <paramref name="duration"/>, a step every <paramref name="step"/> (default: the loop interval).</summary>
    public void Run(TimeSpan duration, TimeSpan? step = null)
    {
        var interval = step ?? Options.LoopInterval;
        for (var t = TimeSpan.Zero; t < duration; t += interval)
        {
            Time.Advance(interval);
            Tick();
        }
    }

    public Task EnableChargingAsync(long maximum = 16_000) =>
        Client.EnableChargingAsync(new EnergyEVSE.EnableChargingRequest { ChargingEnabledUntil = null, MinimumChargeCurrent = 6_000, MaximumChargeCurrent = maximum }).AsTask();

    public void Dispose() => Station.Dispose();
}
