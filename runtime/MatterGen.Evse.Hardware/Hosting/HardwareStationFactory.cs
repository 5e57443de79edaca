using System;
using MatterGen.Evse.Hardware.Station;
using Microsoft.Extensions.Logging;

namespace MatterGen.Evse.Hardware.Hosting;

/// <summary>The default station factory: real hardware only.</summary>
internal sealed class HardwareStationFactory : IEvseStationFactory
{
    /// <inheritdoc />
    public EvseStation Create(EvseStationOptions options, TimeProvider time, ILoggerFactory? loggers)
    {
        if (options.Simulated)
        {
            throw new InvalidOperationException(
                $"{EvseStationOptions.SectionName}:Simulated is true, but no simulation is registered: reference MatterGen.Evse.Simulation and call services.AddEvseSimulation(), or set Simulated to false for real hardware.");
        }

        return EvseStation.CreateForHardware(options, time, loggers);
    }
}
