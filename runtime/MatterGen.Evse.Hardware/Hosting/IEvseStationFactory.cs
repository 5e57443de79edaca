using System;
using MatterGen.Evse.Hardware.Station;
using Microsoft.Extensions.Logging;

namespace MatterGen.Evse.Hardware.Hosting;

/// <summary>
/// Makes the station <c>AddEvseStation</c> registers. The default opens the configured hardware and refuses
/// <see cref="EvseStationOptions.Simulated"/>; MatterGen.Evse.Simulation's <c>AddEvseSimulation</c> replaces it with
/// one that builds a simulated station when the options say so.
/// </summary>
public interface IEvseStationFactory
{
    /// <summary>Builds the station the options describe.</summary>
    /// <param name="options">The validated configuration.</param>
    /// <param name="time">The clock.</param>
    /// <param name="loggers">Optional logging.</param>
    EvseStation Create(EvseStationOptions options, TimeProvider time, ILoggerFactory? loggers);
}
