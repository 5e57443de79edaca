using System;
using MatterGen.Evse.Hardware.Hosting;
using MatterGen.Evse.Simulation;
using MatterGen.Evse.Simulation.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Lets <c>AddEvseStation</c> build a simulated station.</summary>
public static class EvseSimulationServiceCollectionExtensions
{
    /// <summary>
    /// Makes the station <c>AddEvseStation</c> registers a simulated one while <c>EvseStation:Simulated</c> is true
    /// (with a registered <see cref="SimulatedEv"/>, else a new one on the registered <see cref="TimeProvider"/>), and
    /// one on the configured hardware while it is false. Call it before or after <c>AddEvseStation</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddEvseSimulation(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new SimulatedEv(sp.GetRequiredService<TimeProvider>()));
        services.Replace(ServiceDescriptor.Singleton<IEvseStationFactory, SimulatedStationFactory>());
        return services;
    }
}
