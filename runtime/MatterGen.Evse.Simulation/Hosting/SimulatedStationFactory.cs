using System;
using MatterGen.Evse.Hardware.Hosting;
using MatterGen.Evse.Hardware.Station;
using Microsoft.Extensions.Logging;

namespace MatterGen.Evse.Simulation.Hosting;

/// <summary>Builds a simulated station while the options say Simulated, else one on the configured hardware.</summary>
internal sealed class SimulatedStationFactory(SimulatedEv ev) : IEvseStationFactory
{
    /// <inheritdoc />
    public EvseStation Create(EvseStationOptions options, TimeProvider time, ILoggerFactory? loggers) => options.Simulated
        ? EvseStation.CreateSimulated(options, time, ev, loggers)
        : EvseStation.CreateForHardware(options, time, loggers);
}
